import CaravanPostgres
import CaravanSQLite
import CaravanService
import CaravanStore

/// Where a workspace is kept: the one place the command line picks a database engine.
enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file: the embedded default.
    case sqlite(path: String)
    /// A PostgreSQL database, by libpq-style URL.
    case postgres(url: String)

    var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): PostgresLedgerStore.redact(url)
        }
    }

    /// The workspace in a SQLite file (migrated if need be, and created when `create` is true) or
    /// a PostgreSQL database (migrated beforehand with `caravan migrate`). A write waits for
    /// another's up to `waitLimit`, then is refused as busy.
    func open(create: Bool, waitLimit: Duration = .seconds(60), onWait: @escaping @Sendable () -> Void = {}) async throws -> Workspace {
        switch self {
        case .sqlite(let path):
            Workspace(store: try SQLiteLedgerStore(path: path, create: create, wait: .init(limit: waitLimit, onWait: onWait)))
        case .postgres(let url): Workspace(store: try await PostgresLedgerStore.open(url: url, wait: waitLimit))
        }
    }

    /// Brings the database's schema up to date; returns the migrations applied.
    func migrate() async throws -> [String] {
        switch self {
        case .sqlite(let path): try SQLiteLedgerStore.migrate(path: path)
        case .postgres(let url): try await PostgresLedgerStore.migrate(url: url)
        }
    }
}
