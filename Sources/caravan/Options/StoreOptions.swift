import ArgumentParser
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
    }

    /// The database the options and the environment choose: a flag first, then the environment.
    var location: StoreLocation {
        let environment = ProcessInfo.processInfo.environment
        if let postgres { return .postgres(url: postgres) }
        if let db { return .sqlite(path: db) }
        if let url = environment["CARAVAN_POSTGRES"], !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: environment["CARAVAN_DB"] ?? "caravan.sqlite")
    }

    func workspace() async throws -> Workspace { try await Workspace.open(location) }
}
