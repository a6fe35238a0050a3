import ArgumentParser
import CaravanService
import Foundation

/// Where the workspace lives, shared by every command that reads or writes it.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default: $CARAVAN_DB, else ./caravan.sqlite).")
    var db: String?

    /// The database path the options and the environment choose.
    var path: String { db ?? ProcessInfo.processInfo.environment["CARAVAN_DB"] ?? "caravan.sqlite" }

    func workspace() throws -> Workspace { try Workspace.sqlite(path: path) }
}
