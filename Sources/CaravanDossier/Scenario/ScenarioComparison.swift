import CaravanCore
import CaravanNetwork
import Foundation

/// A scenario's answer beside the baseline's: the three tests, each target, and the corridor's
/// capacity year by year with its bottleneck.
public struct ScenarioComparison: Sendable, Encodable {
    public var partnership: String
    public var changes: [String]
    public var baseline: ScenarioOutcome
    public var scenario: ScenarioOutcome
    /// Why nothing changed, when no status, target or year's capacity moved: what the changes
    /// touch, and the corridor's bottleneck they leave as it was.
    public var unchanged: Phrase?

    enum CodingKeys: String, CodingKey { case partnership, changes, baseline, scenario, unchanged }

    /// Compares the baseline's scorecard with the scenario's, over `years` of capacity.
    /// Puts `scenario` to the scorecard's input and compares, with the capacity from the year of
    /// `input.asOf` to the last target's.
    public init(_ scenario: Scenario, input: ScorecardInput) throws(ScenarioError) {
        var changed = input
        (changed.dossier, changed.network) = try scenario.apply(to: input.dossier, network: input.network)
        let year = Period.unit(.year, containing: Day(containing: input.asOf), in: .gregorian).first
        let years = year...max(year, input.dossier.targets.map(\.deadline).max() ?? year)
        let baseline = Scorecard(input)
        partnership = baseline.partnership.id
        changes = scenario.changes.map(\.description)
        let element = baseline.tests.corridor.element
        self.baseline = ScenarioOutcome(baseline, network: input.network, projects: input.dossier.projects, element: element, years: years)
        self.scenario = ScenarioOutcome(
            Scorecard(changed), network: changed.network, projects: changed.dossier.projects, element: element, years: years)
        if self.baseline.sameVerdicts(as: self.scenario), let network = input.network {
            let touched = scenario.changes.flatMap { change -> [String] in
                switch change {
                case .delay(let id, _), .cancel(let id): input.dossier.projects.first { $0.id == id }?.effects.map(\.element) ?? []
                case .add(let element, _, _): [element]
                }
            }
            unchanged = Self.why(touched: touched, baseline: self.baseline, scenario: self.scenario, corridor: element, network: network)
        }
    }

    /// Why nothing moved: the bottleneck handed on to an element that carries no more, or left
    /// where it was by changes that touch other elements (or none).
    static func why(touched: [String], baseline: ScenarioOutcome, scenario: ScenarioOutcome, corridor: String?, network: Network) -> Phrase {
        let elements = touched.inFirstOrder
        let bottleneck = baseline.capacity.flatMap(\.bottleneck).inFirstOrder
        let moved = scenario.capacity.flatMap(\.bottleneck).inFirstOrder.filter { !bottleneck.contains($0) }
        let named = { (ids: [String]) in Phrase.Value.list(ids.map(network.name(of:)), separator: ", ") }
        let values: [String: Phrase.Value] = [
            "touched": named(elements), "corridor": corridor.map(network.name(of:)) ?? .text(""), "bottleneck": named(bottleneck),
            "moved": named(moved),
        ]
        if !moved.isEmpty && elements.contains(where: bottleneck.contains) {
            return Phrase(
                "scenario.unchanged-moved",
                "Nothing changes: lifting {touched} moves the bottleneck of {corridor} to {moved}, which carries no more.",
                values)
        }
        return elements.isEmpty
            ? Phrase(
                "scenario.unchanged-no-effects",
                "Nothing changes: the projects changed have no effect on the network stated, and the bottleneck of {corridor} is {bottleneck}.",
                values)
            : Phrase(
                "scenario.unchanged", "Nothing changes: the bottleneck of {corridor} is {bottleneck}, and these changes touch only {touched}.", values
            )
    }
}

extension [String] {
    /// Each id once, where it first appears.
    fileprivate var inFirstOrder: [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}

/// What one side of a comparison says.
public struct ScenarioOutcome: Sendable, Encodable {
    public struct TestOutcome: Sendable, Encodable {
        public var status: TestStatus
        public var summary: Phrase
    }

    public struct TargetOutcome: Sendable, Encodable {
        public var id: String
        public var status: TestStatus
        public var reason: Phrase
        public var capacity: CapacityInYear?
    }

    public var trade: TestOutcome
    public var projects: TestOutcome
    public var corridor: TestOutcome
    public var targets: [TargetOutcome]
    /// The corridor's capacity at the end of each year, with the projects complete by then.
    public var capacity: [CapacityInYear]

    enum CodingKeys: String, CodingKey {
        case trade, projects, corridor, targets
        case capacity = "capacity_by_year"
    }

    init(_ scorecard: Scorecard, network: Network?, projects: [Project], element: String?, years: ClosedRange<Int>) {
        let tests = scorecard.tests
        trade = TestOutcome(status: tests.trade.status, summary: tests.trade.summary)
        self.projects = TestOutcome(status: tests.projects.status, summary: tests.projects.summary)
        corridor = TestOutcome(status: tests.corridor.status, summary: tests.corridor.summary)
        targets = (tests.trade.targets + tests.projects.targets + tests.corridor.targets).map {
            TargetOutcome(id: $0.id, status: $0.status, reason: $0.reason, capacity: $0.capacity)
        }
        capacity =
            if let network, let element {
                years.compactMap { year in
                    let (standing, applied) = network.asOf(year: year, projects: projects)
                    // A corridor the network lacks has no capacity to show: not an unlimited one.
                    guard let analysis = standing.capacity(ofElement: element) else { return nil }
                    return CapacityInYear(
                        year: year, maxMt: analysis.maxMt, bottleneck: analysis.bottleneck, projectsApplied: applied,
                        bottleneckNames: analysis.bottleneck.map(network.name(of:)))
                }
            } else { [] }
    }
}

extension ScenarioOutcome {
    /// True when every test, every target and every year's capacity reads the same.
    func sameVerdicts(as other: ScenarioOutcome) -> Bool {
        [trade.status, projects.status, corridor.status] == [other.trade.status, other.projects.status, other.corridor.status]
            && targets.map(\.status) == other.targets.map(\.status) && capacity.map(\.maxMt) == other.capacity.map(\.maxMt)
    }
}
