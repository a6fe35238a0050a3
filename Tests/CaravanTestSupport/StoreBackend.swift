import CaravanPostgres
import CaravanSQLite
import CaravanStore
import Foundation

/// The databases the store suites run on: SQLite always, PostgreSQL when `CARAVAN_TEST_POSTGRES`
/// names one (`scripts/test` starts a throwaway server and sets it).
public enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    /// The backends to run on here.
    public static var available: [StoreBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// The test server's URL, if any.
    public static var postgresURL: String? { ProcessInfo.processInfo.environment["CARAVAN_TEST_POSTGRES"] }

    /// Why the PostgreSQL tests are not run, for the skip message.
    public static let postgresSkipped = "CARAVAN_TEST_POSTGRES is not set; scripts/test starts a PostgreSQL and sets it"

    public var description: String { rawValue }

    /// A new, empty, migrated store for one test: a SQLite file in `directory`, or a schema of its
    /// own in the test server, dropped when `directory` goes.
    public func makeStore(in directory: TemporaryDirectory) async throws -> any WorkspaceStore {
        switch self {
        case .sqlite: return try SQLiteLedgerStore(path: directory.path("ledger.sqlite"))
        case .postgres:
            // psql, waited for off the pool the servers of other suites answer on.
            let url = try await Command.detached { try directory.postgresSchema() }
            _ = try await PostgresLedgerStore.migrate(url: url)
            return try await PostgresLedgerStore.open(url: url)
        }
    }
}

extension TemporaryDirectory {
    /// The test server's URL narrowed to a new schema, which is dropped with the directory.
    public func postgresSchema() throws -> String {
        guard let base = StoreBackend.postgresURL else { throw TestSetupError(StoreBackend.postgresSkipped) }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresShell.run(base, "CREATE SCHEMA \(schema)")
        onRemove { try? PostgresShell.run(base, "DROP SCHEMA \(schema) CASCADE") }
        // A machine running the whole suite beside a build may keep a connection waiting past the default 5 s.
        let patience = base.contains("connect_timeout=") ? "" : "&connect_timeout=30"
        return base + (base.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema)" + patience
    }
}

/// SQL run through psql, for setting up and tearing down test schemas.
public enum PostgresShell {
    public static func run(_ url: String, _ sql: String) throws {
        let result = try Command.run("/usr/bin/env", ["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
        guard result.status == 0 else { throw TestSetupError("psql: \(sql): \(result.stderr)") }
    }
}

/// A test could not set up what it needs.
public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
