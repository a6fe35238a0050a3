/// Why no route could be given.
public enum RouteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No node has that id or name.
    case unknownPlace(String, suggestions: [String])
    /// Several nodes have that name.
    case ambiguousPlace(String, candidates: [String])
    /// Both ends are the same node: there is nothing to route or carry.
    case samePlace(String)
    /// The places are not connected under `constraints` (as the command line writes them);
    /// `cutBy` names each constraint without which alone a route exists.
    case noRoute(from: String, to: String, constraints: [String], cutBy: [String])

    public var description: String {
        switch self {
        case .unknownPlace(let text, let suggestions):
            "no node has the id or name '\(text)'" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
        case .ambiguousPlace(let text, let candidates):
            "several nodes are named '\(text)': \(candidates.joined(separator: ", ")); give an id"
        case .samePlace(let id): "'\(id)' is both ends: give two different places"
        case .noRoute(let from, let to, let constraints, let cutBy):
            if constraints.isEmpty {
                "no route from \(from) to \(to): the network does not connect them"
            } else if !cutBy.isEmpty {
                "no route from \(from) to \(to) with \(constraints.joined(separator: ", ")): without \(cutBy.joined(separator: ", or without ")) a route exists"
            } else {
                "no route from \(from) to \(to) with \(constraints.joined(separator: ", ")): a route exists only without all of them"
            }
        }
    }
}
