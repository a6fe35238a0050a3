/// Maximum flow by Dinic's algorithm on a residual graph in flat arrays: each arc at an even
/// index has its reverse at the next odd one.
struct MaxFlow {
    private(set) var nodeCount: Int
    private(set) var arcTo: [Int32] = []
    private(set) var capacity: [Double] = []
    private(set) var flow: [Double] = []
    private var arcFrom: [Int32] = []
    /// Arcs leaving v, once `prepare()` has run: `order[first[v] ..< first[v + 1]]`.
    private var first: [Int32] = []
    private var order: [Int32] = []
    private static let epsilon = 1e-9

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    /// Adds an arc and its zero-capacity reverse; returns the arc's index.
    @discardableResult
    mutating func addArc(_ from: Int32, _ to: Int32, capacity: Double) -> Int {
        arcFrom.append(from)
        arcTo.append(to)
        self.capacity.append(capacity)
        arcFrom.append(to)
        arcTo.append(from)
        self.capacity.append(0)
        return arcTo.count - 2
    }

    private mutating func prepare() {
        first = [Int32](repeating: 0, count: nodeCount + 1)
        for from in arcFrom { first[Int(from) + 1] += 1 }
        for v in 0..<nodeCount { first[v + 1] += first[v] }
        var cursor = first
        order = [Int32](repeating: 0, count: arcFrom.count)
        for arc in arcFrom.indices {
            order[Int(cursor[Int(arcFrom[arc])])] = Int32(arc)
            cursor[Int(arcFrom[arc])] += 1
        }
        flow = [Double](repeating: 0, count: arcTo.count)
    }

    /// The largest flow from `source` to `sink`; arc flows are left in `flow`.
    /// - Complexity: O(V²E) at worst; far less on transport networks.
    mutating func run(from source: Int32, to sink: Int32) -> Double {
        prepare()
        var total = 0.0
        var level = [Int32](repeating: -1, count: nodeCount)
        var next = [Int32](repeating: 0, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var stack: [Int32] = []
        while levels(from: source, to: sink, &level, &queue) {
            for v in 0..<nodeCount { next[v] = first[v] }
            while true {
                let pushed = augment(from: source, to: sink, level: level, next: &next, stack: &stack)
                if pushed <= Self.epsilon { break }
                total += pushed
            }
        }
        return total
    }

    /// Breadth-first levels over arcs with room left; true when the sink is reached.
    private func levels(from source: Int32, to sink: Int32, _ level: inout [Int32], _ queue: inout [Int32]) -> Bool {
        for v in 0..<nodeCount { level[v] = -1 }
        level[Int(source)] = 0
        queue[0] = source
        var head = 0
        var tail = 1
        while head < tail {
            let v = Int(queue[head])
            head += 1
            for position in Int(first[v])..<Int(first[v + 1]) {
                let arc = Int(order[position])
                let to = Int(arcTo[arc])
                if level[to] < 0 && capacity[arc] - flow[arc] > Self.epsilon {
                    level[to] = level[v] + 1
                    queue[tail] = Int32(to)
                    tail += 1
                }
            }
        }
        return level[Int(sink)] >= 0
    }

    /// Finds one path in the level graph by depth-first search with current-arc pointers, and
    /// pushes its bottleneck along it.
    private mutating func augment(from source: Int32, to sink: Int32, level: [Int32], next: inout [Int32], stack: inout [Int32]) -> Double {
        stack.removeAll(keepingCapacity: true)
        var v = Int(source)
        while true {
            if v == Int(sink) {
                var pushed = Double.infinity
                for arc in stack { pushed = min(pushed, capacity[Int(arc)] - flow[Int(arc)]) }
                for arc in stack {
                    flow[Int(arc)] += pushed
                    flow[Int(arc) ^ 1] -= pushed
                }
                return pushed
            }
            var advanced = false
            while next[v] < first[v + 1] {
                let arc = Int(order[Int(next[v])])
                let to = Int(arcTo[arc])
                if level[to] == level[v] + 1 && capacity[arc] - flow[arc] > Self.epsilon {
                    stack.append(Int32(arc))
                    v = to
                    advanced = true
                    break
                }
                next[v] += 1
            }
            if !advanced {
                // A dead end: no path through v in this phase; step back and skip the arc used.
                guard let arc = stack.popLast() else { return 0 }
                v = Int(arcFrom[Int(arc)])
                next[v] += 1
            }
        }
    }

    /// Nodes still reachable from `source` over arcs with room left: one side of a minimum cut.
    func reachable(from source: Int32) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var stack = [source]
        seen[Int(source)] = true
        while let v = stack.popLast() {
            for position in Int(first[Int(v)])..<Int(first[Int(v) + 1]) {
                let arc = Int(order[position])
                let to = Int(arcTo[arc])
                if !seen[to] && capacity[arc] - flow[arc] > Self.epsilon {
                    seen[to] = true
                    stack.append(Int32(to))
                }
            }
        }
        return seen
    }

    /// The arcs leaving v that carry flow forward.
    func flowingArcs(from v: Int) -> [Int] {
        (Int(first[v])..<Int(first[v + 1])).map { Int(order[$0]) }.filter { $0 & 1 == 0 && flow[$0] > Self.epsilon }
    }

    var epsilon: Double { Self.epsilon }
}
