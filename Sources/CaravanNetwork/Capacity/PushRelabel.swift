/// One run of push–relabel with highest-label selection, global relabelling and the gap heuristic
/// (Goldberg and Tarjan; Cherkassky and Goldberg's heuristics) over a `MaxFlow`'s arrays. Held as
/// pointers for the length of one run: the hot loops then skip the bounds and uniqueness checks.
///
/// Phase one pushes all the excess that can reach the sink; phase two sends what is left back to
/// the source along the arcs that carry flow only, so that it walks the flow rather than the graph.
struct PushRelabel {
    private let n: Int
    private let first: UnsafePointer<Int32>
    private let head: UnsafePointer<Int32>
    private let partner: UnsafePointer<Int32>
    private let capacity: UnsafePointer<Double>
    private let residual: UnsafeMutablePointer<Double>
    private let arcCount: Int
    /// The distance to the terminal as far as known; `n` is out of play.
    private let height: UnsafeMutablePointer<Int32>
    private let excess: UnsafeMutablePointer<Double>
    /// The arc each node's scan resumes at.
    private let current: UnsafeMutablePointer<Int32>
    /// Every node below `n` by height, doubly linked: the gap heuristic lifts whole levels.
    private let levelFirst: UnsafeMutablePointer<Int32>
    private let levelNext: UnsafeMutablePointer<Int32>
    private let levelPrevious: UnsafeMutablePointer<Int32>
    /// Active nodes by height, singly linked; an entry whose node has since been lifted is skipped.
    private let activeFirst: UnsafeMutablePointer<Int32>
    private let activeNext: UnsafeMutablePointer<Int32>
    private let queue: UnsafeMutablePointer<Int32>
    /// The highest height that may hold an active node, and any node at all.
    private var top = -1
    private var highest = -1
    private var terminal = 0
    private var kept = 0
    /// In phase two only flow is cancelled: an arc's room is what its partner carries.
    private var cancelOnly = false
    /// Arcs scanned by relabels since the last global relabel.
    private var work = 0
    private let epsilon = MaxFlow.epsilon

    init(
        nodeCount: Int, first: UnsafePointer<Int32>, head: UnsafePointer<Int32>, partner: UnsafePointer<Int32>,
        capacity: UnsafePointer<Double>, residual: UnsafeMutablePointer<Double>, arcCount: Int
    ) {
        n = nodeCount
        self.first = first
        self.head = head
        self.partner = partner
        self.capacity = capacity
        self.residual = residual
        self.arcCount = arcCount
        func nodes<T>(_ value: T, extra: Int = 0) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: nodeCount + extra)
            pointer.initialize(repeating: value, count: nodeCount + extra)
            return pointer
        }
        height = nodes(Int32(nodeCount))
        excess = nodes(0.0)
        current = nodes(Int32(0))
        levelFirst = nodes(Int32(-1), extra: 1)
        levelNext = nodes(Int32(-1))
        levelPrevious = nodes(Int32(-1))
        activeFirst = nodes(Int32(-1), extra: 1)
        activeNext = nodes(Int32(-1))
        queue = nodes(Int32(0))
    }

    func deallocate() {
        for pointer in [height, current, levelFirst, levelNext, levelPrevious, activeFirst, activeNext, queue] { pointer.deallocate() }
        excess.deallocate()
    }

    /// The largest flow from `source` to `sink`, the arcs' flows left in the residual capacities.
    mutating func run(from source: Int, to sink: Int) -> Double {
        for arc in Int(first[source])..<Int(first[source + 1]) where residual[arc] > epsilon {
            let amount = residual[arc]
            residual[arc] = 0
            residual[Int(partner[arc])] += amount
            excess[Int(head[arc])] += amount
        }
        (terminal, kept, cancelOnly) = (sink, source, false)
        globalRelabel()
        discharge()
        let total = excess[sink]
        (terminal, kept, cancelOnly) = (source, sink, true)
        globalRelabel()
        discharge()
        return total
    }

    /// Room left on an arc in the current phase.
    @inline(__always)
    private func room(_ arc: Int) -> Double { cancelOnly ? residual[arc] - capacity[arc] : residual[arc] }

    /// Discharges the highest active node until none is left below `n`.
    private mutating func discharge() {
        // Cherkassky and Goldberg's measure: relabelling this much work again costs about a global relabel.
        let budget = 6 * n + arcCount / 2
        while true {
            var v = -1
            while top >= 0 {
                let candidate = activeFirst[top]
                if candidate < 0 {
                    top -= 1
                    continue
                }
                activeFirst[top] = activeNext[Int(candidate)]
                if Int(height[Int(candidate)]) == top {
                    v = Int(candidate)
                    break
                }
            }
            if v < 0 { return }
            let start = Int(first[v])
            let end = Int(first[v + 1])
            var left = excess[v]
            while true {
                let wanted = height[v] - 1
                var arc = Int(current[v])
                while arc < end {
                    let free = room(arc)
                    if free > epsilon {
                        let w = Int(head[arc])
                        if height[w] == wanted {
                            let amount = min(left, free)
                            residual[arc] -= amount
                            residual[Int(partner[arc])] += amount
                            left -= amount
                            if excess[w] <= epsilon && w != terminal { activate(w) }
                            excess[w] += amount
                            if left <= epsilon { break }
                        }
                    }
                    arc += 1
                }
                excess[v] = left
                if left <= epsilon {
                    current[v] = Int32(arc)
                    break
                }
                // No admissible arc: relabel to one above the lowest neighbour with room.
                var lowest = Int32(n)
                var lowestArc = end
                for arc in start..<end where room(arc) > epsilon {
                    let above = height[Int(head[arc])] + 1
                    if above < lowest {
                        lowest = above
                        lowestArc = arc
                    }
                }
                work += 12 + end - start
                let old = Int(height[v])
                if levelFirst[old] == Int32(v) && levelNext[v] < 0 {
                    // v alone at its height: once it leaves, nothing at or above can reach the terminal.
                    gap(at: old)
                    break
                }
                unlink(v)
                file(v, at: Int(lowest))
                current[v] = Int32(lowestArc)
                if Int(lowest) >= n { break }
                if work > budget {
                    globalRelabel()
                    break
                }
            }
        }
    }

    @inline(__always)
    private mutating func activate(_ v: Int) {
        let h = Int(height[v])
        activeNext[v] = activeFirst[h]
        activeFirst[h] = Int32(v)
        if h > top { top = h }
    }

    /// Sets v's height and files it at that level; at `n` it is out of play and filed nowhere.
    @inline(__always)
    private mutating func file(_ v: Int, at h: Int) {
        height[v] = Int32(h)
        guard h < n else { return }
        let next = levelFirst[h]
        levelNext[v] = next
        levelPrevious[v] = -1
        if next >= 0 { levelPrevious[Int(next)] = Int32(v) }
        levelFirst[h] = Int32(v)
        if h > highest { highest = h }
    }

    @inline(__always)
    private mutating func unlink(_ v: Int) {
        let previous = levelPrevious[v]
        let next = levelNext[v]
        if previous >= 0 { levelNext[Int(previous)] = next } else { levelFirst[Int(height[v])] = next }
        if next >= 0 { levelPrevious[Int(next)] = previous }
    }

    /// Lifts every node at `gap` or above out of play.
    private mutating func gap(at gap: Int) {
        guard gap <= highest else { return }
        for h in gap...highest {
            var v = levelFirst[h]
            while v >= 0 {
                height[Int(v)] = Int32(n)
                v = levelNext[Int(v)]
            }
            levelFirst[h] = -1
            activeFirst[h] = -1
        }
        highest = gap - 1
        top = min(top, gap - 1)
    }

    /// Sets every height to the exact distance to the terminal over arcs with room, by a
    /// breadth-first search backwards from it; nodes that cannot reach it are lifted out of play.
    private mutating func globalRelabel() {
        let out = Int32(n)
        height.update(repeating: out, count: n)
        levelFirst.update(repeating: -1, count: n + 1)
        activeFirst.update(repeating: -1, count: n + 1)
        (top, highest, work) = (-1, -1, 0)
        // Marked apart from the unreached, so that the search never enters it.
        height[kept] = out + 1
        height[terminal] = 0
        queue[0] = Int32(terminal)
        var front = 0
        var back = 1
        while front < back {
            let w = Int(queue[front])
            front += 1
            let next = height[w] + 1
            for arc in Int(first[w])..<Int(first[w + 1]) {
                let v = Int(head[arc])
                // v can push to w when the arc v→w (the partner of w→v) has room.
                if height[v] == out && room(Int(partner[arc])) > epsilon {
                    height[v] = next
                    queue[back] = Int32(v)
                    back += 1
                }
            }
        }
        height[kept] = out
        for position in 0..<back {
            let v = Int(queue[position])
            file(v, at: Int(height[v]))
            current[v] = first[v]
            if v != terminal && excess[v] > epsilon { activate(v) }
        }
    }
}
