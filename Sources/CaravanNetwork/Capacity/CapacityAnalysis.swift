/// How much a network can carry between two places in a year, where it chokes, and along which
/// paths the flow goes.
public struct CapacityAnalysis: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    /// Million tonnes a year; nil when a path with no stated capacity anywhere connects the places.
    public var maxMt: Double?
    /// The links and nodes of a minimum cut: raising any other capacity adds nothing.
    public var bottleneck: [String]
    /// The flow split into paths, largest first.
    public var paths: [FlowPath]

    enum CodingKeys: String, CodingKey {
        case from, to, bottleneck, paths
        case maxMt = "max_mt"
    }
}

/// One path of the maximum flow and the million tonnes a year it carries.
public struct FlowPath: Sendable, Hashable, Codable {
    public var nodes: [String]
    public var mt: Double
}

extension RoutingGraph {
    /// The maximum flow from one place to another (Dinic's algorithm): each node is split in two
    /// by an arc of its capacity, so node capacities count, the two ends' included; a missing
    /// capacity is unlimited. Nodes, countries and modes the constraints rule out carry nothing.
    /// - Complexity: that of `MaxFlow.run` on 2n nodes and a + n arcs.
    public func capacity(from: String, to: String, constraints: RouteConstraints = .init()) throws(RouteError) -> CapacityAnalysis {
        let source = try node(named: from)
        let sink = try node(named: to)
        let (forbiddenNode, forbiddenArc) = constraints.forbidden(in: self)
        let n = nodeCount
        // Unlimited capacities become one more than everything finite together, which no cut can reach.
        let finite = (nodeCapacity + linkCapacity).filter(\.isFinite).reduce(0, +)
        let unlimited = finite * 2 + 1
        var network = MaxFlow(nodeCount: 2 * n)
        for v in 0..<n where !forbiddenNode[v] {
            network.addArc(Int32(v), Int32(n + v), capacity: nodeCapacity[v].isFinite ? nodeCapacity[v] : unlimited)
        }
        var linkArcs: [(arc: Int, link: Int)] = []
        for arc in 0..<arcCount where !forbiddenArc[arc] {
            let link = Int(arcLink[arc])
            let capacity = linkCapacity[link].isFinite ? linkCapacity[link] : unlimited
            linkArcs.append((network.addArc(Int32(n) + arcTail[arc], arcHead[arc], capacity: capacity), link))
        }
        let total = network.run(from: source, to: Int32(n) + sink)
        let fromID = nodeIDs[Int(source)]
        let toID = nodeIDs[Int(sink)]
        if total >= unlimited - network.epsilon {
            return CapacityAnalysis(from: fromID, to: toID, maxMt: nil, bottleneck: [], paths: [])
        }
        let side = network.reachable(from: source)
        var bottleneck: [String] = []
        for v in 0..<n where side[v] && !side[n + v] { bottleneck.append(nodeIDs[v]) }
        for (arc, link) in linkArcs where side[Int(network.arcTo[arc ^ 1])] && !side[Int(network.arcTo[arc])] {
            if !bottleneck.contains(linkIDs[link]) { bottleneck.append(linkIDs[link]) }
        }
        return CapacityAnalysis(
            from: fromID, to: toID, maxMt: total, bottleneck: bottleneck,
            paths: decompose(network, source: Int(source), sink: n + Int(sink)))
    }

    /// The flow as paths from source to sink, each taking the least flow along it, largest first.
    private func decompose(_ network: MaxFlow, source: Int, sink: Int, limit: Int = 100) -> [FlowPath] {
        var remaining = network.flow
        var paths: [FlowPath] = []
        let n = nodeCount
        while paths.count < limit {
            var v = source
            var arcs: [Int] = []
            var seen = Set<Int>()
            while v != sink, seen.insert(v).inserted {
                guard let arc = network.flowingArcs(from: v).first(where: { remaining[$0] > network.epsilon }) else { break }
                arcs.append(arc)
                v = Int(network.arcTo[arc])
            }
            guard v == sink, let amount = arcs.map({ remaining[$0] }).min(), amount > network.epsilon else { break }
            for arc in arcs { remaining[arc] -= amount }
            var nodes = [nodeIDs[source]]
            for arc in arcs where Int(network.arcTo[arc]) < n { nodes.append(nodeIDs[Int(network.arcTo[arc])]) }
            paths.append(FlowPath(nodes: nodes, mt: amount))
        }
        return paths.sorted { $0.mt > $1.mt }
    }
}
