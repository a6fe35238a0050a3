import CaravanCore
import CaravanDossier
import CaravanNetwork
import Foundation

/// Everything a partnership's report shows, gathered from the store.
public struct ReportData: Sendable {
    public var scorecard: Scorecard
    /// The partnership's turnover by year.
    public var series: TradeSeries
    /// Freight flows against capacity.
    public var flows: FlowReport
    /// The corridor's capacity year by year, with the projects due by then.
    public var capacity: [CorridorYear]
    /// What the pair trades in the last full year it has figures at an HS level for; nil when none.
    public var composition: ProductComposition?
    /// The tariff coverage of each side's schedule for the other, where one is stored.
    public var coverage: [TariffCoverage] = []
    /// Why the two sides' figures differ, for the latest year both give one; nil when they never do.
    public var gap: TradeGap?
    public var generated: Date
    /// Every element of the network by its name in each language; empty without a network.
    public var names: [String: Phrase.Value] = [:]

    public struct CorridorYear: Sendable {
        public var year: Int
        public var maxMt: Double?
        public var bottleneck: [String]
        public var projects: [String]
    }

    public init(
        scorecard: Scorecard, series: TradeSeries, flows: FlowReport, capacity: [CorridorYear], composition: ProductComposition?,
        coverage: [TariffCoverage] = [], gap: TradeGap? = nil, generated: Date
    ) {
        self.gap = gap
        self.scorecard = scorecard
        self.series = series
        self.flows = flows
        self.capacity = capacity
        self.composition = composition
        self.coverage = coverage
        self.generated = generated
    }
}

extension Workspace {
    /// The data of the partnership's report as of a moment.
    public func reportData(_ partnership: String? = nil, asOf: Date = Date()) async throws -> ReportData {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let dossier = try await dossier(scorecard.partnership.id)
        let economies = scorecard.partnership.economies
        let series = try await self.series(
            TradeQuery(reporter: economies.first ?? "", partner: economies.dropFirst().first ?? "", asOf: asOf), by: .year)
        let network = try await storedNetwork()
        // Flows are read against the network's capacities: without a network there are none to show.
        let flows = network == nil ? FlowReport(flows: []) : try await freightFlows(element: nil)
        var capacity: [ReportData.CorridorYear] = []
        if let element = scorecard.partnership.corridor, let network {
            let firstYear = min(
                Period.unit(.year, containing: Day(containing: asOf), in: .gregorian).first,
                flows.flows.map { Period.unit(.year, containing: $0.period.days.lowerBound, in: .gregorian).first }.min() ?? .max)
            let lastYear = max(firstYear, scorecard.tests.corridor.targets.map(\.deadline).max() ?? firstYear)
            for year in firstYear...lastYear {
                let (standing, applied) = network.asOf(year: year, projects: dossier.projects)
                let analysis = standing.capacity(ofElement: element)
                capacity.append(.init(year: year, maxMt: analysis?.maxMt, bottleneck: analysis?.bottleneck ?? [], projects: applied))
            }
        }
        let pair = TradeQuery(reporter: economies.first ?? "", partner: economies.dropFirst().first ?? "", asOf: asOf)
        let (composition, coverage) = try await whatIsTraded(pair, asOf: asOf)
        let gap = try await latestGap(pair.reporter, pair.partner)
        var data = ReportData(
            scorecard: scorecard, series: series, flows: flows, capacity: capacity, composition: composition, coverage: coverage, gap: gap,
            generated: Date())
        data.names = network?.elementNames ?? [:]
        return data
    }

    /// The pair's trade by chapter in its last full year at an HS level, and each side's tariff coverage for the other.
    public func whatIsTraded(_ pair: TradeQuery, asOf: Date) async throws -> (ProductComposition?, [TariffCoverage]) {
        let rows = try await productFigures(pair.reporter, pair.partner)
        let current = Period.unit(.year, containing: Day(containing: asOf), in: .gregorian).first
        let years = rows.map { Period.unit(.year, containing: $0.observation.period.days.upperBound, in: .gregorian).first }.filter { $0 < current }
        var composition: ProductComposition?
        if let year = years.max(), let nomenclature = tables.nomenclature {
            composition = ProductComposition(
                pair, period: Period(.year, year, in: .gregorian), level: .chapter, top: 10, rows: rows, nomenclature: nomenclature)
        }
        var coverage: [TariffCoverage] = []
        for (reporter, partner) in [(pair.reporter, pair.partner), (pair.partner, pair.reporter)] {
            // No schedule, or several to choose from, is a coverage not to show; a store failing is an error.
            do { coverage.append(try await tariffCoverage(reporter: reporter, partner: partner, asOf: asOf)) } catch is ProductError {}
        }
        return (composition, coverage)
    }
}
