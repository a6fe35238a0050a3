import ArgumentParser
import CaravanService

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or bring up to date the database's tables: needed once per release for PostgreSQL; SQLite does it on open.",
        discussion: "Each migration runs once, in its own transaction; two processes migrating at once take turns.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let applied = try await store.location.migrate()
        print(applied.isEmpty ? "\(store.location): up to date" : "\(store.location): applied \(applied.joined(separator: ", "))")
    }
}
