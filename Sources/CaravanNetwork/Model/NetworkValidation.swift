/// A figure or reference in a network that cannot stand, with the JSON path of the culprit.
public struct NetworkProblem: Sendable, Hashable, CustomStringConvertible {
    /// `$.links[3].to`
    public let path: String
    public let reason: String

    public init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

extension Network {
    /// Every problem that keeps the network from being routed: references to unknown nodes or
    /// sources, repeated ids, self-loops, figures that are not positive, links without a time.
    /// - Parameter isCountry: whether a node's country code is known; nil accepts any.
    /// - Complexity: O(n + l) for n nodes and l links.
    public func problems(isCountry: ((String) -> Bool)? = nil) -> [NetworkProblem] {
        var problems: [NetworkProblem] = []
        var firstPath: [String: String] = [:]
        func claim(_ id: String, _ path: String) {
            if id.isEmpty {
                problems.append(NetworkProblem(path, "an id may not be empty"))
            } else if let earlier = firstPath[id] {
                problems.append(NetworkProblem(path, "duplicate id '\(id)' (also \(earlier))"))
            } else {
                firstPath[id] = path
            }
        }
        let sourceIDs = Set(sources.map(\.id))
        func positive(_ value: Double?, _ path: String, zeroAllowed: Bool = false) {
            guard let value else { return }
            if !value.isFinite || value < 0 || (value == 0 && !zeroAllowed) {
                problems.append(NetworkProblem(path, "must be \(zeroAllowed ? "zero or more" : "greater than 0"), not \(value)"))
            }
        }
        func cited(_ evidence: [String: Evidence]?, _ path: String) {
            for (field, entry) in (evidence ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let source = entry.source, !sourceIDs.contains(source) {
                    problems.append(NetworkProblem("\(path).evidence.\(field).source", "unknown source '\(source)'"))
                }
                for (index, other) in (entry.others ?? []).enumerated() where !sourceIDs.contains(other.source) {
                    problems.append(NetworkProblem("\(path).evidence.\(field).others[\(index)].source", "unknown source '\(other.source)'"))
                }
            }
        }
        for (index, source) in sources.enumerated() { claim(source.id, "$.sources[\(index)].id") }
        var nodeIDs = Set<String>()
        for (index, node) in nodes.enumerated() {
            let path = "$.nodes[\(index)]"
            claim(node.id, path + ".id")
            nodeIDs.insert(node.id)
            if let country = node.country, let isCountry, !isCountry(country) {
                problems.append(NetworkProblem(path + ".country", "unknown country '\(country)'; expected an ISO 3166 alpha-3 code"))
            }
            positive(node.dwellHours, path + ".dwell_hours", zeroAllowed: true)
            positive(node.handlingUSDPerT, path + ".handling_usd_per_t", zeroAllowed: true)
            positive(node.capacityMt, path + ".capacity_mt")
            if let lat = node.lat, !(-90...90).contains(lat) { problems.append(NetworkProblem(path + ".lat", "must lie between -90 and 90")) }
            if let lon = node.lon, !(-180...180).contains(lon) { problems.append(NetworkProblem(path + ".lon", "must lie between -180 and 180")) }
            cited(node.evidence, path)
        }
        for (index, link) in links.enumerated() {
            let path = "$.links[\(index)]"
            claim(link.id, path + ".id")
            for (end, field) in [(link.from, "from"), (link.to, "to")] where !nodeIDs.contains(end) {
                problems.append(NetworkProblem("\(path).\(field)", "unknown node '\(end)'"))
            }
            if link.from == link.to { problems.append(NetworkProblem(path + ".to", "a link may not end where it starts ('\(link.to)')")) }
            positive(link.lengthKm, path + ".length_km")
            positive(link.speedKmh, path + ".speed_kmh")
            positive(link.hours, path + ".hours")
            positive(link.usdPerT, path + ".usd_per_t", zeroAllowed: true)
            positive(link.capacityMt, path + ".capacity_mt")
            if link.hours == nil && (link.lengthKm == nil || link.speedKmh == nil) {
                problems.append(NetworkProblem(path, "needs hours, or length_km and speed_kmh"))
            }
            cited(link.evidence, path)
        }
        for (index, transfer) in transfers.enumerated() {
            positive(transfer.hours, "$.transfers[\(index)].hours", zeroAllowed: true)
            positive(transfer.usdPerT, "$.transfers[\(index)].usd_per_t", zeroAllowed: true)
        }
        let elementIDs = nodeIDs.union(links.map(\.id))
        for (index, corridor) in corridors.enumerated() {
            claim(corridor.id, "$.corridors[\(index)].id")
            for (position, element) in corridor.elements.enumerated() where !elementIDs.contains(element) {
                problems.append(NetworkProblem("$.corridors[\(index)].elements[\(position)]", "unknown link or node '\(element)'"))
            }
            positive(corridor.capacityMt, "$.corridors[\(index)].capacity_mt")
        }
        return problems
    }
}
