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
    /// The maximum flow from one place to another: node capacities count, the two ends'
    /// included; a missing capacity is unlimited. Nodes, countries and modes the constraints rule
    /// out carry nothing.
    public func capacity(from: String, to: String, constraints: RouteConstraints = .init()) throws(RouteError) -> CapacityAnalysis {
        try FlowProblem(self, from: from, to: to, constraints: constraints).solve()
    }
}

/// A maximum-flow question set up on the graph: a node with a capacity is split in two by an arc
/// of that capacity; an unlimited node stays one.
public struct FlowProblem: Sendable {
    private let graph: RoutingGraph
    private var network: MaxFlow
    private let source: Int
    private let sink: Int
    /// For each flow-network node, the graph node it stands for.
    private let place: [Int32]
    /// Each graph node's split arc, or -1.
    private let nodeArc: [Int32]
    /// Each link arc in the flow network, and its link.
    private let linkArcs: [(arc: Int32, link: Int32)]
    private let unlimited: Double

    /// - Complexity: O(n + a).
    public init(_ graph: RoutingGraph, from: String, to: String, constraints: RouteConstraints = .init()) throws(RouteError) {
        self.graph = graph
        let s = try graph.node(named: from)
        let t = try graph.node(named: to)
        if s == t { throw .samePlace(graph.nodeIDs[Int(s)]) }
        let (forbiddenNode, forbiddenArc) = constraints.forbidden(in: graph)
        let n = graph.nodeCount
        // Unlimited capacities become one more than everything finite together, which no cut reaches.
        unlimited = (graph.nodeCapacity + graph.linkCapacity).filter(\.isFinite).reduce(0, +) * 2 + 1
        var outOf = (0..<n).map(Int32.init)
        var place = (0..<n).map(Int32.init)
        var tails: [Int32] = []
        var heads: [Int32] = []
        var capacities: [Double] = []
        var nodeArc = [Int32](repeating: -1, count: n)
        let ruledOut = { (v: Int) in !forbiddenNode.isEmpty && forbiddenNode[v] }
        for v in 0..<n where graph.nodeCapacity[v].isFinite || ruledOut(v) {
            outOf[v] = Int32(place.count)
            place.append(Int32(v))
            if !ruledOut(v) {
                nodeArc[v] = Int32(tails.count)
                tails.append(Int32(v))
                heads.append(outOf[v])
                capacities.append(graph.nodeCapacity[v])
            }
        }
        var linkArcs: [(arc: Int32, link: Int32)] = []
        linkArcs.reserveCapacity(graph.arcCount)
        for arc in 0..<graph.arcCount where forbiddenArc.isEmpty || !forbiddenArc[arc] {
            let link = graph.arcLink[arc]
            linkArcs.append((Int32(tails.count), link))
            tails.append(outOf[Int(graph.arcTail[arc])])
            heads.append(graph.arcHead[arc])
            capacities.append(graph.linkCapacity[Int(link)].isFinite ? graph.linkCapacity[Int(link)] : unlimited)
        }
        let flow = MaxFlow(nodeCount: place.count, tails: tails, heads: heads, capacities: capacities)
        network = flow
        self.place = place
        self.nodeArc = nodeArc.map { $0 < 0 ? -1 : flow.arcOf[Int($0)] }
        self.linkArcs = linkArcs.map { (flow.arcOf[Int($0.arc)], $0.link) }
        source = Int(s)
        sink = Int(outOf[Int(t)])
    }

    /// Runs the maximum flow, and names the minimum cut and the paths the flow takes.
    public func solve() -> CapacityAnalysis {
        var network = self.network
        let total = network.run(from: source, to: sink)
        let fromID = graph.nodeIDs[source]
        let toID = graph.nodeIDs[Int(place[sink])]
        if total >= unlimited - MaxFlow.epsilon {
            return CapacityAnalysis(from: fromID, to: toID, maxMt: nil, bottleneck: [], paths: [])
        }
        let side = network.reachable(from: source)
        var bottleneck: [String] = []
        for v in 0..<graph.nodeCount where nodeArc[v] >= 0 {
            let arc = Int(nodeArc[v])
            if side[Int(network.head[Int(network.partner[arc])])] && !side[Int(network.head[arc])] { bottleneck.append(graph.nodeIDs[v]) }
        }
        for (arc, link) in linkArcs where side[Int(network.head[Int(network.partner[Int(arc)])])] && !side[Int(network.head[Int(arc)])] {
            if !bottleneck.contains(graph.linkIDs[Int(link)]) { bottleneck.append(graph.linkIDs[Int(link)]) }
        }
        return CapacityAnalysis(from: fromID, to: toID, maxMt: total, bottleneck: bottleneck, paths: decompose(&network))
    }

    /// The flow as paths from source to sink, each taking the least flow along it, largest first.
    /// Cycles of flow met on the way carry nothing from source to sink and are cancelled. Each
    /// path's flow is taken off `network`'s arcs, which nothing reads after.
    private func decompose(_ network: inout MaxFlow, limit: Int = 100) -> [FlowPath] {
        func remaining(_ arc: Int) -> Double { network.capacity[arc] > 0 ? network.flow(arc) : 0 }
        // Each node's place on the path being walked, or -1: reset node by node, never in full.
        var position = [Int32](repeating: -1, count: network.nodeCount)
        var paths: [FlowPath] = []
        while paths.count < limit {
            var v = source
            var arcs: [Int] = []
            position[source] = 0
            while v != sink {
                guard let arc = (Int(network.first[v])..<Int(network.first[v + 1])).first(where: { remaining($0) > MaxFlow.epsilon }) else { break }
                arcs.append(arc)
                v = Int(network.head[arc])
                if position[v] >= 0 {
                    let start = Int(position[v])
                    let amount = arcs[start...].map(remaining).min()!
                    for arc in arcs[start...] { network.withdraw(amount, from: arc) }
                    for arc in arcs[start..<arcs.count - 1] { position[Int(network.head[arc])] = -1 }
                    arcs.removeSubrange(start...)
                } else {
                    position[v] = Int32(arcs.count)
                }
            }
            position[source] = -1
            for arc in arcs { position[Int(network.head[arc])] = -1 }
            guard v == sink, let amount = arcs.map(remaining).min(), amount > MaxFlow.epsilon else { break }
            for arc in arcs { network.withdraw(amount, from: arc) }
            var nodes = [graph.nodeIDs[source]]
            for arc in arcs {
                let id = graph.nodeIDs[Int(place[Int(network.head[arc])])]
                if nodes.last != id { nodes.append(id) }
            }
            paths.append(FlowPath(nodes: nodes, mt: amount))
        }
        return paths.sorted { $0.mt > $1.mt }
    }
}
