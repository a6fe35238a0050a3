import CaravanCore
import Foundation

extension Workspace {
    /// The pair's flow period by period, oldest first.
    public func series(_ query: TradeQuery, by grain: SeriesGrain) async throws -> TradeSeries {
        let observations = try await observations(between: query.reporter, and: query.partner, commodity: query.commodity)
        var series = TradeSeries(query, by: grain, from: observations)
        if series.points.isEmpty { series.holdings = try await holdings(query.reporter, query.partner, asked: query.flow) }
        return series
    }

    /// What the store holds for a pair, over every coverage it knows: said when a question finds nothing.
    public func holdings(_ a: String, _ b: String, asked flow: TradeFlow? = nil) async throws -> PairHoldings {
        PairHoldings(try await figuresByCoverage(a, b, derived: false).values.flatMap { $0 }, asked: flow)
    }

    /// The pair's flow over `period` against `versus` (by default a year earlier).
    public func compare(_ query: TradeQuery, period: Period, versus: Period?) async throws -> TradeComparison {
        let observations = try await observations(between: query.reporter, and: query.partner, commodity: query.commodity)
        return TradeComparison(query, period: period, versus: versus, from: observations)
    }

    /// Each side's report of the pair's two flows, the gap between them and a best estimate.
    public func mirror(_ a: String, _ b: String, commodity: String, period: Period?, asOf: Date?) async throws -> MirrorComparison {
        let observations = try await observations(between: a, and: b, commodity: commodity)
        var mirror = MirrorComparison(a, b, commodity: commodity, period: period, asOf: asOf, from: observations)
        if mirror.flows.isEmpty { mirror.holdings = try await holdings(a, b) }
        return mirror
    }

    /// Why the two sides' figures for a question differ, step by step, over every coverage the
    /// ledger holds for the pair (all goods, then each named group).
    public func gap(_ request: GapRequest) async throws -> TradeGap {
        TradeGap(
            a: request.a, b: request.b, period: request.period, flow: request.flow, commodity: request.commodity,
            observations: try await figuresByCoverage(request.a, request.b, including: request.commodity))
    }

    /// The gap for the latest year in which each side gives its own figure for a whole year (of
    /// either calendar): what the dashboard and the report show without a period asked.
    public func latestGap(_ a: String, _ b: String, flow: TradeFlow = .turnover, commodity: String = CommodityCode.total) async throws -> TradeGap? {
        TradeGap.latest(a: a, b: b, flow: flow, commodity: commodity, observations: try await figuresByCoverage(a, b, including: commodity))
    }

    /// The pair's figures of every coverage the ledger knows — all goods, `commodity`, each named
    /// group — as stated and, with `derived`, summed from the finer codes within a group; a
    /// coverage without a figure is left out.
    private func figuresByCoverage(
        _ a: String, _ b: String, including commodity: String = CommodityCode.total, derived: Bool = true
    ) async throws -> [String: [RecordedObservation]] {
        let groups = try await groups()
        let products = derived ? try await store.products(between: a, and: b) : []
        var byCoverage: [String: [RecordedObservation]] = [:]
        for coverage in Set([commodity, CommodityCode.total] + groups.groups.keys) {
            let stated = try await store.observations(between: a, and: b, commodity: coverage)
            let sums =
                derived
                ? ProductAggregation.members(of: coverage, groups: groups).map {
                    ProductAggregation.derive(coverage, members: $0, from: stated + products)
                } ?? [] : []
            if !(stated + sums).isEmpty { byCoverage[coverage] = stated + sums }
        }
        return byCoverage
    }

    /// The figures that answer for a commodity: those stated for it, and for an HS code or a
    /// named group the sums of the finer codes within it, source by source.
    func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        let stated = try await store.observations(between: a, and: b, commodity: commodity)
        guard let members = ProductAggregation.members(of: commodity, groups: try await groups()) else { return stated }
        let products = try await store.products(between: a, and: b)
        return stated + ProductAggregation.derive(commodity, members: members, from: stated + products)
    }
}
