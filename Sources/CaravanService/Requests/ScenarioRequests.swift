import CaravanCore
import CaravanDossier
import Foundation

/// A what-if asked of a partnership: `scenario`, `/api/v1/scenario`, the dashboard's scenario form.
public struct ScenarioRequest: Sendable {
    public var partnership: String?
    public var scenario: Scenario
}

extension RequestReader {
    /// `partnership`, and any number of `delay` (`PROJECT=2y`), `cancel` (`PROJECT`) and `add`
    /// (`ELEMENT:capacity_mt=5`); at least one change, each checked against the dossier's projects
    /// and the stored network.
    public func scenario(_ asked: ScenarioRequest.Asked) async throws -> ScenarioRequest {
        var changes: [Scenario.Change] = []
        for text in texts(asked.delay) {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let years = parts.count == 2 ? parts[1].lowercased().replacingOccurrences(of: "y", with: "") : ""
            guard parts.count == 2, !parts[0].isEmpty, let count = Int(years), (1...50).contains(count) else {
                throw refuse("delay", "'\(text)'; expected PROJECT=YEARS, such as aktau-expansion=2y (1 to 50 years)")
            }
            changes.append(.delay(project: parts[0], years: count))
        }
        for text in texts(asked.cancel) { changes.append(.cancel(project: text)) }
        for text in texts(asked.add) {
            let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let assignment = parts.count == 2 ? parts[1].split(separator: "=", maxSplits: 1).map(String.init) : []
            let figures = ProjectEffect.Figure.allCases.map(\.rawValue).joined(separator: ", ")
            guard parts.count == 2, !parts[0].isEmpty, assignment.count == 2, let figure = ProjectEffect.Figure(rawValue: assignment[0]) else {
                throw refuse("add", "'\(text)'; expected ELEMENT:FIGURE=AMOUNT, such as aktau-port:capacity_mt=5, the figure one of \(figures)")
            }
            // The form is right: only the amount is wrong, and the message says so.
            guard let amount = DecimalText.value(assignment[1]) else {
                throw refuse("add", "'\(assignment[1].prefix(40))' for \(figure.rawValue) is not a number")
            }
            if let problem = Plausible.problem(amount, figure.plausible) { throw refuse("add", "\(figure.rawValue) \(problem)") }
            changes.append(.add(element: parts[0], figure: figure, amount: amount))
        }
        guard !changes.isEmpty else { throw refuse("delay", "a scenario needs a change: delay, cancel or add") }
        guard changes.count <= 20 else { throw refuse("delay", "at most 20 changes in one scenario") }
        let partnership = text(asked.partnership)
        let scenario = Scenario(changes)
        do {
            _ = try scenario.apply(to: try await workspace.dossier(partnership), network: try await workspace.storedNetwork())
        } catch let error as ScenarioError {
            throw refuse(error.kind, error.description)
        }
        return ScenarioRequest(partnership: partnership, scenario: scenario)
    }
}
