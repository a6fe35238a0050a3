import CaravanTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue 11's findings, each replayed through the command and against a live server, which must
/// still answer `/healthz` afterwards.
@Suite("Nothing accepted can crash a reader")
struct AcceptedInputTests {
    let cli = CLI()
    static let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"

    /// A demo store and a token, and the server on it.
    private func demoServer() throws -> (ServeProcess, String) {
        #expect(try cli.run("demo", "--db", "team.sqlite", "--report", cli.directory.path("demo.html")).status == 0)
        let token = try cli.run("token", "create", "--name", "tester", "--db", "team.sqlite").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (try ServeProcess(cli, ["--db", "team.sqlite"]), token)
    }

    private func stillServing(_ server: ServeProcess) async throws {
        let health = try await exchange(server.url("/healthz"))
        #expect(health.status == 200, "the server no longer answers /healthz")
        let (status, log) = server.stop()
        #expect(status == 0, "the server exited \(status): \(log.suffix(800))")
    }

    @Test("figures a hundred-quadrillion-fold apart are shown by every reader, in every format and page")
    func farApart() async throws {
        let figures = cli.directory.write(
            "far.csv",
            "\(Self.header)\nKAZ,UZB,export,TOTAL,2020,0.0000001,,,Far,,,\nKAZ,UZB,export,TOTAL,2021,2000000000,,,Far,,,\n"
                + "UZB,KAZ,import,TOTAL,2021,0.0000001,,,Far,,,\n")
        let (server, token) = try demoServer()
        let upload = try await exchange(
            server.url("/api/v1/imports?name=far.csv"), method: "POST", token: token, body: Data(contentsOf: URL(fileURLWithPath: figures)))
        #expect(upload.status == 201, "\(upload.text)")
        for format in ["table", "csv", "md", "json"] {
            let series = try cli.run(
                "trade", "series", "--reporter", "KAZ", "--partner", "UZB", "--flow", "export", "--format", format, "--db", "team.sqlite")
            #expect(series.status == 0 && series.stdout.contains("2021"), "\(format): \(series.stderr)")
            let compare = try cli.run(
                "trade", "compare", "--reporter", "KAZ", "--partner", "UZB", "--flow", "export", "--period", "2021", "--format", format, "--db",
                "team.sqlite")
            #expect(compare.status == 0, "\(format): \(compare.stderr)")
            let gap = try cli.run(
                "trade", "gap", "--a", "KAZ", "--b", "UZB", "--flow", "export", "--period", "2021", "--format", format, "--db", "team.sqlite")
            #expect(gap.status == 0 && gap.stdout.contains("2021"), "\(format): \(gap.stderr)")
        }
        for path in [
            "/api/v1/trade/gap?a=KAZ&b=UZB&flow=export&period=2021",
            "/trade?reporter=KAZ&partner=UZB&flow=export", "/trade?reporter=KAZ&partner=UZB&flow=export&lang=fa",
            "/trade?reporter=KAZ&partner=UZB&flow=export&lang=ru", "/api/v1/trade/series?reporter=KAZ&partner=UZB&flow=export",
            "/trade.csv?reporter=KAZ&partner=UZB&flow=export",
        ] {
            let answer = try await exchange(server.url(path))
            #expect(answer.status == 200, "\(path): \(answer.status) \(answer.text.prefix(200))")
        }
        try await stillServing(server)
    }

    @Test("a value past ten trillion dollars is refused with its line and field; the largest accepted reads everywhere")
    func largest() async throws {
        let huge = cli.directory.write(
            "huge.csv", "\(Self.header)\nIRN,KAZ,turnover,TOTAL,2021,1,,,Edge,,,\nIRN,KAZ,turnover,TOTAL,2022,1e20,,,Edge,,,\n")
        let refused = try cli.run("import", huge, "--db", "edge.sqlite")
        #expect(refused.status == 1 && refused.stderr.contains("huge.csv:3: value_usd: must be at most 10,000,000,000,000 USD, not 1.00e+20"))
        let edge = cli.directory.write(
            "edge.csv", "\(Self.header)\nIRN,KAZ,turnover,TOTAL,2021,1,,,Edge,,,\nIRN,KAZ,turnover,TOTAL,2022,1e13,,,Edge,,,\n")
        let (server, _) = try demoServer()
        #expect(try cli.run("import", edge, "--db", "team.sqlite").status == 0)
        for command in [
            ["scorecard"], ["claims"], ["targets"], ["trade", "compare", "--reporter", "IRN", "--partner", "KAZ", "--period", "2022"],
            ["trade", "gap", "--a", "KAZ", "--b", "IRN", "--period", "2022"],
        ] {
            for format in ["table", "csv", "md", "json"] {
                let result = try cli.run(command + ["--format", format, "--db", "team.sqlite"])
                #expect(result.status == 0, "\(command.joined(separator: " ")) \(format): \(result.stderr.prefix(300))")
            }
        }
        for language in ["en", "fa", "ru"] {
            #expect(
                try cli.run("report", "--lang", language, "--out", cli.directory.path("edge-\(language).html"), "--db", "team.sqlite").status == 0)
        }
        for path in [
            "/", "/trade", "/claims", "/?lang=fa", "/trade?lang=fa", "/claims?lang=ru", "/trade?lang=ru", "/api/v1/scorecard",
            "/api/v1/trade/compare?reporter=IRN&partner=KAZ&period=2022",
            "/api/v1/trade/gap?a=KAZ&b=IRN&period=2022", "/partnerships",
        ] {
            #expect(try await exchange(server.url(path)).status == 200, "\(path)")
        }
        try await stillServing(server)
    }

    @Test("a link of 1e308 km is refused; a network at the edge of every range routes and renders")
    func longLinks() async throws {
        let absurd = cli.directory.write(
            "absurd.json",
            #"{"name":"x","nodes":[{"id":"a"},{"id":"b"}],"links":[{"id":"l","from":"a","to":"b","mode":"rail","length_km":1e308,"speed_kmh":50}]}"#)
        let refused = try cli.run("import", absurd, "--db", "edge.sqlite")
        #expect(refused.status == 1 && refused.stderr.contains("$.links[0].length_km: must be at most 40,000 km, not 1.00e+308"))
        let edge = cli.directory.write(
            "edge.json",
            #"{"name":"edge","nodes":[{"id":"a","lat":-90,"lon":-180},{"id":"b","dwell_hours":10000},{"id":"c","lat":90,"lon":180}],"links":[{"id":"ab","from":"a","to":"b","mode":"rail","length_km":40000,"hours":10000,"usd_per_t":100000,"capacity_mt":10000},{"id":"bc","from":"b","to":"c","mode":"sea","length_km":40000,"speed_kmh":4,"capacity_mt":0.000001}]}"#
        )
        let (server, token) = try demoServer()
        let upload = try await exchange(
            server.url("/api/v1/imports?name=edge.json"), method: "POST", token: token, body: Data(contentsOf: URL(fileURLWithPath: edge)))
        #expect(upload.status == 201, "\(upload.text)")
        for format in ["table", "json"] {
            let route = try cli.run("route", "--from", "a", "--to", "c", "--format", format, "--db", "team.sqlite")
            #expect(route.status == 0 && route.stdout.contains("30"), "\(route.stderr)")
            let capacity = try cli.run("capacity", "--from", "a", "--to", "c", "--format", format, "--db", "team.sqlite")
            #expect(capacity.status == 0, "\(capacity.stderr)")
        }
        for path in [
            "/corridor?from=a&to=c", "/corridor?from=a&to=c&lang=fa", "/corridor?lang=ru", "/api/v1/route?from=a&to=c",
            "/api/v1/capacity?from=a&to=c", "/", "/api/v1/scorecard",
        ] {
            let answer = try await exchange(server.url(path))
            #expect(answer.status == 200, "\(path): \(answer.status) \(answer.text.prefix(300))")
        }
        try await stillServing(server)
    }

    @Test("a document nested 75,000 levels deep is refused with a reason, by the command and the server")
    func deep() async throws {
        let depth = 75_000
        let text =
            #"{"name":"x","nodes":[{"id":"a"},{"id":"b"}],"links":[{"id":"l","from":"a","to":"b","mode":"rail","hours":1}],"junk":"#
            + String(repeating: #"{"k":"#, count: depth) + "1" + String(repeating: "}", count: depth) + "}"
        let deep = cli.directory.write("deep.json", text)
        let refused = try cli.run("import", deep, "--db", "edge.sqlite")
        #expect(refused.status == 1 && refused.stderr.contains("deep.json: $.junk (line 1): nested deeper than 64 levels"))
        let bomb = cli.directory.write("bomb.yaml", Self.aliasBomb)
        let expanded = try cli.run("import", bomb, "--db", "edge.sqlite")
        #expect(expanded.status == 1 && expanded.stderr.contains("once aliases are expanded"), "\(expanded.stderr)")
        let (server, token) = try demoServer()
        let upload = try await exchange(server.url("/api/v1/imports?name=deep.json"), method: "POST", token: token, body: Data(text.utf8))
        #expect(upload.status == 422 && upload.text.contains("nested deeper than 64 levels"))
        let dossier = try await exchange(server.url("/api/v1/dossiers/bomb"), method: "PUT", token: token, body: Data(Self.aliasBomb.utf8))
        #expect(dossier.status == 422 && dossier.text.contains("aliases"), "\(dossier.text.prefix(300))")
        #expect(try await exchange(server.url("/api/v1/scorecard")).text.count < 1 << 20)
        try await stillServing(server)
    }

    /// 2,000 references to one large anchor: a small file that would expand past 180 MB.
    static let aliasBomb: String = {
        let item = "\"" + String(repeating: "x", count: 90) + "\""
        var lines = ["partnership:", "  id: bomb", "  title: Bomb", "  economies: [IRN, KAZ]", "sources:", "  - {id: s1, title: T}"]
        lines.append("anchor: &a [" + Array(repeating: item, count: 1_000).joined(separator: ",") + "]")
        lines.append("copies:")
        lines += Array(repeating: "  - *a", count: 2_000)
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("another network over the demo keeps every answer, naming what the dossier misses; the first imported again is current again")
    func supersedingNetwork() async throws {
        let other = #"{"name":"other","nodes":[{"id":"p"},{"id":"q"}],"links":[{"id":"pq","from":"p","to":"q","mode":"road","hours":5}]}"#
        let (server, token) = try demoServer()
        let replaced = try await exchange(server.url("/api/v1/imports?name=other.json"), method: "POST", token: token, body: Data(other.utf8))
        #expect(replaced.status == 201 && replaced.text.contains("names elements this network lacks"), "\(replaced.text.prefix(400))")
        for path in ["/", "/trade", "/projects", "/claims", "/corridor"] {
            #expect(try await exchange(server.url(path)).status == 200, "\(path)")
        }
        let scorecard = try await exchange(server.url("/api/v1/scorecard"))
        #expect(scorecard.status == 200 && scorecard.text.contains("\"element\" : \"kti\""))
        let printed = try cli.run("scorecard", "--db", "team.sqlite")
        #expect(printed.status == 0 && printed.stdout.contains("The stored network lacks elements the dossier names: 'kti'"))
        let bundled = try Data(contentsOf: URL(fileURLWithPath: CLI.repository.appendingPathComponent("Data/networks/instc-east.json").path))
        let restored = try await exchange(server.url("/api/v1/imports?name=instc-east.json"), method: "POST", token: token, body: bundled)
        #expect(restored.status == 201 && restored.text.contains("\"status\" : \"restored\""), "\(restored.text.prefix(400))")
        let after = try await exchange(server.url("/api/v1/scorecard"))
        #expect(after.text.contains("\"missing_elements\" : [\n\n  ]") || after.text.contains("\"missing_elements\" : []"))
        try await stillServing(server)
    }

    @Test("two importers on one SQLite file both finish, nothing lost")
    func twoImporters() async throws {
        let rows = (0..<60_000).map { "KAZ,IRN,export,\(100_000 + $0 % 900_000),\(1990 + $0 / 6_000),\($0 + 1),,,Bulk,,," }
        let first = cli.directory.write("first.csv", ([Self.header] + rows).joined(separator: "\n"))
        let second = cli.directory.write(
            "second.csv", ([Self.header] + rows.map { $0.replacingOccurrences(of: "Bulk", with: "Other") }).joined(separator: "\n"))
        let cli = self.cli
        async let a = Command.detached { try cli.run("import", first, "--db", "shared.sqlite") }
        async let b = Command.detached { try cli.run("import", second, "--db", "shared.sqlite") }
        let (resultA, resultB) = try await (a, b)
        #expect(resultA.status == 0 && resultB.status == 0, "\(resultA.stderr) \(resultB.stderr)")
        let imports = try cli.run("imports", "--format", "json", "--db", "shared.sqlite").stdout
        #expect(imports.contains("first.csv") && imports.contains("second.csv"))
        #expect(imports.components(separatedBy: "\"observations\" : 60000").count == 3, "\(imports)")
    }

    @Test("a writer holding the database: an upload gets 503 with Retry-After, an import waits its turn")
    func heldDatabase() async throws {
        let (server, token) = try demoServer()
        let holder = try Command.start(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(60)",
                cli.directory.path("team.sqlite"),
            ],
            directory: cli.directory.url)
        try holder.waitForLine("held")
        let body = Data("\(Self.header)\nKAZ,IRN,export,TOTAL,2016,7,,,Held,,,\n".utf8)
        let upload = try await exchange(server.url("/api/v1/imports?name=held.csv"), method: "POST", token: token, body: body)
        #expect(upload.status == 503 && upload.headers["Retry-After"] != nil && upload.text.contains("store_busy"), "\(upload.status) \(upload.text)")
        // An import started while the database is held waits, and finishes once it is let go.
        let file = cli.directory.write("waited.csv", "\(Self.header)\nKAZ,IRN,export,TOTAL,2017,8,,,Held,,,\n")
        let cli = self.cli
        async let waited = Command.detached { try cli.run("import", file, "--db", "team.sqlite") }
        try await Task.sleep(for: .seconds(2))
        holder.stop()
        let result = try await waited
        #expect(result.status == 0 && result.stdout.contains("1 stored"), "\(result.stderr)")
        let again = try await exchange(server.url("/api/v1/imports?name=held.csv"), method: "POST", token: token, body: body)
        #expect(again.status == 201, "\(again.text)")
        try await stillServing(server)
    }

    @Test("an empty --db is refused rather than storing into a database that vanishes")
    func emptyPath() throws {
        let file = cli.directory.write("f.csv", "\(Self.header)\nKAZ,IRN,export,TOTAL,2016,7,,,S,,,\n")
        let refused = try cli.run("import", "--db", "", file)
        #expect(refused.status == 64 && refused.stderr.contains("--db is empty"))
    }

    @Test("smaller refusals: one place as both ends, hexadecimal, a repeated economy, a deadline out of range, years out of range, repeated keys")
    func smaller() throws {
        #expect(try cli.run("demo", "--db", "team.sqlite", "--report", cli.directory.path("demo.html")).status == 0)
        let same = try cli.run("capacity", "--from", "astana", "--to", "astana", "--db", "team.sqlite")
        #expect(same.status == 1 && same.stderr.contains("'astana' is both ends"))
        let hex = cli.directory.write("hex.csv", "\(Self.header)\nKAZ,IRN,export,TOTAL,2016,0x10,,,S,,,\n")
        #expect(try cli.run("import", hex, "--db", "team.sqlite").stderr.contains("hex.csv:2: value_usd: not a number"))
        let year = cli.directory.write("year.csv", "\(Self.header)\nKAZ,IRN,export,TOTAL,0000,1,,,S,,,\n")
        #expect(try cli.run("import", year, "--db", "team.sqlite").stderr.contains("periods run from 1800 to 2299"))
        #expect(try cli.run("calendar", "SH9999").stderr.contains("periods run from SH1179 to SH1677"))
        let dossier = try String(contentsOf: CLI.repository.appendingPathComponent("Data/dossiers/iran-kazakhstan.yaml"), encoding: .utf8)
        let twice = cli.directory.write("twice.yaml", dossier.replacingOccurrences(of: "economies: [IRN, KAZ]", with: "economies: [IRN, IRN]"))
        #expect(try cli.run("import", twice, "--db", "team.sqlite").stderr.contains("names 'IRN' twice"))
        let early = cli.directory.write("early.yaml", dossier.replacingOccurrences(of: "deadline: 2027", with: "deadline: -2027"))
        #expect(try cli.run("import", early, "--db", "team.sqlite").stderr.contains("is not a whole number"))
        let keys = cli.directory.write("keys.json", #"{"name":"x","nodes":[{"id":"a","id":"b"}],"links":[]}"#)
        #expect(try cli.run("import", keys, "--db", "team.sqlite").stderr.contains("the key 'id' appears twice in one object"))
        let long = cli.directory.write("long.csv", "\(Self.header)\nKAZ,IRN,export,TOTAL,2016,\(String(repeating: "9", count: 200_000)),,,S,,,\n")
        let message = try cli.run("import", long, "--db", "team.sqlite").stderr
        #expect(message.count < 2_000 && message.contains("long.csv:2: value_usd:"))
        #expect(try cli.run("trade", "series", "--help").stdout.contains("docs/ledger.md"))
    }

    @Test("a request with 100 KB of headers gets 431 and a JSON body; a form upload gets 415; the server stays up")
    func hostileRequests() async throws {
        let (server, token) = try demoServer()
        let big = try await exchange(server.url("/healthz"), headers: ["X-Big": String(repeating: "a", count: 100_000)])
        #expect(big.status == 431 && big.text.contains("headers_too_large"))
        let form = try await exchange(
            server.url("/api/v1/imports?name=f.csv"), method: "POST", token: token, headers: ["Content-Type": "multipart/form-data; boundary=x"],
            body: Data("--x\r\n\r\n--x--".utf8))
        #expect(form.status == 415 && form.text.contains("curl --data-binary"))
        try await stillServing(server)
    }
}

/// An HTTP exchange over loopback, with headers both ways.
func exchange(
    _ url: URL, method: String = "GET", token: String? = nil, headers: [String: String] = [:], body: Data? = nil
) async throws -> (status: Int, headers: [String: String], text: String) {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = body
    request.timeoutInterval = 120
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as? HTTPURLResponse
    let fields = (http?.allHeaderFields ?? [:]).reduce(into: [String: String]()) { $0["\($1.key)"] = "\($1.value)" }
    return (http?.statusCode ?? 0, fields, String(decoding: data, as: UTF8.self))
}

@Suite("A database that goes away under a running server")
struct OutageTests {
    let cli = CLI()

    @Test(
        "PostgreSQL stopped: every request gets 503 with Retry-After, waiting one connect timeout at most; started again: answers again",
        .enabled(if: PostgresCluster.binaries != nil || Tools.required, "PostgreSQL is not installed; scripts/test installs it"))
    func outage() async throws {
        let cluster = try PostgresCluster()
        // A connect timeout long enough that one wait and a loaded machine's work stay well apart from two waits.
        let url = cluster.url(connectTimeout: 8)
        #expect(try cli.run("migrate", "--postgres", url).status == 0)
        #expect(try cli.run("demo", "--postgres", url, "--report", cli.directory.path("demo.html")).status == 0)
        let server = try ServeProcess(cli, ["--postgres", url])
        #expect(try await exchange(server.url("/api/v1/scorecard")).status == 200)
        try cluster.stop()
        for path in ["/healthz", "/api/v1/scorecard", "/api/v1/trade/series?reporter=IRN&partner=KAZ", "/", "/api/v1/imports"] {
            let start = ContinuousClock.now
            let answer = try await exchange(server.url(path))
            let took = start.duration(to: .now)
            #expect(answer.status == 503 && answer.headers["Retry-After"] != nil, "\(path): \(answer.status) \(answer.text.prefix(200))")
            // One wait of 8 s and the work around it (4.1 s of it seen on a loaded CI machine); a wait per store call would pass 16 s.
            #expect(took < .seconds(14), "\(path) took \(took)")
        }
        let offline = try cli.run("trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--postgres", url)
        #expect(offline.status == 1 && offline.stderr.contains("cannot connect") && !offline.stderr.contains("PSQLError"), "\(offline.stderr)")
        try cluster.start()
        var healthy = false
        for _ in 0..<60 where !healthy {
            healthy = try await exchange(server.url("/healthz")).status == 200
            if !healthy { try await Task.sleep(for: .milliseconds(500)) }
        }
        #expect(healthy, "the server did not recover within 30 s of PostgreSQL's return")
        #expect(try await exchange(server.url("/api/v1/scorecard")).status == 200)
        let (status, log) = server.stop()
        #expect(status == 0, "\(log.suffix(500))")
    }
}

/// Every request rule through the three entry points: the command, the API and a dashboard page
/// refuse the same request with the same reason, each naming the parameter its own way.
@Suite("One parser for every entry point")
struct EntryPointTests {
    let cli = CLI()

    static let cases: [(command: [String], api: String, page: String, reason: String)] = [
        (
            ["trade", "series", "--reporter", "IR", "--partner", "KAZ"], "/api/v1/trade/series?reporter=IR&partner=KAZ",
            "/trade?reporter=IR&partner=KAZ",
            "unknown country 'IR'; expected an ISO 3166 alpha-3 code such as KAZ; did you mean"
        ),
        (
            ["trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--commodity", "NONOLI"],
            "/api/v1/trade/series?reporter=IRN&partner=KAZ&commodity=NONOLI", "/trade?reporter=IRN&partner=KAZ&commodity=NONOLI",
            "no product group is named 'NONOLI'"
        ),
        (
            ["trade", "compare", "--reporter", "IRN", "--partner", "KAZ", "--period", "2025-13"],
            "/api/v1/trade/compare?reporter=IRN&partner=KAZ&period=2025-13", "", "2025-13: there is no month 13; months run from 01 to 12"
        ),
        (
            ["trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--by", "decade"], "/api/v1/trade/series?reporter=IRN&partner=KAZ&by=decade",
            "/trade?reporter=IRN&partner=KAZ&by=decade", "'decade'; expected year, quarter, month, sh-year"
        ),
        (
            ["trade", "compare", "--reporter", "IRN", "--partner", "KAZ", "--period", "1404"],
            "/api/v1/trade/compare?reporter=IRN&partner=KAZ&period=1404", "", "did you mean SH1404?"
        ),
        (
            ["route", "--from", "astana", "--to", "bandar_abbas", "--avoid-country", "IR"],
            "/api/v1/route?from=astana&to=bandar_abbas&avoid-country=IR", "/corridor?from=astana&to=bandar_abbas&avoid-country=IR",
            "unknown country 'IR'; expected an ISO 3166 alpha-3 code; did you mean 'IRN'?"
        ),
        (
            ["route", "--from", "astana", "--to", "bandar_abbas", "--avoid-country", "ARM"],
            "/api/v1/route?from=astana&to=bandar_abbas&avoid-country=ARM", "/corridor?from=astana&to=bandar_abbas&avoid-country=ARM",
            "the network has no place in ARM"
        ),
        (
            ["capacity", "--from", "astana", "--to", "bandar_abbas", "--avoid-node", "astna"],
            "/api/v1/capacity?from=astana&to=bandar_abbas&avoid-node=astna", "", "the network has no node 'astna'; did you mean 'astana'?"
        ),
    ]

    @Test("the same refusal, for the same reason, from the command, the API and the page")
    func sameRefusal() async throws {
        #expect(try cli.run("demo", "--db", "team.sqlite", "--report", cli.directory.path("demo.html")).status == 0)
        let server = try ServeProcess(cli, ["--db", "team.sqlite"])
        for (command, api, page, reason) in Self.cases {
            let printed = try cli.run(command + ["--db", "team.sqlite"])
            #expect(printed.status == 64 && printed.stderr.contains(reason), "\(command.joined(separator: " ")): \(printed.stderr)")
            let answered = try await exchange(server.url(api))
            #expect(answered.status == 400 && answered.text.contains(reason), "\(api): \(answered.text)")
            guard !page.isEmpty else { continue }
            let shown = try await exchange(server.url(page))
            #expect(shown.status == 400 && shown.text.contains(HTMLText.escaped(reason)), "\(page): \(shown.status) \(shown.text.suffix(400))")
        }
        #expect(try await exchange(server.url("/healthz")).status == 200)
        _ = server.stop()
    }
}

/// Text as the dashboard writes it into a page.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
