import CaravanCore

/// A network compiled for computation: nodes and directed arcs by index in flat arrays, the arcs
/// of each node contiguous (compressed sparse rows). A bidirectional link becomes two arcs.
public struct RoutingGraph: Sendable {
    public let name: String
    public let nodeIDs: [String]
    let nodeNames: [String]
    let nodeCountries: [String?]
    let nodeIndex: IDTable
    let dwellHours: [Double]
    let handlingUSD: [Double]
    /// Million tonnes a year; infinity where unlimited.
    let nodeCapacity: [Double]

    /// Arcs leaving node v are `firstArc[v] ..< firstArc[v + 1]`.
    let firstArc: [Int32]
    let arcHead: [Int32]
    let arcTail: [Int32]
    let arcLink: [Int32]

    public let linkIDs: [String]
    let linkHours: [Double]
    let linkUSD: [Double]
    /// Kilometres; NaN where the length is not given.
    let linkKm: [Double]
    let linkMode: [UInt8]
    let linkCapacity: [Double]

    /// Penalty of arriving by mode a and leaving by mode b, at `a * 4 + b`.
    let transferHours: [Double]
    let transferUSD: [Double]
    /// True when some mode change costs something: routes must then remember how they arrived.
    let hasTransfers: Bool

    /// Compiles a network that has passed validation.
    /// - Complexity: O(n + l).
    public init(_ network: Network) { self.init(network, index: NetworkIndex(network)) }

    /// Compiles a network with its references already resolved.
    package init(_ network: Network, index networkIndex: NetworkIndex) {
        name = network.name
        let n = network.nodes.count
        nodeIDs = network.nodes.map(\.id)
        nodeNames = network.nodes.map(\.name)
        nodeCountries = network.nodes.map(\.country)
        nodeIndex = networkIndex.nodes
        dwellHours = network.nodes.map { $0.dwellHours ?? 0 }
        handlingUSD = network.nodes.map { $0.handlingUSDPerT ?? 0 }
        nodeCapacity = network.nodes.map { $0.capacityMt ?? .infinity }

        // One pass over the links for all their columns: on millions of links each pass is a
        // walk through hundreds of megabytes.
        let l = network.links.count
        var linkIDs = [String]()
        var linkHours = [Double](repeating: 0, count: l)
        var linkUSD = [Double](repeating: 0, count: l)
        var linkKm = [Double](repeating: .nan, count: l)
        var linkMode = [UInt8](repeating: 0, count: l)
        var linkCapacity = [Double](repeating: .infinity, count: l)
        var bidirectional = 0
        linkIDs.reserveCapacity(l)
        // Each field read in place: a copy of each link would retain and release its strings and evidence.
        for position in 0..<l {
            linkIDs.append(network.links[position].id)
            linkHours[position] = network.links[position].travelHours ?? 0
            linkUSD[position] = network.links[position].usdPerT ?? 0
            if let km = network.links[position].lengthKm { linkKm[position] = km }
            linkMode[position] = UInt8(network.links[position].mode.index)
            if let capacity = network.links[position].capacityMt { linkCapacity[position] = capacity }
            if network.links[position].bidirectional == true { bidirectional += 1 }
        }
        self.linkIDs = linkIDs
        self.linkHours = linkHours
        self.linkUSD = linkUSD
        self.linkKm = linkKm
        self.linkMode = linkMode
        self.linkCapacity = linkCapacity

        var tails: [Int32] = []
        var heads: [Int32] = []
        var links: [Int32] = []
        let arcCount = l + bidirectional
        tails.reserveCapacity(arcCount)
        heads.reserveCapacity(arcCount)
        links.reserveCapacity(arcCount)
        for position in network.links.indices {
            let from = networkIndex.linkFrom[position]
            let to = networkIndex.linkTo[position]
            tails.append(from)
            heads.append(to)
            links.append(Int32(position))
            if network.links[position].bidirectional == true {
                tails.append(to)
                heads.append(from)
                links.append(Int32(position))
            }
        }
        // Counting sort by tail: stable, so each node's arcs keep the file's order.
        var first = [Int32](repeating: 0, count: n + 1)
        for tail in tails { first[Int(tail) + 1] += 1 }
        for v in 0..<n { first[v + 1] += first[v] }
        var cursor = first
        var sortedHead = [Int32](repeating: 0, count: tails.count)
        var sortedTail = [Int32](repeating: 0, count: tails.count)
        var sortedLink = [Int32](repeating: 0, count: tails.count)
        for arc in tails.indices {
            let slot = Int(cursor[Int(tails[arc])])
            cursor[Int(tails[arc])] += 1
            sortedHead[slot] = heads[arc]
            sortedTail[slot] = tails[arc]
            sortedLink[slot] = links[arc]
        }
        firstArc = first
        arcHead = sortedHead
        arcTail = sortedTail
        arcLink = sortedLink

        var hours = [Double](repeating: 0, count: 16)
        var usd = [Double](repeating: 0, count: 16)
        for transfer in network.transfers {
            hours[transfer.fromMode.index * 4 + transfer.toMode.index] = transfer.hours ?? 0
            usd[transfer.fromMode.index * 4 + transfer.toMode.index] = transfer.usdPerT ?? 0
        }
        transferHours = hours
        transferUSD = usd
        hasTransfers = zip(hours, usd).contains { $0 != 0 || $1 != 0 }
    }

    public var nodeCount: Int { nodeIDs.count }
    public var arcCount: Int { arcHead.count }

    /// The node a route endpoint names: its id, else its name (any case).
    public func node(named text: String) throws(RouteError) -> Int32 {
        if let index = nodeIndex.find(text) { return index }
        let wanted = text.lowercased()
        let matches = nodeNames.indices.filter { nodeNames[$0].lowercased() == wanted }
        if matches.count == 1 { return Int32(matches[0]) }
        if matches.count > 1 {
            throw .ambiguousPlace(text, candidates: matches.map { nodeIDs[$0] })
        }
        // Names holding what was typed, then ids and names within two edits of it ("Astna").
        var near = nodeNames.indices.filter { nodeNames[$0].lowercased().contains(wanted) || nodeIDs[$0].contains(wanted) }.map { nodeIDs[$0] }
        let byName = Dictionary(nodeNames.indices.map { (nodeNames[$0], nodeIDs[$0]) }, uniquingKeysWith: { first, _ in first })
        for word in Suggestions.nearest(text, among: nodeIDs + nodeNames, limit: 5) {
            let id = byName[word] ?? word
            if !near.contains(id) { near.append(id) }
        }
        throw .unknownPlace(text, suggestions: Array(near.prefix(5)))
    }

    /// The index of a link or node id, for bottlenecks and flows.
    func linkIndex(of id: String) -> Int? { linkIDs.firstIndex(of: id) }
}
