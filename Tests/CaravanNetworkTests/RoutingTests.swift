import CaravanNetwork
import Testing

@Suite("Routing")
struct RoutingTests {
    let graph: RoutingGraph
    let planner: RoutePlanner

    init() throws {
        graph = RoutingGraph(try network(sample))
        planner = RoutePlanner(graph)
    }

    @Test("time counts link hours, length over speed, and the dwell of nodes passed through, not at the ends")
    func time() throws {
        let route = try #require(try planner.routes(RouteRequest(from: "A", to: "C")).first)
        // A→B 10 h, dwell at B 5 h, B→C 6 h: 21 h, against 18 h by road. The road wins.
        #expect(route.nodes == ["A", "C"] && route.hours == 18)
        let viaB = try #require(try planner.routes(RouteRequest(from: "A", to: "C", objective: .cost)).first)
        #expect(viaB.nodes == ["A", "B", "C"] && viaB.hours == 21 && viaB.usdPerT == 20)
        #expect(viaB.legs.map(\.kind) == [.link, .dwell, .link])
    }

    @Test("a change of mode adds its transfer penalty; names resolve like ids")
    func transfer() throws {
        let route = try #require(try planner.routes(RouteRequest(from: "Alpha", to: "delta", objective: .cost)).first)
        // By rail: 10 + 2 + 8, dwell at C, rail→sea 6, sea 15: 41. By road: 60 + road→sea 1 + 15: 76.
        #expect(route.nodes == ["A", "B", "C", "D"] && route.usdPerT == 41)
        #expect(route.legs.map(\.kind) == [.link, .dwell, .link, .dwell, .transfer, .link])
        #expect(route.legs.last?.cumulativeUSDPerT == 41 && route.legs.last?.cumulativeKm == 400)
        #expect(route.kmIncomplete)
    }

    @Test("generalized cost weighs hours at the value of time")
    func generalized() throws {
        let cheap = try #require(try planner.routes(RouteRequest(from: "A", to: "C", objective: .generalized(valueOfTime: 1))).first)
        #expect(cheap.nodes == ["A", "B", "C"])
        let dear = try #require(try planner.routes(RouteRequest(from: "A", to: "C", objective: .generalized(valueOfTime: 20))).first)
        #expect(dear.nodes == ["A", "C"])
    }

    @Test("alternatives are loopless, distinct and in order")
    func alternatives() throws {
        let routes = try planner.routes(RouteRequest(from: "A", to: "D", count: 5))
        #expect(routes.map(\.nodes) == [["A", "C", "D"], ["A", "B", "C", "D"]])
        #expect(routes[0].hours <= routes[1].hours)
    }

    @Test("avoiding a country, a node or a mode; and naming what cut the route off")
    func avoiding() throws {
        let noTKM = try #require(
            try planner.routes(RouteRequest(from: "A", to: "C", objective: .cost, constraints: .init(avoidCountries: ["TKM"]))).first)
        #expect(noTKM.nodes == ["A", "C"])
        #expect(
            throws: RouteError.noRoute(
                from: "A", to: "C", constraints: ["--avoid-node B", "--avoid-mode road"], cutBy: ["--avoid-node B", "--avoid-mode road"])
        ) {
            try planner.routes(RouteRequest(from: "A", to: "C", constraints: .init(avoidNodes: ["B"], avoidModes: [.road])))
        }
        #expect(throws: RouteError.noRoute(from: "D", to: "A", constraints: [], cutBy: [])) { try planner.routes(RouteRequest(from: "D", to: "A")) }
        #expect(throws: RouteError.self) { try planner.routes(RouteRequest(from: "Nowhere", to: "A")) }
    }

    @Test("capacity: node capacities count, the minimum cut is named, the flow splits into paths")
    func capacity() throws {
        let analysis = try graph.capacity(from: "A", to: "C")
        // Through B at most 4 (its capacity), and 2 by road.
        #expect(analysis.maxMt == 6)
        #expect(Set(analysis.bottleneck) == ["B", "ac"])
        #expect(analysis.paths.map(\.mt) == [4, 2])
        #expect(try graph.capacity(from: "C", to: "D").maxMt == nil)
        #expect(try graph.capacity(from: "A", to: "C", constraints: .init(avoidModes: [.road])).maxMt == 4)
    }
}
