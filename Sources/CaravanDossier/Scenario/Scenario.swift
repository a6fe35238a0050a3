import CaravanCore
import CaravanNetwork

/// A what-if put to a partnership: projects delayed or cancelled, capacity added. It changes the
/// dossier read for one answer and nothing stored.
public struct Scenario: Sendable, Hashable {
    public enum Change: Sendable, Hashable, CustomStringConvertible {
        /// The project completes `years` later than the dossier says.
        case delay(project: String, years: Int)
        /// The project is never built.
        case cancel(project: String)
        /// A network element gains capacity (or another figure) from now on.
        case add(element: String, figure: ProjectEffect.Figure, amount: Double)

        public var description: String {
            switch self {
            case .delay(let project, let years): "delay \(project) by \(years) year\(years == 1 ? "" : "s")"
            case .cancel(let project): "cancel \(project)"
            case .add(let element, let figure, let amount): "add \(NumberText.compact(amount)) \(figure.rawValue) at \(element)"
            }
        }
    }

    public var changes: [Change]

    public init(_ changes: [Change]) { self.changes = changes }

    /// The dossier and network with the changes made (an added figure as if built now); refuses a
    /// project the dossier lacks, one already operational (the network file has it built), or an
    /// element the network lacks.
    public func apply(to dossier: Dossier, network: Network?) throws(ScenarioError) -> (dossier: Dossier, network: Network?) {
        var changed = dossier
        var built = network
        for change in changes {
            switch change {
            case .delay(let id, let years):
                let index = try project(id, in: changed, for: change)
                guard let completion = changed.projects[index].completionYear else {
                    throw ScenarioError(change: change, reason: "\(id) has no completion year to delay")
                }
                changed.projects[index].completionYear = completion + years
            case .cancel(let id):
                changed.projects[try project(id, in: changed, for: change)].status = .cancelled
            case .add(let element, let figure, let amount):
                guard built?.elementIDs.contains(element) == true else {
                    throw ScenarioError(change: change, reason: "the stored network has no element '\(element)'")
                }
                built?.apply(ProjectEffect(element: element, figure: figure, change: .add, amount: amount))
            }
        }
        return (changed, built)
    }

    private func project(_ id: String, in dossier: Dossier, for change: Change) throws(ScenarioError) -> Int {
        guard let index = dossier.projects.firstIndex(where: { $0.id == id }) else {
            throw ScenarioError(
                change: change,
                reason: "the dossier has no project '\(id)'; it has \(dossier.projects.map(\.id).joined(separator: ", "))")
        }
        if dossier.projects[index].status == .operational {
            throw ScenarioError(change: change, reason: "\(id) is operational: the stored network already has it built")
        }
        return index
    }
}

/// Why a scenario cannot be put: the change at fault, and why.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public let change: String
    public let reason: String
    /// The kind of change, as requests name it: `delay`, `cancel` or `add`.
    public let kind: String

    init(change: Scenario.Change, reason: String) {
        self.change = change.description
        self.reason = reason
        kind =
            switch change {
            case .delay: "delay"
            case .cancel: "cancel"
            case .add: "add"
            }
    }

    public var description: String { "\(change): \(reason)" }
}
