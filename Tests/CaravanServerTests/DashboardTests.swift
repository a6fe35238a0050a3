import CaravanServer
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The dashboard in headless Chromium", .serialized, .enabled(if: Browser.available, "no Chromium: run scripts/setup"))
struct DashboardTests {
    /// Each page, the charts and tables it must show, and a name for its screenshot.
    static let pages: [(path: String, ids: [String], name: String)] = [
        ("/", ["test-trade", "test-projects", "test-corridor", "latest", "agreements"], "scorecard"),
        ("/trade", ["trade-chart", "trade-series", "csv", "mirror", "composition-chart", "tariff-coverage", "concentration"], "trade"),
        ("/trade?reporter=IRN&partner=KAZ&by=sh-year", ["trade-chart", "trade-series"], "trade-sh-year"),
        ("/corridor", ["route-form", "network-map", "corridor-chart", "flows"], "corridor"),
        ("/corridor?from=astana&to=bandar_abbas&by=cost&avoid-country=TKM", ["tcd-chart", "routes", "legs", "network-map"], "corridor-route"),
        ("/projects", ["funding-chart", "projects"], "projects"),
        ("/claims", ["claims"], "claims"),
        ("/trade?reporter=KAZ&partner=IRN", ["trade-series", "gap", "gap-waterfall", "gap-steps"], "trade-gap"),
        ("/partnerships", ["partnerships"], "partnerships"),
        ("/?partnership=iran-turkmenistan", ["test-trade", "test-projects", "test-corridor"], "scorecard-second"),
        ("/claims?partnership=iran-turkmenistan", ["claims"], "claims-second"),
    ]

    @Test("every page loads with its charts' SVG, links to its sources and no console errors; screenshots are kept")
    func pages() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.live) { client in
            let port = try #require(client.port)
            for page in Self.pages {
                let url = URL(string: "http://127.0.0.1:\(port)\(page.path)")!
                let loaded = try await Browser.load(url)
                #expect(loaded.dom.contains("<nav>"), "\(page.path) did not load: \(loaded.dom.prefix(200))")
                for id in page.ids { #expect(loaded.dom.contains("id=\"\(id)\""), "\(page.path) has no #\(id)") }
                #expect(loaded.console.isEmpty, "\(page.path) wrote to the console: \(loaded.console)")
                #expect(loaded.dom.contains("<a href=\"http"), "\(page.path) links to no source")
                let shot = try await Browser.screenshot(of: url, name: "dashboard-\(page.name).png")
                #expect((try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0 > 5_000)
            }
            let phone = try await Browser.screenshot(
                of: URL(string: "http://127.0.0.1:\(port)/corridor")!, name: "dashboard-corridor-phone.png", width: 390, height: 2400)
            #expect(FileManager.default.fileExists(atPath: phone.path))
        }
    }

    @Test("the route form and the trade form round-trip through the browser: the answer page shows what was asked")
    func forms() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.live) { client in
            let port = try #require(client.port)
            // As the form submits it: spaces as '+', a repeated field, every field present even when empty.
            let routed = try await Browser.load(URL(string: "http://127.0.0.1:\(port)/corridor?from=astana&to=bandar_abbas&by=time&avoid-country=")!)
            #expect(routed.dom.contains("id=\"tcd-chart\"") && routed.dom.contains("<option value=\"astana\" selected"))
            let impossible = try await Browser.load(
                URL(string: "http://127.0.0.1:\(port)/corridor?from=astana&to=bandar_abbas&by=time&avoid-country=KAZ")!)
            #expect(impossible.dom.contains("id=\"route-problem\""))
            let trade = try await Browser.load(
                URL(string: "http://127.0.0.1:\(port)/trade?reporter=KAZ&partner=IRN&flow=turnover&commodity=&by=year")!)
            #expect(trade.dom.contains("KAZ–IRN turnover, TOTAL, by year"))
            let csv = try await client.execute(uri: "/trade.csv?reporter=IRN&partner=KAZ", method: .get)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.text.hasPrefix("period,") && csv.text.contains("2024"))
        }
    }

    @Test("a page the server cannot answer says why, in the dashboard's frame")
    func errors() async throws {
        let served = try await ServedWorkspace(bundled: false)
        try await served.app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .notFound && response.text.contains("there is no dossier in the store") && response.text.contains("<nav>"))
            }
            // A shared link's tracking parameters are ignored; a value that cannot stand is refused, naming it.
            try await client.execute(uri: "/?utm_source=newsletter&fbclid=abc", method: .get) { response in
                #expect(response.status == .notFound && response.text.contains("there is no dossier in the store"))
            }
            try await client.execute(uri: "/trade?reporter=XX&partner=KAZ", method: .get) { response in
                #expect(response.status == .badRequest && response.text.contains("&#39;reporter&#39;: unknown country &#39;XX&#39;"))
            }
        }
    }
}
