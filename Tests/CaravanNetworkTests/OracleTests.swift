import CaravanNetwork
import Foundation
import Testing

/// Random networks with the answers networkx gives (scripts/data/make-network-oracle.py); each
/// network is read by the project's own reader.
struct OracleCase {
    struct Expected {
        let time: Double?
        let cost: Double?
        let generalized: Double?
        let timeAvoiding: Double?
        let maxFlow: Double?
        let kBestTime: [Double]?
    }

    let network: Network
    let from: String
    let to: String
    let valueOfTime: Double
    let avoidCountry: String
    let avoidMode: TransportMode
    let expected: Expected

    init(_ object: [String: Any]) throws {
        network = try CaravanNetworkTests.network(String(decoding: JSONSerialization.data(withJSONObject: object["network"]!), as: UTF8.self))
        from = object["from"] as! String
        to = object["to"] as! String
        valueOfTime = object["value_of_time"] as! Double
        avoidCountry = object["avoid_country"] as! String
        avoidMode = TransportMode(rawValue: object["avoid_mode"] as! String)!
        let expected = object["expected"] as! [String: Any]
        self.expected = Expected(
            time: expected["time"] as? Double, cost: expected["cost"] as? Double, generalized: expected["generalized"] as? Double,
            timeAvoiding: expected["time_avoiding"] as? Double, maxFlow: expected["max_flow"] as? Double,
            kBestTime: expected["k_best_time"] as? [Double])
    }
}

private let cases: [OracleCase] = {
    guard let url = Bundle.module.url(forResource: "random-networks", withExtension: "json", subdirectory: "Oracle"),
        let data = try? Data(contentsOf: url),
        let file = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let objects = file["cases"] as? [[String: Any]]
    else { return [] }
    return objects.compactMap { try? OracleCase($0) }
}()

@Suite("Routing and capacity against networkx on 300 random networks")
struct OracleTests {
    /// The best route, or nil when there is none.
    func best(_ planner: RoutePlanner, _ request: RouteRequest) -> Route? {
        try? planner.routes(request).first
    }

    func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) <= 1e-6 * max(1, abs(b))
        default: false
        }
    }

    @Test("the best route's weight by time, cost and generalized cost, and with countries and modes avoided")
    func bestRoutes() throws {
        #expect(cases.count == 300)
        for (index, item) in cases.enumerated() {
            #expect(item.network.problems().isEmpty, "case \(index)")
            let planner = RoutePlanner(RoutingGraph(item.network))
            let request = RouteRequest(from: item.from, to: item.to)
            let time = best(planner, request)?.hours
            #expect(close(time, item.expected.time), "case \(index): time \(String(describing: time)) vs \(String(describing: item.expected.time))")
            var byCost = request
            byCost.objective = .cost
            #expect(close(best(planner, byCost)?.usdPerT, item.expected.cost), "case \(index): cost")
            var general = request
            general.objective = .generalized(valueOfTime: item.valueOfTime)
            let generalized = best(planner, general).map { $0.usdPerT + item.valueOfTime * $0.hours }
            #expect(close(generalized, item.expected.generalized), "case \(index): generalized")
            var avoiding = request
            avoiding.constraints = RouteConstraints(avoidCountries: [item.avoidCountry], avoidModes: [item.avoidMode])
            #expect(close(best(planner, avoiding)?.hours, item.expected.timeAvoiding), "case \(index): avoiding")
        }
    }

    @Test("the k best loopless routes by time, in order")
    func kBest() throws {
        var compared = 0
        for (index, item) in cases.enumerated() {
            guard let expected = item.expected.kBestTime, !expected.isEmpty else { continue }
            let routes = try RoutePlanner(RoutingGraph(item.network)).routes(RouteRequest(from: item.from, to: item.to, count: 4))
            #expect(routes.count == expected.count, "case \(index)")
            for (route, hours) in zip(routes, expected) { #expect(close(route.hours, hours), "case \(index)") }
            for route in routes { #expect(Set(route.nodes).count == route.nodes.count, "case \(index): a loop") }
            #expect(Set(routes.map(\.links)).count == routes.count, "case \(index): a repeat")
            compared += 1
        }
        #expect(compared > 100)
    }

    @Test("the maximum flow, node capacities counted")
    func maxFlow() throws {
        for (index, item) in cases.enumerated() {
            let analysis = try RoutingGraph(item.network).capacity(from: item.from, to: item.to)
            #expect(
                close(analysis.maxMt, item.expected.maxFlow),
                "case \(index): \(String(describing: analysis.maxMt)) vs \(String(describing: item.expected.maxFlow))")
            if let total = analysis.maxMt, total > 0 {
                #expect(abs(analysis.paths.map(\.mt).reduce(0, +) - total) < 1e-6, "case \(index): paths add up")
            }
        }
    }
}
