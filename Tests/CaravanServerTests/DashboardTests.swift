import CaravanPresentation
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
        ("/scenario", ["scenario-form"], "scenario-empty"),
        (
            "/scenario?delay=aktau-kuryk-expansion%3D2y&add=uzen-bolashak%3Acapacity_mt%3D12",
            ["scenario-form", "scenario-changes", "scenario-tests", "scenario-targets", "scenario-capacity"], "scenario"
        ),
        ("/partnerships", ["partnerships"], "partnerships"),
        ("/changes", ["changes"], "changes"),
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

    @Test(
        "every page and the report, in English, Persian and Russian, at 1400 and 390 px: nothing past the screen's edge, no chart text overlapping or under 11 px, every chart's latest value and targets labelled, no target outside its axis, no value written twice, every phrase translated; Persian right to left with Persian digits"
    )
    func layout() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.live) { client in
            var documents: [(name: String, language: Language, html: String)] = []
            for language in Language.allCases {
                for page in Self.pages {
                    let address = page.path + (page.path.contains("?") ? "&" : "?") + "lang=\(language.rawValue)"
                    documents.append((page.name, language, try await client.execute(uri: address, method: .get).text))
                }
                let report = HTMLReport(try await served.workspace.reportData(asOf: Date()), words: Words(language)).html.rendered
                documents.append(("report", language, report))
            }
            // Two browsers at a time, one a core.
            let findings = try await withThrowingTaskGroup(of: [String].self) { group in
                var findings: [String] = []
                var waiting = documents.flatMap { document in [1400, 390].map { (document, $0) } }[...]
                func next() -> Bool {
                    guard let (document, width) = waiting.popFirst() else { return false }
                    group.addTask {
                        let shot = "layout-\(document.name)-\(document.language.rawValue)-\(width).png"
                        let layout = try await PageLayout.measure(document.html, width: width, screenshot: shot)
                        return Self.problems(layout, language: document.language).map {
                            "\(document.name) \(document.language.rawValue) \(width) px: \($0)"
                        }
                    }
                    return true
                }
                _ = next() && next()
                while let found = try await group.next() {
                    findings += found
                    _ = next()
                }
                return findings
            }
            #expect(documents.count == 3 * (Self.pages.count + 1))
            #expect(findings.isEmpty, "\(findings.count) problems:\n\(findings.prefix(40).joined(separator: "\n"))")
        }
    }

    @Test("the layout measure finds what the page tests look for: a page too wide, texts overlapping or too small, a missing phrase")
    func measureFindsFaults() async throws {
        let faulty = """
            <!DOCTYPE html><html lang="fa" dir="rtl"><body><div id="wide" style="width:600px">⟦status.met⟧ ۱۲</div>
            <svg id="chart" viewBox="0 0 720 100" style="width:100%;direction:ltr"><text x="10" y="50" font-size="12">Bereket</text>\
            <text x="20" y="52" font-size="12">Etrek</text><text x="700" y="90" font-size="12">Almaty</text></svg></body></html>
            """
        let layout = try await PageLayout.measure(faulty, width: 390)
        #expect(layout.overflow > 200 && layout.outside.contains { $0.contains("div#wide") })
        #expect(layout.overlaps.contains("chart: \"Bereket\" / \"Etrek\"") && layout.overlaps.contains("chart: \"Almaty\" leaves the chart"))
        #expect(layout.small.count == 3 && layout.missing == ["⟦status.met⟧"] && layout.persianDigits == 2 && layout.dir == "rtl")
        let fine = try await PageLayout.measure("<!DOCTYPE html><html lang=\"en\"><body><p>340</p></body></html>", width: 390)
        #expect(fine.overflow == 0 && fine.outside.isEmpty && fine.overlaps.isEmpty && fine.small.isEmpty && fine.missing.isEmpty)
        #expect(fine.unlabelled.isEmpty && fine.outsideAxis.isEmpty && fine.duplicates.isEmpty)
    }

    @Test("the layout measure finds a chart's faults: the latest value, a target or a side unlabelled, a target past its axis, a value written twice")
    func measureFindsChartFaults() async throws {
        // A target at 15 on an axis to 13, unlabelled; one at 10, labelled; the latest unlabelled; 10 Mt twice; the last of three bars unnamed;
        // a mark's hidden detail, which is neither measured nor counted.
        let planted = """
            <!DOCTYPE html><html lang="en"><body><svg id="planted" viewBox="0 0 340 200" style="width:340px" data-axis-min="0" data-axis-max="13" \
            data-bars="3"><line data-target="0" data-value="15"/><line data-target="1" data-value="10"/>\
            <text x="10" y="20" font-size="12" data-target-label="1">Target 10 Mt</text><g data-latest="true"><circle cx="300" cy="100" r="5"/>\
            <g style="display:none"><text x="10" y="100" font-size="12" class="value">10 Mt</text></g></g>\
            <text x="10" y="150" font-size="12" class="value">10 Mt</text><text x="200" y="150" font-size="12" class="value">10 Mt</text>\
            <text x="10" y="180" font-size="12" data-bar="0">Kazakhstan reports</text></svg></body></html>
            """
        let layout = try await PageLayout.measure(planted, width: 390)
        #expect(layout.unlabelled == ["planted: the latest value", "planted: target 0", "planted: bar 3 of 3"])
        #expect(layout.outsideAxis == ["planted: target 0 at 15 on an axis of 0–13"])
        #expect(layout.duplicates == ["planted: \"10 Mt\" 2 times"] && layout.overlaps.isEmpty)
        let mended = planted.replacingOccurrences(of: "data-value=\"15\"", with: "data-value=\"12\"")
            .replacingOccurrences(of: "data-axis-max=\"13\"", with: "data-axis-max=\"15\"")
            .replacingOccurrences(of: "<text x=\"200\" y=\"150\" font-size=\"12\" class=\"value\">10 Mt</text>", with: "")
            .replacingOccurrences(of: "data-bars=\"3\"", with: "data-bars=\"1\"")
            .replacingOccurrences(
                of: "</svg>",
                with:
                    "<text x=\"100\" y=\"40\" font-size=\"12\" data-target-label=\"0\">Target 12 Mt</text><text x=\"250\" y=\"80\" font-size=\"12\" data-latest-label=\"true\">1.6 Mt</text></svg>"
            )
        let fixed = try await PageLayout.measure(mended, width: 390)
        #expect(
            fixed.unlabelled.isEmpty && fixed.outsideAxis.isEmpty && fixed.duplicates.isEmpty,
            "\(fixed.unlabelled) \(fixed.outsideAxis) \(fixed.duplicates)")
    }

    /// What is wrong with a page's layout in a language, in words.
    static func problems(_ layout: PageLayout, language: Language) -> [String] {
        var problems: [String] = []
        if layout.overflow > 0 { problems.append("the page is \(layout.overflow) px wider than the screen") }
        problems += layout.outside.map { "past the edge: \($0)" }
        problems += layout.overlaps.map { "overlap: \($0)" }
        problems += layout.small.map { "text under 11 px: \($0)" }
        problems += layout.missing.map { "no translation: \($0)" }
        problems += layout.unlabelled.map { "not labelled: \($0)" }
        problems += layout.outsideAxis.map { "outside the axis: \($0)" }
        problems += layout.duplicates.map { "written twice: \($0)" }
        if layout.lang != language.rawValue { problems.append("lang=\(layout.lang ?? "none")") }
        if layout.dir != language.direction { problems.append("dir=\(layout.dir ?? "none")") }
        if language == .fa {
            if layout.persianDigits == 0 { problems.append("no Persian digits") }
            problems += layout.asciiAmounts.map { "an amount in ASCII digits: \($0)" }
        }
        return problems
    }

    @Test("the language comes from ?lang=, else the browser's Accept-Language; links and forms keep it; a switcher leads to the same page in each")
    func languages() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            try await client.execute(uri: "/trade", method: .get, headers: [.acceptLanguage: "de-DE,ru;q=0.8,en;q=0.5"]) { response in
                #expect(response.text.contains("<html lang=\"ru\" dir=\"ltr\">"))
                #expect(response.headers[.vary] == "Accept-Language")
                #expect(response.text.contains("href=\"/corridor?partnership=iran-kazakhstan&amp;lang=ru\""))
                #expect(response.text.contains("<input type=\"hidden\" name=\"lang\" value=\"ru\">"))
            }
            // The same address asked in another language is answered in it, not from the other's cache.
            try await client.execute(uri: "/trade", method: .get, headers: [.acceptLanguage: "fa-IR,fa;q=0.9"]) { response in
                #expect(response.text.contains("<html lang=\"fa\" dir=\"rtl\">"))
                #expect(response.text.contains("href=\"/trade?lang=en\" hreflang=\"en\""))
            }
            try await client.execute(uri: "/trade?lang=en", method: .get, headers: [.acceptLanguage: "fa"]) { response in
                #expect(response.text.contains("<html lang=\"en\" dir=\"ltr\">") && response.text.contains(">off track<"))
            }
            try await client.execute(uri: "/trade?lang=xx", method: .get, headers: [.acceptLanguage: "en-GB;q=0.2,ru;q=0.1"]) { response in
                #expect(response.text.contains("<html lang=\"en\""))
            }
            // A header no browser sends: weights not numbers, out of range, empty entries.
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "fa;q=nan, ;q=, de;q=1e309, ru;q=-1, ,,, ru;q=0.5;x=y"]) {
                response in
                #expect(response.status == .ok && response.text.contains("<html lang=\"ru\""))
            }
            // Persian digits and a Persian month name in a query read as the period they name.
            try await client.execute(uri: "/api/v1/trade/compare?reporter=IRN&partner=KAZ&period=%DB%B2%DB%B0%DB%B2%DB%B4", method: .get) {
                response in
                #expect(response.status == .ok, "\(response.text)")
            }
            let month = "%D9%81%D8%B1%D9%88%D8%B1%D8%AF%DB%8C%D9%86%20%DB%B1%DB%B4%DB%B0%DB%B1"
            try await client.execute(uri: "/api/v1/trade/compare?reporter=IRN&partner=KAZ&period=\(month)", method: .get) { response in
                #expect(response.status == .ok && response.text.contains("\"SH1401-01\""), "\(response.text)")
            }
        }
    }

    @Test("the CSV download holds plain numbers, the same the JSON API gives")
    func csvNumbers() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            let csv = try await client.execute(uri: "/trade.csv?reporter=IRN&partner=KAZ", method: .get).text
            let json = try await client.execute(uri: "/api/v1/trade/series?reporter=IRN&partner=KAZ", method: .get).body
            let series = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json)) as? [String: Any])["series"] as? [[String: Any]]
            let api = Dictionary(
                uniqueKeysWithValues: (series ?? []).map {
                    ($0["period"] as? String ?? "", ($0["value_usd"] as? Double, $0["change_pct"] as? Double))
                })
            let lines = csv.split(separator: "\n").dropFirst().filter { !$0.hasPrefix(",") }
            #expect(lines.count == api.count && lines.count > 10)
            for line in lines {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let expected = try #require(api[fields[0]], "\(fields[0]) is not in the API's series")
                #expect(Double(fields[1]) == expected.0, "\(line)")
                #expect(fields[2].isEmpty ? expected.1 == nil : abs((Double(fields[2]) ?? .nan) - (expected.1 ?? .nan)) < 0.05, "\(line)")
            }
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
            #expect(trade.dom.contains("Kazakhstan–Iran turnover, all goods, by year"))
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
