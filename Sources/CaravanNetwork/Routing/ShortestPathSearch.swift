/// Dijkstra's algorithm on the routing graph, over (node, arriving mode) states when mode changes
/// cost something, else over nodes. A node's dwell, handling and transfer penalty are paid on
/// leaving it, so the two ends of a route pay none. Buffers are kept between searches and
/// reset by generation stamps, so the many searches of Yen's algorithm allocate nothing.
final class ShortestPathSearch {
    private let graph: RoutingGraph
    private let linkWeight: [Double]
    private let nodeWeight: [Double]
    private let transferWeight: [Double]
    /// States per node: one, or one per mode plus "departed from the start".
    private let slots: Int
    private let startSlot: Int

    private var distance: [Double]
    private var previousArc: [Int32]
    private var previousState: [Int32]
    private var reached: [UInt32]
    private var settled: [UInt32]
    private var generation: UInt32 = 0
    private var heap = StateHeap()

    /// Nodes and arcs the constraints forbid for every search; empty when none are.
    private let forbiddenNode: [Bool]
    private let forbiddenArc: [Bool]
    /// Nodes and arcs one search of Yen's algorithm forbids, marked with the current generation.
    private var bannedNode: [UInt32]
    private var bannedArc: [UInt32]

    init(_ graph: RoutingGraph, objective: RouteObjective, forbiddenNode: [Bool], forbiddenArc: [Bool]) {
        self.graph = graph
        linkWeight = zip(graph.linkHours, graph.linkUSD).map { objective.weight(hours: $0, usd: $1) }
        nodeWeight = zip(graph.dwellHours, graph.handlingUSD).map { objective.weight(hours: $0, usd: $1) }
        transferWeight = zip(graph.transferHours, graph.transferUSD).map { objective.weight(hours: $0, usd: $1) }
        slots = graph.hasTransfers ? 5 : 1
        startSlot = graph.hasTransfers ? 4 : 0
        let states = graph.nodeCount * slots
        distance = [Double](repeating: 0, count: states)
        previousArc = [Int32](repeating: -1, count: states)
        previousState = [Int32](repeating: -1, count: states)
        reached = [UInt32](repeating: 0, count: states)
        settled = [UInt32](repeating: 0, count: states)
        self.forbiddenNode = forbiddenNode
        self.forbiddenArc = forbiddenArc
        bannedNode = [UInt32](repeating: 0, count: graph.nodeCount)
        bannedArc = [UInt32](repeating: 0, count: graph.arcCount)
    }

    /// Starts a new search: earlier bans and distances no longer count.
    func reset() {
        generation &+= 1
        if generation == 0 {
            // After 2^32 searches the stamps wrap; clear them once.
            for i in reached.indices {
                reached[i] = 0
                settled[i] = 0
            }
            for i in bannedNode.indices { bannedNode[i] = 0 }
            for i in bannedArc.indices { bannedArc[i] = 0 }
            generation = 1
        }
    }

    func ban(node: Int32) { bannedNode[Int(node)] = generation }
    func ban(arc: Int32) { bannedArc[Int(arc)] = generation }

    /// The cheapest arcs from `source` to `target`, and their weight.
    /// - Parameters:
    ///   - arrivalMode: how the route arrived at `source` when it is the middle of a longer route.
    ///   - chargeSource: whether `source` pays its dwell and transfer (true in the middle of a route).
    /// - Complexity: O((n + a) log n) for n nodes and a arcs.
    func search(from source: Int32, to target: Int32, arrivalMode: UInt8? = nil, chargeSource: Bool = false) -> (arcs: [Int32], weight: Double)? {
        let slots = self.slots
        let first = Int(source) * slots + (arrivalMode.map { slots > 1 ? Int($0) : 0 } ?? startSlot)
        heap.removeAll()
        reach(first, 0, arc: -1, from: -1)
        heap.push(0, Int32(first))
        return graph.arcHead.withUnsafeBufferPointer { head in
            graph.arcLink.withUnsafeBufferPointer { arcLink in
                graph.firstArc.withUnsafeBufferPointer { firstArc in
                    graph.linkMode.withUnsafeBufferPointer { linkMode in
                        while let (weight, state) = heap.pop() {
                            let s = Int(state)
                            if settled[s] == generation { continue }
                            settled[s] = generation
                            let node = s / slots
                            if node == Int(target) { return (path(to: s), weight) }
                            let slot = s % slots
                            let charged = node != Int(source) || chargeSource
                            let leave = charged ? nodeWeight[node] : 0
                            for arc in Int(firstArc[node])..<Int(firstArc[node + 1]) {
                                if bannedArc[arc] == generation || (!forbiddenArc.isEmpty && forbiddenArc[arc]) { continue }
                                let next = Int(head[arc])
                                if bannedNode[next] == generation || (!forbiddenNode.isEmpty && forbiddenNode[next]) { continue }
                                let link = Int(arcLink[arc])
                                let mode = Int(linkMode[link])
                                var total = weight + leave + linkWeight[link]
                                if slots > 1 && slot < 4 && slot != mode && charged { total += transferWeight[slot * 4 + mode] }
                                let nextState = next * slots + (slots > 1 ? mode : 0)
                                if reached[nextState] != generation || total < distance[nextState] {
                                    reach(nextState, total, arc: Int32(arc), from: state)
                                    heap.push(total, Int32(nextState))
                                }
                            }
                        }
                        return nil
                    }
                }
            }
        }
    }

    @inline(__always)
    private func reach(_ state: Int, _ weight: Double, arc: Int32, from previous: Int32) {
        reached[state] = generation
        distance[state] = weight
        previousArc[state] = arc
        previousState[state] = previous
    }

    private func path(to state: Int) -> [Int32] {
        var arcs: [Int32] = []
        var current = state
        while previousArc[current] >= 0 {
            arcs.append(previousArc[current])
            current = Int(previousState[current])
        }
        return arcs.reversed()
    }
}

/// A binary min-heap of (weight, state), without decrease-key: a state may be pushed again with a
/// lower weight, and the stale entry is skipped when popped.
struct StateHeap {
    private var weights: [Double] = []
    private var states: [Int32] = []

    mutating func removeAll() {
        weights.removeAll(keepingCapacity: true)
        states.removeAll(keepingCapacity: true)
    }

    /// - Complexity: O(log n).
    mutating func push(_ weight: Double, _ state: Int32) {
        weights.append(weight)
        states.append(state)
        var child = weights.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if weights[parent] <= weight { break }
            weights[child] = weights[parent]
            states[child] = states[parent]
            child = parent
        }
        weights[child] = weight
        states[child] = state
    }

    /// - Complexity: O(log n).
    mutating func pop() -> (Double, Int32)? {
        guard let top = weights.first, let topState = states.first else { return nil }
        let lastWeight = weights.removeLast()
        let lastState = states.removeLast()
        let count = weights.count
        if count > 0 {
            var parent = 0
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count && weights[child + 1] < weights[child] { child += 1 }
                if weights[child] >= lastWeight { break }
                weights[parent] = weights[child]
                states[parent] = states[child]
                parent = child
            }
            weights[parent] = lastWeight
            states[parent] = lastState
        }
        return (top, topState)
    }
}
