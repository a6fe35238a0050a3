import CaravanTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `caravan serve` running as its own process, as a team would run it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let errors = Pipe()

    init(_ cli: CLI, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = cli.directory.url
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first line says where it listens: "… on http://127.0.0.1:PORT/ …".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw TestSetupError("caravan serve did not start: \(text) \(String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))")
        }
        self.port = port
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// Stops the server with SIGTERM and returns its exit status and what it logged.
    func stop() -> (status: Int32, log: String) {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// An HTTP exchange over loopback.
func fetch(_ url: URL, method: String = "GET", token: String? = nil, body: Data? = nil) async throws -> (status: Int, text: String) {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = body
    request.timeoutInterval = 120
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

@Suite("caravan serve, token and migrate", .serialized)
struct ServeCLITests {
    let cli = CLI()

    @Test("the server answers with exactly the JSON the commands print")
    func sameAnswers() async throws {
        #expect(try cli.run("demo", "--db", "team.sqlite").status == 0)
        let server = try ServeProcess(cli, ["--db", "team.sqlite"])
        let pairs: [([String], String)] = [
            (["scorecard", "--as-of", "2026-06-01"], "/api/v1/scorecard?as-of=2026-06-01"),
            (
                ["trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--by", "sh-year"],
                "/api/v1/trade/series?reporter=IRN&partner=KAZ&by=sh-year"
            ),
            (
                ["route", "--from", "Astana", "--to", "bandar_abbas", "--alternatives", "2"],
                "/api/v1/route?from=Astana&to=bandar_abbas&alternatives=2"
            ),
            (["capacity", "--from", "astana", "--to", "bandar_abbas", "--year", "2030"], "/api/v1/capacity?from=astana&to=bandar_abbas&year=2030"),
            (["claims", "--as-of", "2026-06-01"], "/api/v1/claims?as-of=2026-06-01"),
        ]
        for (command, path) in pairs {
            let printed = try cli.run(command + ["--format", "json", "--db", "team.sqlite"])
            let served = try await fetch(server.url(path))
            #expect(printed.status == 0 && served.status == 200, "\(command.joined(separator: " ")): \(printed.stderr)")
            #expect(served.text == printed.stdout, "\(path) differs from caravan \(command.joined(separator: " "))")
        }
        let (status, log) = server.stop()
        #expect(status == 0 && log.contains("path=/api/v1/scorecard") && log.contains("status=200"))
    }

    @Test("SIGTERM lets an import in flight finish and be stored whole, then the server exits cleanly")
    func gracefulShutdown() async throws {
        #expect(try cli.run("demo", "--db", "team.sqlite").status == 0)
        let secret = try cli.run("token", "create", "--name", "loader", "--db", "team.sqlite").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var rows = ["reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"]
        // Small enough to finish within the 8 s a request has after SIGTERM on a machine running the whole suite.
        for year in 1990..<2010 {
            for code in 0..<1_500 { rows.append("KAZ,IRN,export,\(100_000 + code),\(year),\(code + 1),,,Bulk test,,2020-01-01,") }
        }
        let body = Data(rows.joined(separator: "\n").utf8)
        let server = try ServeProcess(cli, ["--db", "team.sqlite"])
        async let answer = fetch(server.url("/api/v1/imports?name=bulk.csv"), method: "POST", token: secret, body: body)
        try await Task.sleep(for: .milliseconds(400))
        let stop = Task.detached { server.stop() }
        let (status, text) = try await answer
        let (exit, log) = await stop.value
        #expect(status == 201 && text.contains("\"rows_stored\" : 30000"), "\(status) \(text.prefix(300))")
        #expect(exit == 0, "\(log.suffix(500))")
        let imports = try cli.run("imports", "--format", "json", "--db", "team.sqlite").stdout
        #expect(imports.contains("bulk.csv") && imports.contains("\"observations\" : 30000"))
    }

    @Test("token create prints the secret once; list never shows it; revoke works once")
    func tokens() throws {
        let created = try cli.run("token", "create", "--name", "newsroom")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(created.status == 0 && secret.hasPrefix("cvn_") && secret.count == 68 && created.stderr.contains("only this once"))
        let list = try cli.run("token", "list", "--format", "json")
        #expect(list.status == 0 && list.stdout.contains("\"name\" : \"newsroom\"") && !list.stdout.contains(secret))
        #expect(!list.stdout.contains("sha256"))
        #expect(try cli.run("token", "create", "--name", "newsroom").stderr.contains("already active"))
        #expect(try cli.run("token", "create", "--name", "no spaces please").status != 0)
        #expect(try cli.run("token", "revoke", "newsroom").stdout.contains("revoked"))
        let again = try cli.run("token", "revoke", "newsroom")
        #expect(again.status != 0 && again.stderr.contains("no active token is named 'newsroom'"))
        #expect(try cli.run("token", "list").stdout.contains("revoked"))
    }

    @Test("migrate creates a SQLite schema once and says so; a second run finds it up to date")
    func migrateSQLite() throws {
        let first = try cli.run("migrate", "--db", "fresh.sqlite")
        #expect(first.status == 0 && first.stdout.contains("applied v1-ledger, v2-corridor, v3-documents, v4-access-tokens, v5-tariffs"))
        #expect(try cli.run("migrate", "--db", "fresh.sqlite").stdout.contains("up to date"))
        #expect(try cli.run("migrate", "--db", "a.sqlite", "--postgres", "postgres://x").stderr.contains("not both"))
    }

    @Test(
        "on PostgreSQL: refused until migrated, then the demo and the server work on it",
        .enabled(if: StoreBackend.postgresURL != nil, Comment(rawValue: StoreBackend.postgresSkipped)))
    func postgres() async throws {
        let url = try cli.directory.postgresSchema()
        let early = try cli.run("imports", "--postgres", url)
        #expect(early.status != 0 && early.stderr.contains("caravan migrate --postgres"))
        #expect(
            try cli.run("migrate", "--postgres", url).stdout.contains("applied v1-ledger, v2-corridor, v3-documents, v4-access-tokens, v5-tariffs"))
        let demo = try cli.run("demo", "--postgres", url)
        #expect(demo.status == 0 && demo.stdout.contains("17 rows read, 17 stored"), "\(demo.stderr)")
        let server = try ServeProcess(cli, ["--postgres", url])
        let health = try await fetch(server.url("/healthz"))
        #expect(health.status == 200 && health.text.contains("postgres"))
        let scorecard = try await fetch(server.url("/api/v1/scorecard?as-of=2026-06-01"))
        #expect(scorecard.text == (try cli.run("scorecard", "--format", "json", "--as-of", "2026-06-01", "--postgres", url)).stdout)
        #expect(server.stop().status == 0)
    }
}
