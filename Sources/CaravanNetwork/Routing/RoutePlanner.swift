/// Best routes between two places: the best by the objective, then loopless alternatives in order
/// (Yen's algorithm).
public struct RoutePlanner: Sendable {
    public let graph: RoutingGraph

    public init(_ graph: RoutingGraph) { self.graph = graph }

    /// The `request.count` best routes, best first.
    /// - Throws: `RouteError` for an unknown place, or when no route exists, naming the
    ///   constraints that cut it off.
    /// - Complexity: O(k·p·(n + a) log n) for k routes of up to p links.
    public func routes(_ request: RouteRequest) throws(RouteError) -> [Route] {
        let source = try graph.node(named: request.from)
        let target = try graph.node(named: request.to)
        if source == target { throw .samePlace(graph.nodeIDs[Int(source)]) }
        let routes = paths(source, target, request.objective, request.constraints, count: max(1, request.count))
        guard !routes.isEmpty else {
            let from = graph.nodeIDs[Int(source)]
            let to = graph.nodeIDs[Int(target)]
            guard !paths(source, target, request.objective, RouteConstraints(), count: 1).isEmpty else {
                throw .noRoute(from: from, to: to, constraints: [], cutBy: [])
            }
            throw .noRoute(from: from, to: to, constraints: request.constraints.parts.map(\.label), cutBy: cutting(source, target, request))
        }
        return routes.map { graph.route(from: source, arcs: $0) }
    }

    /// Each constraint without which alone a route exists.
    private func cutting(_ source: Int32, _ target: Int32, _ request: RouteRequest) -> [String] {
        request.constraints.parts.filter { part in
            !paths(source, target, request.objective, request.constraints.removing(part.constraints), count: 1).isEmpty
        }
        .map(\.label)
    }

    private func paths(_ source: Int32, _ target: Int32, _ objective: RouteObjective, _ constraints: RouteConstraints, count: Int) -> [[Int32]] {
        let (forbiddenNode, forbiddenArc) = constraints.forbidden(in: graph)
        let search = ShortestPathSearch(graph, objective: objective, forbiddenNode: forbiddenNode, forbiddenArc: forbiddenArc)
        search.reset()
        guard forbiddenNode.isEmpty || !forbiddenNode[Int(source)], let best = search.search(from: source, to: target) else { return [] }
        return AlternativeRoutes(graph: graph, search: search, objective: objective, source: source, target: target)
            .routes(first: best.arcs, count: count)
    }
}
