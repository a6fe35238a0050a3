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
    public func tradeQuery() async throws -> TradeQuery {
        let (reporter, partner) = try pair("reporter", "partner")
        return TradeQuery(
            reporter: reporter, partner: partner, flow: try choice("flow", default: TradeFlow.turnover), commodity: try await commodity(),
            asOf: try asOf())
    }

    /// Two economies, refused when they are one.
    func pair(_ first: String, _ second: String) throws -> (String, String) {
        let a = try country(first)
        let b = try country(second)
        if a == b { throw refuse(second, "the same economy as \(values.label(first)); a pair is of two") }
        return (a, b)
    }

    public func series() async throws -> SeriesRequest {
        SeriesRequest(query: try await tradeQuery(), grain: try choice("by", default: SeriesGrain.year))
    }

    public func comparison() async throws -> ComparisonRequest {
        let query = try await tradeQuery()
        guard let period = try period("period") else { throw refuse("period", "required: the period to look at (2024, 2025-01..2025-09)") }
        return ComparisonRequest(query: query, period: period, versus: try self.period("versus"))
    }

    public func mirror() async throws -> MirrorRequest {
        let (a, b) = try pair("a", "b")
        return MirrorRequest(a: a, b: b, commodity: try await commodity(), period: try period("period"), asOf: try asOf())
    }

    public func gap() async throws -> GapRequest {
        let (a, b) = try pair("a", "b")
        guard let period = try period("period") else { throw refuse("period", "required: the period the question is about (2022, SH1401)") }
        return GapRequest(a: a, b: b, period: period, flow: try choice("flow", default: TradeFlow.turnover), commodity: try await commodity())
    }

    public func products() async throws -> ProductsRequest {
        let query = try await tradeQuery()
        guard let period = try period("period") else { throw refuse("period", "required: the period to break down (2024, SH1403)") }
        return ProductsRequest(
            query: query, period: period, versus: try self.period("versus"), level: try choice("level", default: ProductLevel.chapter),
            top: try integer("top", in: 1...1_000, default: 10))
    }

    public func coverage() throws -> CoverageRequest {
        let (reporter, partner) = try pair("reporter", "partner")
        return CoverageRequest(reporter: reporter, partner: partner, regime: values.string("regime"), period: try period("period"), asOf: try asOf())
    }
}
