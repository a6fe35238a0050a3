/// A network's node ids and the countries its nodes lie in: what a route request's places and
/// avoid lists are checked against, from a network or from its compiled graph alike.
public struct Places: Sendable {
    public let ids: Set<String>
    public let countries: Set<String>

    public init(ids: Set<String>, countries: Set<String>) {
        self.ids = ids
        self.countries = countries
    }
}

extension Network {
    public var places: Places { Places(ids: Set(nodes.map(\.id)), countries: Set(nodes.compactMap(\.country))) }
}

extension RoutingGraph {
    public var places: Places { Places(ids: Set(nodeIDs), countries: Set(nodeCountries.compactMap { $0 })) }
}
