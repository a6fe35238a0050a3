extension Network {
    /// The place of `country` where the most links meet (ties go to the first id): where a pair's
    /// routes are best asked from when no corridor names their ends.
    public func hub(in country: String) -> String? {
        let places = Set(nodes.filter { $0.country == country }.map(\.id))
        var degree: [String: Int] = [:]
        for link in links {
            for end in [link.from, link.to] where places.contains(end) { degree[end, default: 0] += 1 }
        }
        return degree.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The transport modes its links use, in `TransportMode`'s order.
    public var modes: [TransportMode] { TransportMode.allCases.filter { mode in links.contains { $0.mode == mode } } }
}
