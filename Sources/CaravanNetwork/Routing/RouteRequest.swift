/// What a route is best by.
public enum RouteObjective: Sendable, Hashable {
    /// Fewest hours, dwell and transfers included.
    case time
    /// Least USD per tonne, handling and transfers included.
    case cost
    /// USD per tonne plus hours valued at `valueOfTime` USD per tonne-hour.
    case generalized(valueOfTime: Double)

    /// The value of time used when none is given: a placeholder an analyst should set for the cargo.
    public static let defaultValueOfTime = 1.0

    /// The objective's measure of so many hours and USD per tonne.
    @inline(__always)
    func weight(hours: Double, usd: Double) -> Double {
        switch self {
        case .time: hours
        case .cost: usd
        case .generalized(let valueOfTime): usd + valueOfTime * hours
        }
    }
}

/// Places, modes and countries a route must not use.
public struct RouteConstraints: Sendable, Hashable {
    public var avoidCountries: Set<String>
    public var avoidNodes: Set<String>
    public var avoidModes: Set<TransportMode>

    public init(avoidCountries: Set<String> = [], avoidNodes: Set<String> = [], avoidModes: Set<TransportMode> = []) {
        self.avoidCountries = avoidCountries
        self.avoidNodes = avoidNodes
        self.avoidModes = avoidModes
    }

    /// Each constraint as the command line writes it, for messages.
    var parts: [(label: String, constraints: RouteConstraints)] {
        avoidCountries.sorted().map { ("--avoid-country \($0)", RouteConstraints(avoidCountries: [$0])) }
            + avoidNodes.sorted().map { ("--avoid-node \($0)", RouteConstraints(avoidNodes: [$0])) }
            + avoidModes.map(\.rawValue).sorted().map { ("--avoid-mode \($0)", RouteConstraints(avoidModes: [TransportMode(rawValue: $0)!])) }
    }

    /// The nodes and arcs of `graph` the constraints rule out, by index; empty when none are.
    func forbidden(in graph: RoutingGraph) -> (nodes: [Bool], arcs: [Bool]) {
        if avoidCountries.isEmpty && avoidNodes.isEmpty && avoidModes.isEmpty { return ([], []) }
        let nodes = graph.nodeIDs.indices.map { index in
            avoidNodes.contains(graph.nodeIDs[index]) || graph.nodeCountries[index].map(avoidCountries.contains) == true
        }
        let arcs = graph.arcLink.map { avoidModes.contains(TransportMode.allCases[Int(graph.linkMode[Int($0)])]) }
        return (nodes, arcs)
    }

    /// These constraints without `other`'s.
    func removing(_ other: RouteConstraints) -> RouteConstraints {
        RouteConstraints(
            avoidCountries: avoidCountries.subtracting(other.avoidCountries), avoidNodes: avoidNodes.subtracting(other.avoidNodes),
            avoidModes: avoidModes.subtracting(other.avoidModes))
    }
}

/// A routing question: from where to where, best by what, avoiding what, and how many routes.
public struct RouteRequest: Sendable, Hashable {
    public var from: String
    public var to: String
    public var objective: RouteObjective
    public var constraints: RouteConstraints
    /// How many routes to give, best first: 1 plus the alternatives.
    public var count: Int

    public init(from: String, to: String, objective: RouteObjective = .time, constraints: RouteConstraints = .init(), count: Int = 1) {
        self.from = from
        self.to = to
        self.objective = objective
        self.constraints = constraints
        self.count = count
    }
}
