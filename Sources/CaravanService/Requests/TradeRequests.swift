import CaravanCore
import Foundation

/// A pair's flow period by period: `trade series`, `/api/v1/trade/series`, the `/trade` page.
public struct SeriesRequest: Sendable {
    public var query: TradeQuery
    public var grain: SeriesGrain
}

/// A pair's flow in one period against another: `trade compare`.
public struct ComparisonRequest: Sendable {
    public var query: TradeQuery
    public var period: Period
    public var versus: Period?
}

/// Each side's report of a pair's flows: `trade mirror`.
public struct MirrorRequest: Sendable {
    public var a: String
    public var b: String
    public var commodity: String
    public var period: Period?
    public var asOf: Date?
}

/// Why two sides' figures differ: `trade gap`.
public struct GapRequest: Sendable {
    public var a: String
    public var b: String
    public var period: Period
    public var flow: TradeFlow
    public var commodity: String

    public init(a: String, b: String, period: Period, flow: TradeFlow = .turnover, commodity: String = CommodityCode.total) {
        self.a = a
        self.b = b
        self.period = period
        self.flow = flow
        self.commodity = commodity
    }
}

/// What a pair trades: `trade products`.
public struct ProductsRequest: Sendable {
    public var query: TradeQuery
    public var period: Period
    public var versus: Period?
    public var level: ProductLevel
    public var top: Int
}

/// What a tariff schedule covers: `tariffs coverage`.
public struct CoverageRequest: Sendable {
    public var reporter: String
    public var partner: String
    public var regime: String?
    public var period: Period?
    public var asOf: Date?
}

extension RequestReader {
    /// `reporter`, `partner`, `flow` (default turnover), `commodity` (default TOTAL) and `as-of`.
    public func tradeQuery(_ asked: TradeQuery.Asked) async throws -> TradeQuery {
        let (reporter, partner) = try pair(("reporter", asked.reporter), ("partner", asked.partner))
        return TradeQuery(
            reporter: reporter, partner: partner, flow: try choice("flow", asked.flow, default: TradeFlow.turnover),
            commodity: try await commodity(asked.commodity), asOf: try asOf(asked.asOf))
    }

    /// Two economies, refused when they are one.
    func pair(_ first: (name: String, text: String?), _ second: (name: String, text: String?)) throws -> (String, String) {
        let a = try country(first.name, first.text)
        let b = try country(second.name, second.text)
        if a == b { throw refuse(second.name, "the same economy as \(label(first.name)); a pair is of two") }
        return (a, b)
    }

    public func series(_ asked: SeriesRequest.Asked) async throws -> SeriesRequest {
        SeriesRequest(query: try await tradeQuery(asked.query), grain: try choice("by", asked.by, default: SeriesGrain.year))
    }

    public func comparison(_ asked: ComparisonRequest.Asked) async throws -> ComparisonRequest {
        let query = try await tradeQuery(asked.query)
        guard let period = try period("period", asked.period) else {
            throw refuse("period", "required: the period to look at (2024, 2025-01..2025-09)")
        }
        return ComparisonRequest(query: query, period: period, versus: try self.period("versus", asked.versus))
    }

    public func mirror(_ asked: MirrorRequest.Asked) async throws -> MirrorRequest {
        let (a, b) = try pair(("a", asked.a), ("b", asked.b))
        return MirrorRequest(
            a: a, b: b, commodity: try await commodity(asked.commodity), period: try period("period", asked.period), asOf: try asOf(asked.asOf))
    }

    public func gap(_ asked: GapRequest.Asked) async throws -> GapRequest {
        let (a, b) = try pair(("a", asked.a), ("b", asked.b))
        guard let period = try period("period", asked.period) else {
            throw refuse("period", "required: the period the question is about (2022, SH1401)")
        }
        return GapRequest(
            a: a, b: b, period: period, flow: try choice("flow", asked.flow, default: TradeFlow.turnover),
            commodity: try await commodity(asked.commodity))
    }

    public func products(_ asked: ProductsRequest.Asked) async throws -> ProductsRequest {
        let query = try await tradeQuery(asked.query)
        guard let period = try period("period", asked.period) else { throw refuse("period", "required: the period to break down (2024, SH1403)") }
        return ProductsRequest(
            query: query, period: period, versus: try self.period("versus", asked.versus),
            level: try choice("level", asked.level, default: ProductLevel.chapter), top: try integer("top", asked.top, in: 1...1_000, default: 10))
    }

    public func coverage(_ asked: CoverageRequest.Asked) throws -> CoverageRequest {
        let (reporter, partner) = try pair(("reporter", asked.reporter), ("partner", asked.partner))
        return CoverageRequest(
            reporter: reporter, partner: partner, regime: text(asked.regime), period: try period("period", asked.period), asOf: try asOf(asked.asOf))
    }
}
