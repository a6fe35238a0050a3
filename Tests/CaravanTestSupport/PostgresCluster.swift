import Foundation

/// A PostgreSQL server of a test's own, in a temporary directory on a free loopback port, that
/// the test may stop and start: the shared test server must stay up for every other test.
public final class PostgresCluster: @unchecked Sendable {
    private let directory = TemporaryDirectory()
    private let bin: String
    public let port: Int
    private let asRoot = getuid() == 0

    /// The server's binaries, or nil when PostgreSQL is not installed.
    public static var binaries: String? {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let newest = versions.max(by: { $0.compare($1, options: .numeric) == .orderedAscending }) else { return nil }
        let bin = "/usr/lib/postgresql/" + newest + "/bin"
        return FileManager.default.fileExists(atPath: bin + "/initdb") ? bin : nil
    }

    /// Initialises and starts a cluster with a database `caravan`.
    public init() throws {
        guard let bin = Self.binaries else { throw TestSetupError("PostgreSQL is not installed (apt-get install postgresql)") }
        self.bin = bin
        port = try Self.freePort()
        if asRoot { _ = try Command.run("/bin/chown", ["postgres:", directory.url.path]) }
        try run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
        try start()
        try run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "caravan"])
    }

    /// The database's URL; `connect_timeout` in seconds bounds how long a request waits for it.
    public func url(connectTimeout: Int = 2) -> String {
        "postgres://postgres@127.0.0.1:\(port)/caravan?sslmode=disable&connect_timeout=\(connectTimeout)"
    }

    public func start() throws {
        try run(
            "pg_ctl",
            [
                "-D", data, "-l", directory.path("server.log"), "-w", "-o",
                "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories=\(directory.url.path) -c fsync=off", "start",
            ])
    }

    /// Stops the server; `immediately` as a crash would, its clients' connections dropped mid-statement
    /// and what they had not committed undone when it starts again.
    public func stop(immediately: Bool = false) throws { try run("pg_ctl", ["-D", data, "-m", immediately ? "immediate" : "fast", "-w", "stop"]) }

    /// Waits until a `COPY` into the database is under way, for at most `limit`.
    public func waitForCopy(limit: Duration = .seconds(120)) async throws {
        let start = ContinuousClock.now
        let sql = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY %'"
        while start.duration(to: .now) < limit {
            let result = try Command.run("/usr/bin/env", ["psql", url(), "-At", "-c", sql])
            if result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "0" && result.status == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSetupError("no COPY began within \(limit)")
    }

    deinit { try? stop() }

    private var data: String { directory.path("data") }

    /// Runs one of the server's programs, its output to a file, through Python's `subprocess`,
    /// which closes every other descriptor: the server `pg_ctl` leaves running would otherwise
    /// inherit the ones Foundation watches and keep this process waiting for as long as it runs.
    private func run(_ program: String, _ arguments: [String]) throws {
        let log = directory.path("\(program).out")
        let command = (asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + ["\(bin)/\(program)"] + arguments
        let script = """
            import subprocess, sys
            with open(sys.argv[1], "w") as log:
                sys.exit(subprocess.run(sys.argv[2:], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode)
            """
        let result = try Command.run("/usr/bin/env", ["python3", "-c", script, log] + command)
        guard result.status == 0 else {
            throw TestSetupError("\(program): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }
    }

    private static func freePort() throws -> Int {
        let result = try Command.run(
            "/usr/bin/env", ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw TestSetupError("no free port") }
        return port
    }
}
