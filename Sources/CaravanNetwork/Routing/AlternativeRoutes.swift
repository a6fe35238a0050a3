/// Yen's k-shortest loopless paths on the routing graph. Each spur search starts at a node of the
/// previous route, having arrived by the previous route's mode, with the route's earlier nodes and
/// the arcs earlier routes took from the same root banned.
struct AlternativeRoutes {
    let graph: RoutingGraph
    let search: ShortestPathSearch
    let objective: RouteObjective
    let source: Int32
    let target: Int32

    func routes(first: [Int32], count: Int) -> [[Int32]] {
        var accepted = [first]
        var candidates: [(weight: Double, arcs: [Int32])] = []
        while accepted.count < count {
            let last = accepted[accepted.count - 1]
            let nodes = [source] + last.map { graph.arcHead[Int($0)] }
            for spur in last.indices {
                let root = Array(last[..<spur])
                search.reset()
                for path in accepted where path.count > spur && Array(path[..<spur]) == root { search.ban(arc: path[spur]) }
                for node in nodes[..<spur] { search.ban(node: node) }
                let arrival = root.last.map { graph.linkMode[Int(graph.arcLink[Int($0)])] }
                guard let tail = search.search(from: nodes[spur], to: target, arrivalMode: arrival, chargeSource: spur > 0) else { continue }
                let arcs = root + tail.arcs
                if !accepted.contains(arcs) && !candidates.contains(where: { $0.arcs == arcs }) {
                    candidates.append((weight(of: arcs), arcs))
                }
            }
            guard
                let next = candidates.indices.min(by: {
                    (candidates[$0].weight, candidates[$0].arcs.count) < (candidates[$1].weight, candidates[$1].arcs.count)
                })
            else { break }
            accepted.append(candidates.remove(at: next).arcs)
        }
        return accepted
    }

    private func weight(of arcs: [Int32]) -> Double {
        let route = graph.route(from: source, arcs: arcs)
        return objective.weight(hours: route.hours, usd: route.usdPerT)
    }
}
