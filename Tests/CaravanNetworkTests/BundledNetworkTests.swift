import CaravanNetwork
import Testing

@Suite("The bundled INSTC eastern-branch network")
struct BundledNetworkTests {
    let network: Network
    let graph: RoutingGraph

    init() throws {
        network = try bundledNetwork()
        graph = RoutingGraph(network)
    }

    @Test("every figure says where it comes from: a source, or an estimate with its reasoning")
    func evidence() {
        let sourced: [(String, [String: Evidence]?, [String])] =
            network.nodes.map {
                ($0.id, $0.evidence, [$0.dwellHours.map { _ in "dwell_hours" }, $0.capacityMt.map { _ in "capacity_mt" }].compactMap { $0 })
            }
            + network.links.map { ($0.id, $0.evidence, ["length_km", "speed_kmh", "usd_per_t"] + ($0.capacityMt == nil ? [] : ["capacity_mt"])) }
        for (id, evidence, fields) in sourced {
            for field in fields {
                let entry = evidence?[field]
                #expect(entry?.source != nil || (entry?.estimate == true && entry?.reasoning?.isEmpty == false), "\(id).\(field)")
            }
        }
        #expect(network.nodes.contains { $0.kind == "break_of_gauge" && ($0.dwellHours ?? 0) > 0 })
    }

    @Test("Astana to Bandar Abbas: a route by rail through the break of gauge, and one avoiding Turkmenistan by sea")
    func astanaToBandarAbbas() throws {
        let planner = RoutePlanner(graph)
        let best = try #require(try planner.routes(RouteRequest(from: "Astana", to: "bandar_abbas")).first)
        #expect(best.nodes.contains("inche_burun") && best.nodes.contains("bolashak"))
        #expect(best.legs.contains { $0.kind == .dwell && $0.id == "inche_burun" && $0.hours == 30 })
        let avoiding = try #require(
            try planner.routes(RouteRequest(from: "astana", to: "bandar_abbas", constraints: .init(avoidCountries: ["TKM"]))).first)
        #expect(avoiding.legs.contains { $0.mode == .sea } && !avoiding.nodes.contains("bolashak"))
    }

    @Test("the railway alone carries 10 Mt a year, the whole network 27, with the bottleneck the README states")
    func capacity() throws {
        let rail = try graph.capacity(from: "uzen", to: "gorgan", constraints: .init(avoidModes: [.sea]))
        #expect(rail.maxMt == 10 && rail.bottleneck == ["uzen-bolashak"])
        let all = try graph.capacity(from: "astana", to: "bandar_abbas")
        #expect(all.maxMt == 27 && Set(all.bottleneck) == ["aktau_port", "kuryk_port", "uzen-bolashak"])
    }
}
