import ArgumentParser
import CaravanSQLite
import CaravanService
import Foundation

/// Where the workspace lives, shared by every command that reads or writes it.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default: $CARAVAN_DB, else ./caravan.sqlite).")
    var db: String?

    @Option(
        name: .long,
        help: "A PostgreSQL database instead of SQLite: postgres://user:password@host:5432/caravan?sslmode=disable (default: $CARAVAN_POSTGRES).")
    var postgres: String?

    func validate() throws {
        if db != nil && postgres != nil { throw ValidationError("give --db or --postgres, not both") }
        if db?.isEmpty == true { throw ValidationError("--db is empty; give a file such as caravan.sqlite") }
        if postgres?.isEmpty == true { throw ValidationError("--postgres is empty; give a URL such as postgres://user@localhost/caravan") }
    }

    /// The database the options and the environment choose: a flag first, then the environment.
    var location: StoreLocation {
        let environment = ProcessInfo.processInfo.environment
        if let postgres { return .postgres(url: postgres) }
        if let db { return .sqlite(path: db) }
        if let url = environment["CARAVAN_POSTGRES"], !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: environment["CARAVAN_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "caravan.sqlite")
    }

    /// The workspace, for reading: a SQLite file that does not exist is an error, not a new empty store.
    func workspace() async throws -> Workspace { try await location.open(create: false, onWait: Self.sayWaiting) }

    /// The workspace, for reading, of a command given `file` to work on: when there is no
    /// database, an empty one in memory, so the command answers from the file alone and makes no
    /// database file.
    func workspace(reading file: String?) async throws -> Workspace {
        if file != nil, case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            return Workspace(store: try SQLiteLedgerStore.inMemory())
        }
        return try await workspace()
    }

    /// The workspace, for a command that stores: a new SQLite file is made if need be.
    func writableWorkspace() async throws -> Workspace { try await location.open(create: true, onWait: Self.sayWaiting) }

    /// A write waits a minute for another process's, saying so on a terminal.
    private static let sayWaiting: @Sendable () -> Void = {
        guard isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data("waiting for another process to finish writing to the database…\n".utf8))
    }
}
