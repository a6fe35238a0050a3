import CaravanCore
import CaravanNetwork
import Foundation

/// The data a scorecard is judged on, gathered by whoever holds the store.
public struct ScorecardInput: Sendable {
    public var dossier: Dossier
    public var asOf: Date
    /// The stored figures between two economies for one commodity, both directions, all vintages.
    public var trade: @Sendable (_ a: String, _ b: String, _ commodity: String) -> [RecordedObservation]
    /// The growth rates and multiples stated between two economies, either way round, all vintages.
    public var relations: @Sendable (_ a: String, _ b: String) -> [RecordedRelativeFigure]
    public var flows: [RecordedFreightFlow]
    /// The network as it stands, before the dossier's projects; nil when none is stored.
    public var network: Network?
    /// The tariff coverage each tariff metric of the dossier reads, or why there is none.
    public var tariffs: [TariffShare: Result<TariffCoverage, TariffEvidenceMissing>]

    public init(
        dossier: Dossier, asOf: Date, trade: @escaping @Sendable (String, String, String) -> [RecordedObservation],
        relations: @escaping @Sendable (String, String) -> [RecordedRelativeFigure] = { _, _ in [] }, flows: [RecordedFreightFlow],
        network: Network?, tariffs: [TariffShare: Result<TariffCoverage, TariffEvidenceMissing>] = [:]
    ) {
        self.dossier = dossier
        self.asOf = asOf
        self.trade = trade
        self.relations = relations
        // Only outturns are judged: a plan, a forecast or a bound is not what the corridor carried.
        self.flows = flows.filter { $0.source.status == .outturn }
        self.network = network
        self.tariffs = tariffs
    }
}

/// Why a tariff metric has no value: what is missing, in words.
public struct TariffEvidenceMissing: Error, Sendable, Hashable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Is the partnership delivering? Its three tests, each with a status and the evidence behind
/// it, and every claim checked (docs/scorecard.md).
public struct Scorecard: Sendable, Encodable {
    public var partnership: Partnership
    public var asOf: Period
    public var tests: Tests
    public var claims: [ClaimResult]
    public var agreements: [Agreement]
    public var sources: [DossierSource]
    /// Elements the dossier names that the stored network lacks: the answers that need them say
    /// so, and everything else is judged as usual.
    public var missingElements: [ElementReference]

    /// The Gregorian year judged in: deadlines before it are missed, not grown towards.
    public var asOfYear: Int { Int(Period.unit(.year, containing: asOf.days.lowerBound, in: .gregorian).first) }

    public struct Tests: Sendable, Encodable {
        public var trade: TradeTest
        public var projects: ProjectsTest
        public var corridor: CorridorTest
    }

    enum CodingKeys: String, CodingKey {
        case partnership, tests, claims, agreements, sources
        case asOf = "as_of"
        case missingElements = "missing_elements"
    }

    public init(_ input: ScorecardInput) {
        let dossier = input.dossier
        partnership = dossier.partnership
        missingElements = input.network.map { dossier.missingElements(in: $0.elementIDs) } ?? []
        asOf = .days(Day(containing: input.asOf)...Day(containing: input.asOf), in: .gregorian)
        // Each pair's figures indexed by origin once, for every target, test and claim that weighs them.
        let weighed = KeptResults<FiguresAsked, WeighedFigures>()
        func figures(_ query: TradeQuery) -> WeighedFigures {
            weighed.result(for: FiguresAsked(query)) { WeighedFigures(input.trade(query.reporter, query.partner, query.commodity)) }
        }
        var targets: [TargetResult] = []
        for target in dossier.targets {
            let source = dossier.source(target.source)
            switch target.metric {
            case .trade(let query):
                targets.append(
                    TradeTargets.evaluate(
                        target, query: query, figures: figures(query), relations: input.relations(query.reporter, query.partner), asOf: input.asOf,
                        dossier: dossier))
            case .freight(let element):
                targets.append(
                    CorridorTargets.evaluate(
                        target, element: element, flows: input.flows, network: input.network, projects: dossier.projects, asOf: input.asOf,
                        dossier: dossier))
            case .funding(let ids):
                targets.append(
                    FundingTargets.evaluate(target, projects: dossier.projects.filter { ids.contains($0.id) }, asOf: input.asOf, source: source))
            case .agreements, .statement, .tariffCoverage:
                break
            }
            if targets.last?.id == target.id { targets[targets.count - 1].titles = target.titles }
        }
        let economies = dossier.partnership.economies
        let pair = TradeQuery(reporter: economies.first ?? "", partner: economies.dropFirst().first ?? "", flow: .turnover)
        let projects = dossier.projects.map { ProjectCheck.evaluate($0, asOf: input.asOf, source: dossier.source($0.source)) }
        // The test's figures are weighed apart from the sources its targets were stated in: the article assessed.
        let tradeTargets = dossier.targets.filter { $0.metric.kind == "trade" }
        let assessed = tradeTargets.map { dossier.origin(of: $0.source, quote: $0.quote) }.reduce(nil) { $0?.merging($1) ?? $1 }
        var asked = pair
        asked.asOf = input.asOf
        let asOfYear = Calendars.year(of: input.asOf)
        let corridor = dossier.partnership.corridor ?? ""
        let corridorName = input.network?.name(of: corridor) ?? .text(corridor)
        tests = Tests(
            trade: TradeTest(
                progress: TradeProgress(query: asked, figures: figures(pair), apartFrom: assessed),
                assessed: Array(Set(tradeTargets.map { dossier.name(of: $0.source) })).sorted(),
                targets: targets.filter { $0.metric.kind == "trade" }, asOfYear: asOfYear),
            projects: ProjectsTest(projects: projects, targets: targets.filter { $0.metric.kind == "funding" }),
            corridor: CorridorTest(
                element: dossier.partnership.corridor, name: corridorName, targets: targets.filter { $0.metric.kind == "freight" }, asOfYear: asOfYear
            ))
        let check = ClaimCheck(
            dossier: dossier, figures: figures, relations: { input.relations($0.reporter, $0.partner) }, flows: input.flows, tariffs: input.tariffs,
            asOf: input.asOf)
        claims = dossier.claims.map(check.judge)
        agreements = dossier.agreements
        sources = dossier.sources
    }
}

/// The figures a question reads: a pair, either way round, and a commodity.
struct FiguresAsked: Hashable {
    let a: String, b: String, commodity: String

    init(_ query: TradeQuery) {
        (a, b) = query.reporter < query.partner ? (query.reporter, query.partner) : (query.partner, query.reporter)
        commodity = query.commodity
    }
}

/// Funding targets: USD committed to a set of projects by a deadline.
enum FundingTargets {
    static func evaluate(_ target: Target, projects: [Project], asOf: Date, source: DossierSource?) -> TargetResult {
        let committed = projects.map { ProjectCheck.evaluate($0, asOf: asOf, source: nil).committedUSD }.reduce(0, +)
        let status: TestStatus
        let reason: Phrase
        if projects.isEmpty {
            (status, reason) = (.noData, Phrase("reason.no-projects", "none of the projects named is in the dossier"))
        } else if committed >= target.value {
            (status, reason) = (.met, Phrase("reason.committed", "{usd} committed", ["usd": .usd(committed)]))
        } else if Calendars.year(of: asOf) > target.deadline {
            (status, reason) = (
                .offTrack,
                Phrase(
                    "reason.committed-by", "{usd} committed by the {deadline} deadline", ["usd": .usd(committed), "deadline": .year(target.deadline)])
            )
        } else {
            (status, reason) = (.atRisk, Phrase("reason.committed-so-far", "{usd} committed so far", ["usd": .usd(committed)]))
        }
        return TargetResult(
            id: target.id, title: target.title, metric: target.metric, value: target.value, unit: "USD", deadline: target.deadline,
            assumed: target.assumed, assumption: target.assumption, source: source.map(Provenance.init(source:)), quote: target.quote, status: status,
            reason: reason, progressPct: target.value > 0 ? committed / target.value * 100 : nil)
    }
}
