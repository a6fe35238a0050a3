import CaravanPresentation
import CaravanServer
import CaravanService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The JSON API")
struct APITests {
    @Test("answers a series with the JSON the service gives the CLI, and its sources")
    func series() async throws {
        let served = try await ServedWorkspace()
        let expected = try JSONOutput.string(try await served.workspace.series(.init(reporter: "IRN", partner: "KAZ"), by: .year))
        try await served.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/trade/series?reporter=IRN&partner=KAZ", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.text == expected)
                let series = try #require(try response.json()["series"] as? [[String: Any]])
                #expect(series.count > 5 && series.allSatisfy { ($0["sources"] as? [Any])?.isEmpty == false })
            }
        }
    }

    @Test(
        "refuses bad requests with a code and a message naming the parameter",
        arguments: [
            ("/api/v1/trade/series?reporter=IRN", 400, "missing_parameter", "'partner'"),
            ("/api/v1/trade/series?reporter=IRN&partner=KAZ&colour=red", 400, "unknown_parameter", "'colour'"),
            ("/api/v1/trade/series?reporter=IRN&partner=KAZ&by=decade", 400, "invalid_parameter", "'by'"),
            ("/api/v1/trade/series?reporter=IRN&partner=XXX", 400, "invalid_parameter", "'partner'"),
            ("/api/v1/trade/series?reporter=IRN&partner=KAZ&reporter=KAZ", 400, "invalid_parameter", "'reporter'"),
            ("/api/v1/trade/series?reporter=IRN&partner=KAZ&as-of=yesterday", 400, "invalid_parameter", "'as-of'"),
            ("/api/v1/trade/compare?reporter=IRN&partner=KAZ&period=2024-13", 400, "invalid_parameter", "'period'"),
            ("/api/v1/route?from=astana&to=atlantis", 400, "unknown_place", "atlantis"),
            ("/api/v1/scenario?cancel=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400, "invalid_parameter", "'cancel'"),
            ("/api/v1/scenario?add=kti:capacity_mt%3D1e308", 400, "invalid_parameter", "'add'"),
            ("/api/v1/scenario?add=kti:capacity_mt%3D-5", 400, "invalid_parameter", "'add'"),
            ("/api/v1/scenario?delay=kti-railway%3D99999999999999999999999y", 400, "invalid_parameter", "'delay'"),
            ("/api/v1/route?from=astana&to=bandar_abbas&alternatives=many", 400, "invalid_parameter", "'alternatives'"),
            ("/api/v1/route?from=astana&to=bandar_abbas&avoid-mode=rail&avoid-mode=sea&avoid-mode=road&avoid-mode=ferry", 422, "no_route", "astana"),
            ("/api/v1/scorecard?partnership=nobody", 404, "unknown_partnership", "nobody"),
            // Found by Reliability/attack.py: PostgreSQL answered 500 to a NUL in a parameter.
            ("/api/v1/scorecard?partnership=%00", 400, "invalid_parameter", "NUL"),
            ("/api/v1/corridor/flows?element=a%00b", 400, "invalid_parameter", "'element'"),
            ("/api/v1/nowhere", 404, "not_found", "/api/v1/nowhere"),
        ])
    func refusals(_ uri: String, _ status: Int, _ code: String, _ named: String) async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status)
                #expect(response.errorCode == code)
                let message = ((try response.json()["error"] as? [String: Any])?["message"] as? String) ?? ""
                #expect(message.contains(named), "\(message)")
            }
        }
    }

    @Test("a scenario answers beside the baseline and stores nothing; a change the dossier cannot take is refused naming it")
    func scenario() async throws {
        let served = try await ServedWorkspace()
        let batches = try await served.workspace.batches().count
        try await served.app().test(.router) { client in
            let uri = "/api/v1/scenario?partnership=iran-kazakhstan&cancel=aktau-kuryk-expansion&add=uzen-bolashak:capacity_mt%3D12"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                let answer = try response.json()
                #expect(answer["changes"] as? [String] == ["cancel aktau-kuryk-expansion", "add 12 capacity_mt at uzen-bolashak"])
                let baseline = try #require(answer["baseline"] as? [String: Any])
                let scenario = try #require(answer["scenario"] as? [String: Any])
                let bottleneck = { (side: [String: Any]) in ((side["capacity_by_year"] as? [[String: Any]])?.first?["bottleneck"] as? [String]) }
                #expect(bottleneck(baseline) == ["uzen-bolashak"] && bottleneck(scenario) != ["uzen-bolashak"])
            }
            try await client.execute(uri: "/api/v1/scenario?cancel=no-such-project", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("'cancel': cancel no-such-project: the dossier has no project 'no-such-project'"))
            }
            // A vanishing amount is a number like any other: answered, the capacity unchanged.
            try await client.execute(uri: "/api/v1/scenario?partnership=iran-kazakhstan&add=kti:capacity_mt%3D1e-300", method: .get) { response in
                let changes = try response.json()["changes"] as? [String]
                #expect(response.status == .ok && changes?.first?.hasPrefix("add ") == true)
            }
            try await client.execute(uri: "/api/v1/scenario", method: .get) { response in
                #expect(response.status == .badRequest && response.text.contains("a scenario needs a change"))
            }
        }
        #expect(try await served.workspace.batches().count == batches)
    }

    @Test("a path asked with a method it does not take answers 405 and the methods it does")
    func wrongMethod() async throws {
        let served = try await ServedWorkspace(bundled: false)
        try await served.app().test(.router) { client in
            for (method, uri, allow) in [
                (HTTPRequest.Method.delete, "/api/v1/scorecard", "GET"), (.init("TRACE")!, "/healthz", "GET"),
                (.get, "/api/v1/dossiers/iran-kazakhstan", "PUT"), (.put, "/api/v1/imports", "GET, POST"),
            ] {
                // With a token: a write without one is refused before its path is looked at.
                try await client.execute(uri: uri, method: method, headers: served.bearer(served.token)) { response in
                    #expect(response.status == .methodNotAllowed && response.errorCode == "method_not_allowed", "\(method) \(uri)")
                    #expect(response.headers[.allow] == allow)
                }
            }
        }
    }

    @Test("an empty store answers 404 with what to do, not a server error")
    func empty() async throws {
        let served = try await ServedWorkspace(bundled: false)
        try await served.app().test(.router) { client in
            for (uri, code) in [
                ("/api/v1/scorecard", "no_dossier"), ("/api/v1/route?from=a&to=b", "no_network"), ("/api/v1/corridor/flows", "no_network"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound && response.errorCode == code, "\(uri): \(response.text)")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let status = try response.json()["status"] as? String
                #expect(response.status == .ok && status == "ok")
            }
        }
    }

    @Test("the corridor endpoints answer routes, capacity by year and flows against capacity")
    func corridor() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/route?from=Astana&to=bandar_abbas&alternatives=2&by=cost", method: .get) { response in
                let routes = try #require(try response.json()["routes"] as? [[String: Any]])
                let costs = routes.compactMap { $0["usd_per_t"] as? Double }
                #expect(routes.count == 3 && costs == costs.sorted())
            }
            let now = try await client.execute(uri: "/api/v1/capacity?from=astana&to=bandar_abbas", method: .get) { try $0.json() }
            let later = try await client.execute(uri: "/api/v1/capacity?from=astana&to=bandar_abbas&year=2035", method: .get) { try $0.json() }
            #expect((now["bottleneck"] as? [String])?.isEmpty == false)
            #expect((later["max_mt"] as? Double ?? 0) >= (now["max_mt"] as? Double ?? .infinity))
            try await client.execute(uri: "/api/v1/corridor/flows", method: .get) { response in
                let flows = try #require(try response.json()["flows"] as? [[String: Any]])
                #expect(!flows.isEmpty && flows.allSatisfy { $0["source"] as? String != nil })
            }
        }
    }

    @Test("what a pair trades: the products and other add up to the total, each with its share")
    func products() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            let uri = "/api/v1/trade/products?reporter=IRN&partner=KAZ&flow=export&period=2024&level=6&top=1"
            let answer = try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                return try response.json()
            }
            let products = try #require(answer["products"] as? [[String: Any]])
            let other = try #require(answer["other"] as? [String: Any])
            #expect(products.map { $0["code"] as? String } == ["851713"])
            #expect(products[0]["value_usd"] as? Double == 2_800_000 && other["value_usd"] as? Double == 1_500_000)
            #expect(answer["total_usd"] as? Double == 4_300_000)
            try await client.execute(uri: "/api/v1/trade/products?reporter=IRN&partner=KAZ&period=2024&top=0", method: .get) { response in
                #expect(response.status == .badRequest && response.text.contains("'top'"))
            }
        }
    }

    @Test("tariff coverage: lines and trade liberalized; no schedule is a 404 naming what is missing")
    func coverage() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            let answer = try await client.execute(uri: "/api/v1/tariffs/coverage?reporter=KAZ&partner=IRN&period=2024", method: .get) {
                response in
                #expect(response.status == .ok)
                return try response.json()
            }
            let lines = try #require(answer["lines"] as? [String: Any])
            let trade = try #require(answer["trade"] as? [String: Any])
            // Chapter 10's rate is inherited by its subheadings and is preferential; chapter 85's is not.
            #expect(lines["liberalized"] as? Int == 26 && lines["with_rate"] as? Int == 26 + 296)
            #expect(trade["liberalized_usd"] as? Double == 1_500_000 && trade["total_usd"] as? Double == 4_300_000)
            try await client.execute(uri: "/api/v1/tariffs/coverage?reporter=IRN&partner=KAZ", method: .get) { response in
                #expect(response.status == .notFound && response.errorCode == "no_schedule" && response.text.contains("IRN"))
            }
        }
    }

    @Test("many requests at once over a live loopback port all get the same answer")
    func live() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.live) { client in
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<24 {
                    group.addTask { try await client.execute(uri: "/api/v1/scorecard", method: .get) { "\($0.status.code) \($0.text)" } }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(answers.count == 24 && Set(answers).count == 1 && answers[0].hasPrefix("200 {"))
        }
    }
}
