/// Maximum flow by push–relabel with highest-label selection, global relabelling and the gap
/// heuristic (Goldberg and Tarjan; Cherkassky and Goldberg's heuristics): the method OR-tools uses,
/// and on transport networks far less work than augmenting paths. The residual graph is kept in
/// flat arrays in compressed rows: each node's arcs contiguous, each arc knowing its partner.
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

    /// The largest flow from `source` to `sink`; arc flows are left in `residual`.
    /// - Complexity: O(V²√A) at worst.
    mutating func run(from source: Int, to sink: Int) -> Double {
        var state = PushRelabelState(nodeCount: nodeCount, first: first)
        // Phase one: a maximum preflow, all the excess that can reach the sink.
        for arc in Int(first[source])..<Int(first[source + 1]) where residual[arc] > Self.epsilon {
            let amount = residual[arc]
            residual[arc] = 0
            residual[Int(partner[arc])] += amount
            state.excess[Int(head[arc])] += amount
        }
        discharge(&state, toward: sink, keeping: source)
        let total = state.excess[sink]
        // Phase two: the excess that could not reach the sink goes back to the source.
        discharge(&state, toward: source, keeping: sink)
        return total
    }

    /// Pushes every excess toward `terminal`, never into `kept`, until none is left that can move.
    private mutating func discharge(_ state: inout PushRelabelState, toward terminal: Int, keeping kept: Int) {
        let n = nodeCount
        var relabels = 0
        globalRelabel(&state, toward: terminal, keeping: kept)
        while let v = state.highestActive() {
            while state.excess[v] > Self.epsilon {
                let start = Int(state.current[v])
                let end = Int(first[v + 1])
                var arc = start
                let wanted = state.height[v] - 1
                while arc < end {
                    let w = Int(head[arc])
                    if residual[arc] > Self.epsilon && state.height[w] == wanted {
                        let amount = min(state.excess[v], residual[arc])
                        residual[arc] -= amount
                        residual[Int(partner[arc])] += amount
                        state.excess[v] -= amount
                        if state.excess[w] <= Self.epsilon && w != terminal && w != kept { state.activate(w) }
                        state.excess[w] += amount
                        if state.excess[v] <= Self.epsilon { break }
                    }
                    arc += 1
                }
                state.current[v] = Int32(min(arc, end))
                if state.excess[v] <= Self.epsilon { break }
                // No admissible arc: relabel, or lift above everything when v empties its height.
                var lowest = 2 * n
                for arc in Int(first[v])..<end where residual[arc] > Self.epsilon { lowest = min(lowest, state.height[Int(head[arc])] + 1) }
                let old = state.height[v]
                if state.count[old] == 1 && old < n {
                    state.gap(at: old, nodeCount: n)
                } else {
                    state.setHeight(v, min(lowest, 2 * n))
                }
                state.current[v] = first[v]
                relabels += 1
                if state.height[v] >= n { break }
                if relabels >= n {
                    relabels = 0
                    globalRelabel(&state, toward: terminal, keeping: kept)
                    if state.height[v] >= n { break }
                }
            }
        }
    }

    /// Sets every height to the exact distance to `terminal` over arcs with room left, by a
    /// breadth-first search backwards from it; nodes that cannot reach it are lifted out of play.
    private func globalRelabel(_ state: inout PushRelabelState, toward terminal: Int, keeping kept: Int) {
        let n = nodeCount
        state.reset(height: 2 * n)
        state.setHeight(terminal, 0)
        var queue = [Int32](repeating: 0, count: n)
        queue[0] = Int32(terminal)
        var front = 0
        var back = 1
        while front < back {
            let w = Int(queue[front])
            front += 1
            let next = state.height[w] + 1
            for arc in Int(first[w])..<Int(first[w + 1]) {
                let v = Int(head[arc])
                // v can push to w when the arc v→w (the partner of w→v) has room.
                if state.height[v] == 2 * n && v != kept && residual[Int(partner[arc])] > Self.epsilon {
                    state.setHeight(v, next)
                    queue[back] = Int32(v)
                    back += 1
                }
            }
        }
        state.setHeight(kept, 2 * n)
        for v in 0..<n where v != terminal && v != kept && state.excess[v] > Self.epsilon && state.height[v] < n { state.activate(v) }
        for v in 0..<n { state.current[v] = first[v] }
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

/// Heights, excesses and the buckets of active nodes by height.
private struct PushRelabelState {
    var height: [Int]
    var excess: [Double]
    var current: [Int32]
    /// How many nodes stand at each height, for the gap heuristic.
    var count: [Int]
    /// Active nodes by height, as singly linked lists.
    private var bucket: [Int32]
    private var nextActive: [Int32]
    private var isActive: [Bool]
    private var top = -1

    init(nodeCount n: Int, first: [Int32]) {
        height = [Int](repeating: 0, count: n)
        excess = [Double](repeating: 0, count: n)
        current = Array(first.dropLast())
        count = [Int](repeating: 0, count: 2 * n + 1)
        bucket = [Int32](repeating: -1, count: 2 * n + 1)
        nextActive = [Int32](repeating: -1, count: n)
        isActive = [Bool](repeating: false, count: n)
    }

    mutating func reset(height value: Int) {
        for v in height.indices { height[v] = value }
        for h in count.indices { count[h] = 0 }
        count[value] = height.count
        for h in bucket.indices { bucket[h] = -1 }
        for v in isActive.indices { isActive[v] = false }
        top = -1
    }

    mutating func setHeight(_ v: Int, _ value: Int) {
        count[height[v]] -= 1
        height[v] = value
        count[value] += 1
    }

    mutating func activate(_ v: Int) {
        guard !isActive[v], height[v] < count.count / 2 else { return }
        isActive[v] = true
        nextActive[v] = bucket[height[v]]
        bucket[height[v]] = Int32(v)
        top = max(top, height[v])
    }

    /// The active node with the greatest height, taken off its list; nil when none is left.
    mutating func highestActive() -> Int? {
        while top >= 0 {
            let v = bucket[top]
            if v < 0 {
                top -= 1
                continue
            }
            bucket[top] = nextActive[Int(v)]
            isActive[Int(v)] = false
            if height[Int(v)] != top { continue }
            return Int(v)
        }
        return nil
    }

    /// No node is left at `gap`: those above it cannot reach the terminal any more.
    mutating func gap(at gap: Int, nodeCount n: Int) {
        for v in height.indices where height[v] >= gap && height[v] < n { setHeight(v, n) }
    }
}
