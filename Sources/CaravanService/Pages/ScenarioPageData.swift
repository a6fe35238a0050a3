import CaravanCore
import CaravanDossier
import Foundation

/// What the scenario page shows: a form of changes over the dossier's projects and the network's
/// elements, and, when changes were asked, the answer beside the dossier as it stands.
public struct ScenarioPageData: Sendable {
    public var scorecard: Scorecard
    /// The dossier's projects not yet operational, which a reader may delay or cancel.
    public var projects: [String]
    /// The network's elements, sorted, which a reader may add capacity to; none without a network.
    public var elements: [String]
    /// Every element of the network by its name in each language, for the form and the answer.
    public var names: [String: Phrase.Value] = [:]
    /// The changes asked; empty when none were.
    public var changes: [Scenario.Change]
    /// The answer to the changes asked; nil when none were.
    public var comparison: ScenarioComparison?

    public init(
        scorecard: Scorecard, projects: [String], elements: [String], changes: [Scenario.Change] = [], comparison: ScenarioComparison? = nil
    ) {
        self.scorecard = scorecard
        self.projects = projects
        self.elements = elements
        self.changes = changes
        self.comparison = comparison
    }
}

extension Workspace {
    /// The scenario page's data. A store without a network offers no elements; a store or a
    /// network that fails to read fails the page.
    public func scenarioPage(_ asked: ScenarioRequest?, partnership: String? = nil, asOf: Date = Date()) async throws -> ScenarioPageData {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let dossier = try await dossier(partnership)
        let network = try await storedNetwork()
        let elements = network?.elementIDs.sorted() ?? []
        var page = ScenarioPageData(
            scorecard: scorecard, projects: dossier.projects.filter { $0.status != .operational }.map(\.id), elements: elements,
            changes: asked?.scenario.changes ?? [])
        page.names = network?.elementNames ?? [:]
        if let asked { page.comparison = try await scenario(asked, asOf: asOf) }
        return page
    }
}
