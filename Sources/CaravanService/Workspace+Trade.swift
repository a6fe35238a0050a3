import CaravanCore
import CaravanData
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
        var holdings = PairHoldings(try await figuresByCoverage(a, b, derived: false).values.flatMap { $0 }, asked: flow)
        let blocs = tables.blocs
        if blocs.contains(a) != blocs.contains(b) {
            let (bloc, other) = blocs.contains(a) ? (a, b) : (b, a)
            let members = blocs.everyMember(of: bloc).filter { $0 != other }
            var held: [String] = []
            for member in members where try await !store.observations(between: other, and: member, commodity: CommodityCode.total).isEmpty {
                held.append(member)
            }
            holdings.members = PairHoldings.Members(bloc: bloc, members: members, held: held)
        }
        return holdings
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
        let products = derived ? try await productFigures(a, b) : []
        var byCoverage: [String: [RecordedObservation]] = [:]
        for coverage in Set([commodity, CommodityCode.total] + groups.groups.keys) {
            let stated = try await store.observations(between: a, and: b, commodity: coverage)
            let figures = derived ? Self.figures(for: coverage, stated: stated, products: products, groups: groups) : stated
            if !figures.isEmpty { byCoverage[coverage] = figures }
        }
        return byCoverage
    }

    /// The figures that answer for a commodity: those stated for it, and for an HS code or a
    /// named group the sums of the finer codes within it, source by source; for a bloc, also its
    /// members' figures added up where the bloc's own is missing.
    func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        let stated = try await pairObservations(between: a, and: b, commodity: commodity)
        let blocs = tables.blocs
        guard blocs.contains(a) != blocs.contains(b) else { return stated }
        let (bloc, other) = blocs.contains(a) ? (a, b) : (b, a)
        var members: [RecordedObservation] = []
        for member in blocs.everyMember(of: bloc) where member != other {
            members += try await pairObservations(between: other, and: member, commodity: commodity)
        }
        return stated + BlocFigures.derive(bloc: bloc, other: other, blocs: blocs, rows: members, stated: stated)
    }

    /// One pair's figures for a commodity, as stated and summed from finer codes.
    private func pairObservations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        let stated = try await store.observations(between: a, and: b, commodity: commodity)
        let groups = try await groups()
        guard ProductAggregation.members(of: commodity, groups: groups) != nil else { return stated }
        return Self.figures(for: commodity, stated: stated, products: try await productFigures(a, b), groups: groups)
    }

    /// The pair's product figures, those of HS 2017 read in HS 2022 (docs/products.md).
    func productFigures(_ a: String, _ b: String) async throws -> [RecordedObservation] {
        let rows = try await store.products(between: a, and: b)
        // The table is read only when a figure needs it: most pairs hold no HS 2017 product figure.
        guard rows.contains(where: { $0.source.edition == HSEdition.hs2017 }) else { return rows }
        return Self.hsConversion.convert(rows)
    }

    /// UNSD's correlation table, read on first use.
    static let hsConversion = HSConversion(correlationsCSV: BundledData.hsCorrelationCSV)

    /// A product's or group's figures: those stated for it in HS 2022 or by a group's figure, those
    /// converted to it from HS 2017, and the sums of the finer codes within it, source by source.
    private static func figures(
        for commodity: String, stated: [RecordedObservation], products: [RecordedObservation], groups: ProductGroups
    ) -> [RecordedObservation] {
        guard let members = ProductAggregation.members(of: commodity, groups: groups) else { return stated }
        // A subheading stated in HS 2017 means what the conversion says, not what its digits say in HS 2022.
        let own = stated.filter { !(CommodityCode.isSubheading($0.observation.commodity) && $0.source.edition == HSEdition.hs2017) }
        let converted = products.filter { HSConversion.isConverted($0) && $0.observation.commodity == commodity }
        return own + converted + ProductAggregation.derive(commodity, members: members, from: own + products)
    }
}
