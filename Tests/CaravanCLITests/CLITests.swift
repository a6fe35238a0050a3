import CaravanTestSupport
import Foundation
import Testing

/// Runs the built `caravan` in a directory of its own.
struct CLI {
    let directory = TemporaryDirectory()

    static let binary: String = {
        let products = Bundle.main.bundleURL.path.hasSuffix(".xctest") ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        return products.appendingPathComponent("caravan").path
    }()

    /// The repository's root, for the bundled data files.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ arguments: String...) throws -> Command { try run(arguments) }

    func run(_ arguments: [String]) throws -> Command {
        try Command.run(
            Self.binary, arguments, environment: ["CARAVAN_DB": directory.path("env.sqlite"), "CARAVAN_POSTGRES": ""], directory: directory.url)
    }
}

@Suite("The caravan command")
struct CLITests {
    let cli = CLI()

    @Test(
        "calendar prints the other calendar on one line",
        arguments: [
            ("SH1403-12-30", "2025-03-20"), ("2025-03-21", "SH1404-01-01"), ("SH1404-01..SH1404-07", "2025-03-21..2025-10-22"),
            ("2024-Q2", "SH1403-01-13..SH1403-04-10"),
        ])
    func calendar(input: String, output: String) throws {
        let result = try cli.run("calendar", input)
        #expect(result.status == 0 && result.stdout == output + "\n")
    }

    @Test("calendar refuses an impossible date and says why", arguments: ["SH1404-12-30", "2025-02-29"])
    func impossible(input: String) throws {
        let result = try cli.run("calendar", input)
        #expect(result.status != 0)
        #expect(result.stderr.contains("has 29 days") || result.stderr.contains("has 28 days"))
    }

    @Test("demo loads the bundled data once and prints the series with whose figures they are")
    func demo() throws {
        let first = try cli.run("demo", "--db", "demo.sqlite")
        #expect(first.status == 0)
        #expect(first.stdout.contains("17 rows read, 17 stored"))
        #expect(first.stdout.split(separator: "\n").contains { $0.hasPrefix("2024 ") && $0.contains("340,000,000") && $0.hasSuffix("Tehran Times") })
        #expect(first.stdout.contains("partial: 2025-01..2025-09 only"))
        let second = try cli.run("demo", "--db", "demo.sqlite")
        #expect(second.stdout.contains("already imported") && second.stdout.contains("nothing added"))
        #expect(FileManager.default.fileExists(atPath: cli.directory.path("demo.sqlite")))
    }

    @Test("demo fits a terminal: 100 columns, about 60 lines, one line an import, each partnership's own routes, what to try next")
    func demoFits() throws {
        let demo = try cli.run("demo", "--db", "demo.sqlite", "--report", "r.html")
        #expect(demo.status == 0, "\(demo.stderr)")
        let lines = demo.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 70, "\(lines.count) lines")
        // The report's path, last, is printed whole however long the directory's name.
        #expect(lines.dropLast(2).allSatisfy { $0.count <= 100 }, "\(lines.filter { $0.count > 100 })")
        #expect(lines.filter { $0.hasPrefix("Data/") }.count == 9 && !demo.stdout.contains("recorded as import"))
        #expect(!demo.stdout.contains("changed:") && demo.stdout.contains("Statuses judged: iran-kazakhstan 19, iran-turkmenistan 10"))
        // Iran–Turkmenistan's routes are its own: into Iran by its two railway crossings, not the Kazakh railway's ends again.
        let turkmen = try #require(demo.stdout.components(separatedBy: "══ Iran–Turkmenistan").last)
        #expect(turkmen.contains("Fastest routes bereket → tehran") && turkmen.contains("inche_burun") && turkmen.contains("sarakhs"))
        #expect(!turkmen.contains("uzen → gorgan"))
        // A capacity says which modes it counts.
        #expect(demo.stdout.contains("by all modes (rail, road, sea): at most 27.0 Mt a year"))
        #expect(demo.stdout.contains("by rail alone (--avoid-mode the others): at most 10.0 Mt a year; bottleneck: uzen-bolashak"))
        #expect(demo.stdout.contains("claims: 2 consistent, 1 inconsistent, 8 unverifiable"))
        #expect(demo.stdout.contains("Try next:") && demo.stdout.contains("  caravan serve"))
    }

    @Test("import refuses a bad file with FILE:LINE: FIELD and a non-zero exit, storing nothing")
    func badImport() throws {
        let file = cli.directory.write(
            "f.csv",
            "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\nKAZ,IRN,export,TOTAL,2024,1,,,S,,,\nKAZ,IRN,export,TOTAL,2025,-3,,,S,,,\n"
        )
        let result = try cli.run("import", file)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):3: value_usd: must be at least 0 USD, not -3"))
        let listed = try cli.run("imports", "--format", "csv")
        #expect(listed.stdout == "id,recorded_at,format,observations,sha256,file\n")
    }

    @Test("import --skip-invalid names the file of rejected rows")
    func skipInvalid() throws {
        let file = cli.directory.write(
            "f.csv",
            "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\nKAZ,IRN,export,TOTAL,2024,1,,,S,,,\nKAZ,IRN,export,TOTAL,2025,-3,,,S,,,\n"
        )
        let result = try cli.run("import", "--skip-invalid", file)
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 rows read, 1 stored, 0 skipped, 1 rejected"))
        #expect(result.stdout.contains("rejected rows and their reasons: f.csv.rejected.csv"))
        #expect(FileManager.default.fileExists(atPath: cli.directory.path("f.csv.rejected.csv")))
    }

    @Test("trade series writes JSON, CSV and Markdown; the database comes from $CARAVAN_DB")
    func series() throws {
        _ = try cli.run("demo")
        let json = try cli.run("trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--format", "json")
        #expect(json.status == 0 && json.stdout.contains("\"series\" : ["))
        let csv = try cli.run("trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--format", "csv")
        #expect(csv.stdout.hasPrefix("period,value_usd,change_pct,quantity_t,note,sources\n2004,700000000,"))
        let markdown = try cli.run("trade", "compare", "--reporter", "IRN", "--partner", "KAZ", "--period", "2024", "--format", "md")
        #expect(markdown.stdout.hasPrefix("| role | period |"))
        let unknown = try cli.run("trade", "series", "--reporter", "XYZ", "--partner", "KAZ")
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown country 'XYZ'"))
    }
}

@Suite("The products and tariffs commands")
struct ProductsCLITests {
    let cli = CLI()
    static let baci = "t,i,j,k,v,q\n2023,364,398,100111,1000.000,400.000\n2024,364,398,100111,1500.000,600.000\n2024,364,398,851713,2800.000,1.500\n"
    static let schedule = """
        reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url
        KAZ,IRN,10,5,0,2025-05-15,EAEU Council decision,https://example.org/eaeu
        KAZ,IRN,85,10,10,2025-05-15,EAEU Council decision,https://example.org/eaeu

        """

    @Test("trade products breaks the pair's trade down by heading, with change and concentration; tariffs coverage gives both shares")
    func productsAndCoverage() throws {
        let imported = try cli.run("import", cli.directory.write("BACI_sample.csv", Self.baci), cli.directory.write("schedule.csv", Self.schedule))
        #expect(imported.status == 0, "\(imported.stderr)")
        let products = try cli.run(
            "trade", "products", "--reporter", "IRN", "--partner", "KAZ", "--flow", "export", "--period", "2024", "--level", "4")
        #expect(products.status == 0, "\(products.stderr)")
        #expect(products.stdout.contains("IRN–KAZ export, 2024, by HS 4: 4,300,000 USD, 1,000,000 USD in 2023."))
        #expect(products.stdout.contains("1001  Wheat and meslin") && products.stdout.contains("+50.0%"))
        let json = try cli.run("tariffs", "coverage", "--reporter", "KAZ", "--partner", "IRN", "--period", "2024", "--format", "json")
        let coverage = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let trade = coverage?["trade"] as? [String: Any]
        #expect(trade?["liberalized_usd"] as? Double == 1_500_000 && trade?["total_usd"] as? Double == 4_300_000, "\(json.stdout)")
        let series = try cli.run(
            "trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--flow", "export", "--commodity", "AGRI", "--format", "csv")
        #expect(series.stdout.contains("2023,1000000,") && series.stdout.contains("2024,1500000,50.0,"), "\(series.stdout)")
    }

    @Test("a bad schedule exits 1 naming file, line and field; no schedule says what is missing")
    func refused() throws {
        let file = cli.directory.write("bad.csv", Self.schedule + "KAZ,IRN,1001,1200,0,2025-05-15,S,\n")
        let result = try cli.run("import", file)
        #expect(result.status == 1 && result.stderr.contains("\(file):4: mfn_rate_pct: '1200'"), "\(result.stderr)")
        let coverage = try cli.run("tariffs", "coverage", "--reporter", "TKM", "--partner", "IRN")
        #expect(coverage.status != 0 && coverage.stderr.contains("no tariff schedule of TKM for IRN is stored"))
    }

    @Test("with no schedule stored, the EAEU–Iran agreements' published coverage answers, quoted and not computed, disagreeing figures all kept")
    func publishedCoverage() throws {
        #expect(try cli.run("demo").status == 0)
        let coverage = try cli.run("tariffs", "coverage", "--reporter", "KAZ", "--partner", "IRN")
        #expect(coverage.status == 0, "\(coverage.stderr)")
        #expect(coverage.stdout.contains("No tariff schedule of KAZ for IRN is stored, so no share is computed here"))
        #expect(coverage.stdout.contains("caravan import schedule.csv"))
        let rows = coverage.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains { $0.hasPrefix("EAEU–IRN 2019-10..2025-05 502 goods (EAEU concessions, interim agreement)") })
        #expect(rows.contains { $0.hasPrefix("EAEU–IRN 2025-05.. 87% percent of goods traded with zero tariff") })
        #expect(rows.contains { $0.hasPrefix("IRN–EAEU 2019-10.. 7 percentage points cut in Iran's average import duty, industrial goods") })
        // Kazakhstan's own 2018 share of exports in lines with cut duties is a share of one economy's trade, not the agreement's coverage.
        #expect(!coverage.stdout.contains("KAZ–IRN"))
        let json = try JSONSerialization.jsonObject(
            with: Data(try cli.run("tariffs", "coverage", "--reporter", "IRN", "--partner", "KAZ", "--format", "json").stdout.utf8))
        #expect(((json as? [String: Any])?["figures"] as? [[String: Any]])?.count == 20)
    }
}

@Suite("The corridor commands")
struct CorridorCLITests {
    let cli = CLI()

    @Test("route prints the routes and the best one's time–cost–distance steps; JSON has the documented shape")
    func route() throws {
        _ = try cli.run("demo")
        let table = try cli.run("route", "--from", "Astana", "--to", "bandar_abbas", "--alternatives", "1")
        #expect(table.status == 0 && table.stdout.contains("Route 1 step by step") && table.stdout.contains("dwell     inche_burun"))
        let json = try cli.run("route", "--from", "astana", "--to", "bandar_abbas", "--by", "cost", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let first = try #require((object?["routes"] as? [[String: Any]])?.first)
        #expect(Set(first.keys).isSuperset(of: ["nodes", "links", "hours", "usd_per_t", "km", "legs"]))
    }

    @Test("no route: exit code 3 and the constraint that cut it off")
    func noRoute() throws {
        _ = try cli.run("demo")
        let result = try cli.run("route", "--from", "astana", "--to", "bandar_abbas", "--avoid-country", "TKM", "--avoid-mode", "sea")
        #expect(result.status == 3)
        #expect(result.stderr.contains("without --avoid-country TKM, or without --avoid-mode sea a route exists"))
    }

    @Test("capacity names the bottleneck; corridor flows sets flows against capacity")
    func capacity() throws {
        _ = try cli.run("demo")
        let capacity = try cli.run("capacity", "--from", "uzen", "--to", "gorgan", "--avoid-mode", "sea")
        #expect(capacity.stdout.hasPrefix("uzen → gorgan: at most 10.00 Mt a year; bottleneck: uzen-bolashak"))
        let flows = try cli.run("corridor", "flows", "--format", "csv")
        #expect(flows.stdout.contains("kti,corridor,2024,1600000,both,10.0,16.0"))
    }
}

@Suite("The scorecard and the report")
struct ScorecardCLITests {
    let cli = CLI()

    @Test("the demo prints the scorecard: $528M in 2022 from Kazakh sources, the article's own $340M for 2024 beside it, 1.6 Mt far from 15 Mt")
    func demoScorecard() throws {
        let demo = try cli.run("demo")
        #expect(demo.status == 0)
        #expect(
            demo.stdout.contains("The report, with its charts and every source: \(cli.directory.url.standardizedFileURL.path)/caravan-report.html"))
        let json = try cli.run("scorecard", "--format", "json")
        let card = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let tests = try #require(card["tests"] as? [String: [String: Any]])
        let trade = try #require(tests["trade"])
        // The headline is the latest year others than the article give; the article's own figure stands beside it, as its own.
        #expect((trade["latest"] as? [String: Any])?["value"] as? Double == 528_000_000)
        #expect((trade["latest"] as? [String: Any])?["own"] as? Bool == false)
        #expect((trade["latest_own"] as? [String: Any])?["value"] as? Double == 340_000_000)
        #expect((trade["latest_own"] as? [String: Any])?["own"] as? Bool == true)
        #expect(trade["assessed"] as? [String] == ["Tehran Times"])
        let level = try #require((trade["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "level-400m" })
        #expect(level["status"] as? String == "off_track" && level["assumed"] as? Bool == true)
        #expect(level["own_years"] as? [Int] == [2024, 2025])
        #expect((level["reason"] as? String)?.hasSuffix("(on Tehran Times's own figures for 2024, 2025: no other source gives them)") == true)
        let corridor = try #require(tests["corridor"])
        let freight = try #require((corridor["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "freight-15mt" })
        #expect((freight["latest"] as? [String: Any])?["value"] as? Double == 1_600_000)
        #expect(freight["status"] as? String == "off_track" && (freight["capacity"] as? [String: Any])?["max_mt"] as? Double == 10)
        #expect(
            Set((card["claims"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String } ?? []) == [
                "consistent", "inconsistent", "unverifiable",
            ])
        #expect(card["as_of"] is String && card["partnership"] is [String: Any])
    }

    @Test("the parts list on their own: targets, claims, projects, agreements")
    func parts() throws {
        _ = try cli.run("demo")
        #expect(try cli.run("targets").stdout.contains("freight-15mt"))
        #expect(try cli.run("claims", "--format", "md").stdout.contains("| a12 | unverifiable |"))
        #expect(try cli.run("projects").stdout.contains("aktau-kuryk-expansion"))
        #expect(try cli.run("agreements").stdout.contains("eaeu-iran-fta"))
        let capacity = try cli.run("capacity", "--from", "astana", "--to", "bandar_abbas", "--year", "2028")
        #expect(capacity.stdout.contains("29.70 Mt a year") && capacity.stdout.contains("with aktau-kuryk-expansion"))
    }

    @Test("the report opens in a real headless browser with its charts", .enabled(if: Browser.available))
    func report() throws {
        _ = try cli.run("demo")
        let out = cli.directory.path("report.html")
        #expect(try cli.run("report", "--out", out).status == 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
        let url = URL(fileURLWithPath: out)
        let dom = try Browser.dom(of: url)
        for id in ["trade-chart", "corridor-chart", "funding-chart", "claims", "projects", "trade-series"] {
            #expect(dom.contains("id=\"\(id)\""), "\(id) is missing from the page")
        }
        #expect(dom.contains("<polyline") && dom.contains("<circle") && dom.contains("<rect"))
        let shot = try Browser.screenshot(of: url, name: "report.png")
        #expect(((try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0) > 10_000)
    }

    @Test("report --lang writes the report in Persian or Russian; another language is refused, naming the option")
    func reportLanguages() throws {
        _ = try cli.run("demo")
        let persian = cli.directory.path("report-fa.html")
        #expect(try cli.run("report", "--lang", "fa", "--out", persian).status == 0)
        let html = try String(contentsOfFile: persian, encoding: .utf8)
        #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">") && html.contains("خارج از مسیر") && html.contains("۳۴۰ میلیون دلار"))
        let russian = cli.directory.path("report-ru.html")
        #expect(try cli.run("report", "--lang", "ru", "--out", russian).status == 0)
        #expect(try String(contentsOfFile: russian, encoding: .utf8).contains("340 млн $"))
        let unknown = try cli.run("report", "--lang", "de", "--out", cli.directory.path("report-de.html"))
        #expect(unknown.status != 0 && unknown.stderr.contains("--lang: 'de'; expected en, fa, ru"), "\(unknown.stderr)")
    }
}
