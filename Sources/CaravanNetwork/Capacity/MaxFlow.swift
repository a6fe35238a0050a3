/// Maximum flow by push–relabel (`PushRelabel`): the method OR-tools uses, and on transport
/// networks far less work than augmenting paths. The residual graph is kept in flat arrays in
/// compressed rows: each node's arcs contiguous, each arc knowing its partner.
struct MaxFlow {
    let nodeCount: Int
    /// Arcs leaving v are `first[v] ..< first[v + 1]`.
    let first: [Int32]
    let head: [Int32]
    let partner: [Int32]
    let capacity: [Double]
    /// Room left on each arc: capacity minus flow.
    private(set) var residual: [Double]
    static let epsilon = 1e-9

    /// Builds the residual graph from arcs given as (tail, head, capacity), each with a reverse
    /// arc of no capacity. Returns the graph and each given arc's index in it.
    /// - Complexity: O(V + A).
    init(nodeCount: Int, tails: [Int32], heads: [Int32], capacities: [Double]) {
        self.nodeCount = nodeCount
        var first = [Int32](repeating: 0, count: nodeCount + 1)
        for arc in tails.indices {
            first[Int(tails[arc]) + 1] += 1
            first[Int(heads[arc]) + 1] += 1
        }
        for v in 0..<nodeCount { first[v + 1] += first[v] }
        var next = first
        let total = tails.count * 2
        var head = [Int32](repeating: 0, count: total)
        var partner = [Int32](repeating: 0, count: total)
        var capacity = [Double](repeating: 0, count: total)
        var placed = [Int32](repeating: 0, count: tails.count)
        for arc in tails.indices {
            let tail = Int(tails[arc])
            let to = Int(heads[arc])
            let forward = Int(next[tail])
            next[tail] += 1
            let backward = Int(next[to])
            next[to] += 1
            head[forward] = Int32(to)
            head[backward] = Int32(tail)
            partner[forward] = Int32(backward)
            partner[backward] = Int32(forward)
            capacity[forward] = capacities[arc]
            placed[arc] = Int32(forward)
        }
        self.first = first
        self.head = head
        self.partner = partner
        self.capacity = capacity
        residual = capacity
        arcOf = placed
    }

    /// Where each arc given to `init` sits in the residual graph.
    let arcOf: [Int32]

    /// The flow an arc carries.
    func flow(_ arc: Int) -> Double { capacity[arc] - residual[arc] }

    /// Takes `amount` off the flow an arc carries, as a flow's decomposition into paths does.
    mutating func withdraw(_ amount: Double, from arc: Int) { residual[arc] += amount }

    /// The largest flow from `source` to `sink`; arc flows are left in `residual`.
    /// - Complexity: O(V²√A) at worst.
    mutating func run(from source: Int, to sink: Int) -> Double {
        guard !residual.isEmpty else { return 0 }
        // Taken out of self, so that the buffer is written in place while the other arrays are read.
        var residual = self.residual
        self.residual = []
        defer { self.residual = residual }
        let (first, head, partner, capacity, n) = (self.first, self.head, self.partner, self.capacity, nodeCount)
        return first.withUnsafeBufferPointer { first in
            head.withUnsafeBufferPointer { head in
                partner.withUnsafeBufferPointer { partner in
                    capacity.withUnsafeBufferPointer { capacity in
                        residual.withUnsafeMutableBufferPointer { residual in
                            var engine = PushRelabel(
                                nodeCount: n, first: first.baseAddress!, head: head.baseAddress!, partner: partner.baseAddress!,
                                capacity: capacity.baseAddress!, residual: residual.baseAddress!, arcCount: residual.count)
                            defer { engine.deallocate() }
                            return engine.run(from: source, to: sink)
                        }
                    }
                }
            }
        }
    }

    /// Nodes still reachable from `source` over arcs with room left: one side of a minimum cut.
    func reachable(from source: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var stack = [source]
        seen[source] = true
        while let v = stack.popLast() {
            for arc in Int(first[v])..<Int(first[v + 1]) where residual[arc] > Self.epsilon {
                let w = Int(head[arc])
                if !seen[w] {
                    seen[w] = true
                    stack.append(w)
                }
            }
        }
        return seen
    }
}
