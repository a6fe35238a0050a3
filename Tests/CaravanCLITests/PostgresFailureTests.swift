import CaravanTestSupport
import Foundation
import Testing

/// PostgreSQL failing under a running import, the three ways a database goes: stopped as a crash
/// stops it, its connection reset, or silent (a relay that stops forwarding and keeps the
/// connection open). Each test has a server of its own behind a relay on loopback, so that it can
/// stop it and the shared test server stays up.
@Suite(
    "PostgreSQL failing under an import", .serialized,
    .enabled(if: StoreBackend.postgresURL != nil, "\(StoreBackend.postgresSkipped); these tests also start a PostgreSQL of their own"))
struct PostgresFailureTests {
    let cli = CLI()

    enum Failure: String, CaseIterable, Sendable {
        case stopped, reset, silent

        /// What the import says happened.
        var sentence: String {
            self == .silent ? "the database did not answer within 3 s" : "the connection to the database was lost"
        }
    }

    /// How long a failed import may take to say so: the answer timeout (3 s) and the work around it, on a loaded machine.
    static let bound = Duration.seconds(30)

    @Test(
        "an import whose database fails under it exits 1 within 30 s, saying nothing of the file was stored; once the database is back, none of it is there and the same import succeeds",
        arguments: Failure.allCases)
    func importInterrupted(failure: Failure) async throws {
        let setup = try Setup(cli)
        let file = cli.directory.write("big.csv", FigureRows.file(count: 60_000))
        let cli = self.cli
        let running = Task { try await Command.detached { try cli.run("import", "--postgres", setup.url, "big.csv") } }
        try await setup.cluster.waitForCopy()
        let failed = ContinuousClock.now
        try setup.fail(failure)
        let result = try await running.value
        let took = failed.duration(to: .now)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(failure.sentence) during the import; nothing of big.csv was stored"), "\(result.stderr)")
        #expect(!result.stderr.contains("PSQL") && !result.stderr.contains("errno"), "\(result.stderr)")
        #expect(took < Self.bound, "\(failure): the import took \(took) to fail")
        try setup.recover(failure)
        let listed = try cli.run("imports", "--postgres", setup.url, "--format", "csv")
        #expect(listed.status == 0 && !listed.stdout.contains("big.csv"), "\(listed.stdout) \(listed.stderr)")
        let again = try cli.run("import", "--postgres", setup.url, file)
        #expect(again.status == 0 && again.stdout.contains("60,000 stored"), "\(again.stdout) \(again.stderr)")
    }

    @Test(
        "an upload in flight when its database fails is answered 503 within 30 s, saying nothing of it was stored; SIGTERM then ends the server within its grace period",
        arguments: Failure.allCases)
    func uploadInterrupted(failure: Failure) async throws {
        let setup = try Setup(cli)
        let (server, upload) = try await serveUploading(setup)
        let failed = ContinuousClock.now
        try setup.fail(failure)
        let answer = try await upload.value
        let took = failed.duration(to: .now)
        #expect(answer.status == 503 && answer.headers["Retry-After"] != nil, "\(answer.status) \(answer.text)")
        #expect(answer.text.contains("the database became unavailable during the import; nothing of big.csv was stored"), "\(answer.text)")
        #expect(took < Self.bound, "\(failure): the upload took \(took) to be answered")
        let stopping = ContinuousClock.now
        let (status, log) = server.stop()
        let stopped = stopping.duration(to: .now)
        #expect(status == 0, "\(log.suffix(500))")
        #expect(stopped < Self.grace, "\(failure): SIGTERM took \(stopped) to end the server")
        #expect(!log.contains("PSQL") && !log.contains("errno") && !log.contains("CancellationError"), "\(log.suffix(800))")
        try setup.recover(failure)
        let listed = try cli.run("imports", "--postgres", setup.url, "--format", "csv")
        #expect(listed.status == 0 && !listed.stdout.contains("big.csv"), "\(listed.stdout) \(listed.stderr)")
    }

    /// `caravan serve` on the setup's database, with an upload of 60,000 figures in flight and its COPY begun.
    private func serveUploading(_ setup: Setup) async throws -> (ServeProcess, Task<Exchange, any Error>) {
        let token = try cli.run("token", "create", "--name", "loader", "--postgres", setup.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeProcess(cli, ["--postgres", setup.url])
        let body = Data(FigureRows.file(count: 60_000).utf8)
        let address = server.url("/api/v1/imports?name=big.csv")
        let upload = Task { try await exchange(address, method: "POST", token: token, body: body) }
        try await setup.cluster.waitForCopy()
        return (server, upload)
    }

    /// The server's grace period for requests in flight (10 s), its few seconds for cancelled ones to end, and a margin.
    static let grace = Duration.seconds(20)

    @Test("SIGTERM ends the server within its grace period while an upload waits on a silent database, and the upload is answered 503")
    func shutdownWhileWaiting() async throws {
        // An answer timeout the test will not reach: only the shutdown can end the wait.
        let setup = try Setup(cli, answerTimeout: 600)
        let (server, upload) = try await serveUploading(setup)
        setup.proxy.silence()
        try await Task.sleep(for: .seconds(1))
        let stopping = ContinuousClock.now
        let (status, log) = server.stop()
        let stopped = stopping.duration(to: .now)
        #expect(stopped < Self.grace, "SIGTERM took \(stopped) to end the server")
        #expect(status == 0, "\(log.suffix(500))")
        let answer = try await upload.value
        #expect(answer.status == 503 && answer.text.contains("shutting_down"), "\(answer.status) \(answer.text)")
        try setup.recover(.silent)
        let listed = try cli.run("imports", "--postgres", setup.url, "--format", "csv")
        #expect(listed.status == 0 && !listed.stdout.contains("big.csv"), "\(listed.stdout) \(listed.stderr)")
    }
}

/// What `exchange` answers: status, headers, body.
typealias Exchange = (status: Int, headers: [String: String], text: String)

/// A server of the test's own, migrated, behind a relay the test can fail.
struct Setup {
    let cluster: PostgresCluster
    let proxy: TCPProxy
    /// The database through the relay, each answer allowed `answerTimeout` seconds.
    let url: String

    init(_ cli: CLI, answerTimeout: Int = 3) throws {
        cluster = try PostgresCluster()
        proxy = try TCPProxy(to: cluster.port)
        url = "postgres://postgres@127.0.0.1:\(proxy.port)/caravan?sslmode=disable&connect_timeout=2&query_timeout=\(answerTimeout)"
        let migrated = try cli.run("migrate", "--postgres", cluster.url())
        guard migrated.status == 0 else { throw TestSetupError("migrate: \(migrated.stderr)") }
    }

    func fail(_ failure: PostgresFailureTests.Failure) throws {
        switch failure {
        case .stopped: try cluster.stop(immediately: true)
        case .reset: proxy.cut()
        case .silent: proxy.silence()
        }
    }

    /// The database back: started again, or the network's quiet over (the server's side of the
    /// silent connection reset, as its keepalive would in the end).
    func recover(_ failure: PostgresFailureTests.Failure) throws {
        switch failure {
        case .stopped: try cluster.start()
        case .reset: break
        case .silent:
            proxy.cut()
            proxy.restore()
        }
    }
}

/// A figures CSV of `count` rows, every one a figure of its own.
enum FigureRows {
    static func file(count: Int) -> String {
        let codes = ["KAZ", "IRN", "TKM", "UZB", "KGZ", "TJK", "AFG", "AZE", "ARM", "GEO", "RUS", "CHN", "IND", "PAK", "TUR", "OMN"]
        var text = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n"
        var written = 0
        outer: for year in 1900...2099 {
            for month in 1...12 {
                for reporter in codes {
                    for partner in codes where partner != reporter {
                        guard written < count else { break outer }
                        text += "\(reporter),\(partner),export,TOTAL,\(year)-\(month < 10 ? "0" : "")\(month),\(1_000 + written),,,Generated,,,\n"
                        written += 1
                    }
                }
            }
        }
        return text
    }
}
