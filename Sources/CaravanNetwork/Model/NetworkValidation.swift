import CaravanCore

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
    /// Paths are written out only for problems: a clean network of millions of links builds none.
    /// - Parameter isCountry: whether a node's country code is known; nil accepts any.
    /// - Complexity: O(n + l) for n nodes and l links.
    public func problems(isCountry: ((String) -> Bool)? = nil) -> [NetworkProblem] {
        problems(isCountry: isCountry, index: NetworkIndex(self))
    }

    /// The same, with the references already resolved.
    package func problems(isCountry: ((String) -> Bool)?, index resolved: NetworkIndex) -> [NetworkProblem] {
        var problems: [NetworkProblem] = []
        let sections = ["nodes", "links", "sources", "corridors"]
        let repeats = repeatedIDs()
        func claim(_ id: String, _ section: Int, _ index: Int) {
            if id.isEmpty {
                problems.append(NetworkProblem("$.\(sections[section])[\(index)].id", "an id may not be empty"))
            } else if let earlier = repeats[IDPlace(section: section, index: index)] {
                problems.append(
                    NetworkProblem(
                        "$.\(sections[section])[\(index)].id", "duplicate id '\(id)' (also $.\(sections[earlier.section])[\(earlier.index)].id)"))
            }
        }
        func check(_ value: Double?, _ path: @autoclosure () -> String, _ range: ClosedRange<Double>, _ unit: String, zeroAllowed: Bool = false) {
            guard let value, let reason = Plausible.problem(value, range, positive: !zeroAllowed, unit: unit) else { return }
            problems.append(NetworkProblem(path(), reason))
        }
        let sourceIDs = Set(sources.map(\.id))
        func cited(_ evidence: [String: Evidence]?, _ path: @autoclosure () -> String) {
            guard let evidence else { return }
            for (field, entry) in evidence.sorted(by: { $0.key < $1.key }) {
                if let source = entry.source, !sourceIDs.contains(source) {
                    problems.append(NetworkProblem("\(path()).evidence.\(field).source", "unknown source '\(source)'"))
                }
                for (index, other) in (entry.others ?? []).enumerated() where !sourceIDs.contains(other.source) {
                    problems.append(NetworkProblem("\(path()).evidence.\(field).others[\(index)].source", "unknown source '\(other.source)'"))
                }
            }
        }
        for (index, source) in sources.enumerated() { claim(source.id, 2, index) }
        for (index, node) in nodes.enumerated() {
            claim(node.id, 0, index)
            if let country = node.country, let isCountry, !isCountry(country) {
                problems.append(NetworkProblem("$.nodes[\(index)].country", "unknown country '\(country)'; expected an ISO 3166 alpha-3 code"))
            }
            check(node.dwellHours, "$.nodes[\(index)].dwell_hours", Plausible.hours, "hours", zeroAllowed: true)
            check(node.handlingUSDPerT, "$.nodes[\(index)].handling_usd_per_t", Plausible.usdPerTonne, "USD a tonne", zeroAllowed: true)
            check(node.capacityMt, "$.nodes[\(index)].capacity_mt", Plausible.capacityMt, "Mt a year")
            if let lat = node.lat, !(-90...90).contains(lat) {
                problems.append(NetworkProblem("$.nodes[\(index)].lat", "must lie between -90 and 90"))
            }
            if let lon = node.lon, !(-180...180).contains(lon) {
                problems.append(NetworkProblem("$.nodes[\(index)].lon", "must lie between -180 and 180"))
            }
            cited(node.evidence, "$.nodes[\(index)]")
        }
        // By index, not by element: copying each link would retain and release its strings.
        for index in links.indices {
            claim(links[index].id, 1, index)
            if resolved.linkFrom[index] < 0 { problems.append(NetworkProblem("$.links[\(index)].from", "unknown node '\(links[index].from)'")) }
            if resolved.linkTo[index] < 0 { problems.append(NetworkProblem("$.links[\(index)].to", "unknown node '\(links[index].to)'")) }
            if links[index].from == links[index].to {
                problems.append(NetworkProblem("$.links[\(index)].to", "a link may not end where it starts ('\(links[index].to)')"))
            }
            check(links[index].lengthKm, "$.links[\(index)].length_km", Plausible.lengthKm, "km")
            check(links[index].speedKmh, "$.links[\(index)].speed_kmh", Plausible.speedKmh, "km/h")
            check(links[index].hours, "$.links[\(index)].hours", Plausible.hours, "hours")
            check(links[index].usdPerT, "$.links[\(index)].usd_per_t", Plausible.usdPerTonne, "USD a tonne", zeroAllowed: true)
            check(links[index].capacityMt, "$.links[\(index)].capacity_mt", Plausible.capacityMt, "Mt a year")
            if links[index].hours == nil {
                if let length = links[index].lengthKm, let speed = links[index].speedKmh {
                    if Plausible.lengthKm.contains(length), speed > 0, length / speed > Plausible.hours.upperBound {
                        problems.append(
                            NetworkProblem(
                                "$.links[\(index)].speed_kmh",
                                "\(NumberText.compact(length)) km at \(NumberText.compact(speed)) km/h takes over \(NumberText.compact(Plausible.hours.upperBound)) hours"
                            ))
                    }
                } else {
                    problems.append(NetworkProblem("$.links[\(index)]", "needs hours, or length_km and speed_kmh"))
                }
            }
            cited(links[index].evidence, "$.links[\(index)]")
        }
        for (index, transfer) in transfers.enumerated() {
            check(transfer.hours, "$.transfers[\(index)].hours", Plausible.hours, "hours", zeroAllowed: true)
            check(transfer.usdPerT, "$.transfers[\(index)].usd_per_t", Plausible.usdPerTonne, "USD a tonne", zeroAllowed: true)
        }
        let linkIDs = corridors.isEmpty ? [] : Set(links.map(\.id))
        for (index, corridor) in corridors.enumerated() {
            claim(corridor.id, 3, index)
            for (position, element) in corridor.elements.enumerated() where resolved.nodes.find(element) == nil && !linkIDs.contains(element) {
                problems.append(NetworkProblem("$.corridors[\(index)].elements[\(position)]", "unknown link or node '\(element)'"))
            }
            check(corridor.capacityMt, "$.corridors[\(index)].capacity_mt", Plausible.capacityMt, "Mt a year")
        }
        return problems
    }
}

/// Where an id stands: a section (nodes, links, sources, corridors) and an index in it.
struct IDPlace: Hashable {
    let section: Int
    let index: Int
}

extension Network {
    /// Each id that repeats an earlier one (in the order nodes, links, sources, corridors), with
    /// the earlier one's place. Found by sorting the ids' hashes, which reads memory in order
    /// where a hash table of millions of ids would miss the cache on every insertion.
    /// - Complexity: O(m) for m ids, O(m log m) past 2²⁴ in a section.
    func repeatedIDs() -> [IDPlace: IDPlace] {
        let counts = [nodes.count, links.count, sources.count, corridors.count]
        // Each id as one integer: 38 bits of its hash, 2 of its section, 24 of its index, so that
        // sorting compares integers; a network too large for 24 bits sorts its hashes instead.
        guard counts.allSatisfy({ $0 < 1 << 24 }) else { return repeatedIDs(by: counts) }
        var keys: [UInt64] = []
        keys.reserveCapacity(counts.reduce(0, +))
        for (section, count) in counts.enumerated() {
            for index in 0..<count {
                keys.append(IDTable.hash(id(section, index)) & ~(1 << 26 - 1) | UInt64(section) << 24 | UInt64(index))
            }
        }
        keys = RadixSort.sorted(keys)
        return repeats(
            among: keys.count, hash: { keys[$0] >> 26 }, place: { IDPlace(section: Int(keys[$0] >> 24 & 3), index: Int(keys[$0] & (1 << 24 - 1))) })
    }

    private func repeatedIDs(by counts: [Int]) -> [IDPlace: IDPlace] {
        var keyed: [(hash: UInt64, section: Int, index: Int)] = []
        for (section, count) in counts.enumerated() {
            for index in 0..<count { keyed.append((IDTable.hash(id(section, index)), section, index)) }
        }
        keyed.sort { ($0.hash, $0.section, $0.index) < ($1.hash, $1.section, $1.index) }
        return repeats(among: keyed.count, hash: { keyed[$0].hash }, place: { IDPlace(section: keyed[$0].section, index: keyed[$0].index) })
    }

    /// Runs of equal hashes in sorted order: each id in a run that equals an earlier one repeats it.
    private func repeats(among count: Int, hash: (Int) -> UInt64, place: (Int) -> IDPlace) -> [IDPlace: IDPlace] {
        var repeats: [IDPlace: IDPlace] = [:]
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && hash(end) == hash(start) { end += 1 }
            for later in (start + 1)..<end {
                let text = id(place(later))
                if let first = (start..<later).first(where: { id(place($0)) == text }) { repeats[place(later)] = place(first) }
            }
            start = end
        }
        return repeats
    }

    private func id(_ place: IDPlace) -> String { id(place.section, place.index) }

    private func id(_ section: Int, _ index: Int) -> String {
        switch section {
        case 0: nodes[index].id
        case 1: links[index].id
        case 2: sources[index].id
        default: corridors[index].id
        }
    }
}

/// A network's references resolved to positions, worked out once for both checking the network
/// and compiling it: on millions of links the hash lookups are most of the cost.
package struct NetworkIndex: Sendable {
    /// Each node id's position; the first node's where ids repeat.
    package let nodes: IDTable
    /// Each link's end nodes by position; -1 for an unknown id.
    package let linkFrom: [Int32]
    package let linkTo: [Int32]

    /// - Complexity: O(n + l).
    package init(_ network: Network) {
        var nodes = IDTable(capacity: network.nodes.count)
        for position in network.nodes.indices { nodes.insert(network.nodes[position].id, Int32(position)) }
        self.nodes = nodes
        linkFrom = nodes.find(count: network.links.count) { network.links[$0].from }
        linkTo = nodes.find(count: network.links.count) { network.links[$0].to }
    }
}
