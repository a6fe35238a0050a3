/// A network's node ids and the countries its nodes lie in: what a route request's places and
/// avoid lists are checked against, from a network or from its compiled graph alike.
public struct Places: Sendable {
    /// Every node id, in the network's order.
    public let ids: [String]
    public let countries: Set<String>
    /// Whether an id is a node's: the graph answers from its own table, so that loading a network
    /// of millions of nodes builds no set of their ids.
    private let isNode: @Sendable (String) -> Bool

    public init(ids: [String], countries: Set<String>, isNode: @escaping @Sendable (String) -> Bool) {
        self.ids = ids
        self.countries = countries
        self.isNode = isNode
    }

    public func contains(node id: String) -> Bool { isNode(id) }
}

extension Network {
    public var places: Places {
        let ids = Set(nodes.map(\.id))
        return Places(ids: nodes.map(\.id), countries: Set(nodes.compactMap(\.country)), isNode: { ids.contains($0) })
    }
}

extension RoutingGraph {
    public var places: Places {
        let table = nodeIndex
        return Places(ids: nodeIDs, countries: Set(nodeCountries.compactMap { $0 }), isNode: { table.find($0) != nil })
    }
}
