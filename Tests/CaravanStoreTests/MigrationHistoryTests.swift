import CaravanPostgres
import CaravanSQLite
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("One migration history, on SQLite and on PostgreSQL")
struct MigrationHistoryTests {
    let directory = TemporaryDirectory()

    @Test("SQLite registers the history's names, in its order")
    func sqliteNames() throws {
        #expect(try SQLiteLedgerStore.migrate(path: directory.path("new.sqlite")) == SchemaMigration.names)
        #expect(try SQLiteLedgerStore.migrate(path: directory.path("new.sqlite")).isEmpty)
    }

    @Test(
        "PostgreSQL registers the history's names, in its order",
        .enabled(if: StoreBackend.postgresURL != nil, Comment(rawValue: StoreBackend.postgresSkipped)))
    func postgresNames() async throws {
        let url = try directory.postgresSchema()
        #expect(try await PostgresLedgerStore.migrate(url: url) == SchemaMigration.names)
        #expect(try recorded(url) == SchemaMigration.names.sorted())
    }

    /// The names PostgreSQL's earlier history recorded, v1 to v9.
    static let earlierNames = [
        "v1-ledger", "v2-corridor", "v3-access-tokens", "v4-tariffs", "v5-figure-status", "v6-hs-edition", "v7-changes", "v8-relative-figures",
        "v9-watch-owner",
    ]

    @Test(
        "a PostgreSQL database migrated by the earlier history has its records renamed, only the later work run, and keeps its data",
        .enabled(if: StoreBackend.postgresURL != nil, Comment(rawValue: StoreBackend.postgresSkipped)))
    func postgresEarlierHistory() async throws {
        let url = try directory.postgresSchema()
        // The earlier history made the same tables as v1 to v10, its document table with v2-corridor: they are made here, and its names recorded.
        let earlierWork = SchemaMigration.allCases.prefix { $0 != .keptAnswers }
        try run(url, earlierWork.flatMap(PostgresSchema.statements))
        try record(url, Self.earlierNames)
        try run(
            url,
            [
                "INSERT INTO import_batch (file_name, format, content_sha256, recorded_at) VALUES ('a.yaml', 'dossier', 'a', now())",
                "INSERT INTO document (import_id, kind, name, body) VALUES (1, 'dossier', 'a', 'partnership: {id: a}')",
            ])

        #expect(try await PostgresLedgerStore.migrate(url: url) == [SchemaMigration.keptAnswers.rawValue])
        #expect(try recorded(url) == SchemaMigration.names.sorted())
        let after = try await PostgresLedgerStore.open(url: url)
        #expect(try await after.document(.dossier, named: "a")?.document.text == "partnership: {id: a}")
        await after.close()
    }

    @Test(
        "a PostgreSQL database the earlier history took to v2-corridor only gets the rest, not the document table it has",
        .enabled(if: StoreBackend.postgresURL != nil, Comment(rawValue: StoreBackend.postgresSkipped)))
    func postgresEarlierPrefix() async throws {
        let url = try directory.postgresSchema()
        try run(url, [SchemaMigration.ledger, .corridor, .documents].flatMap(PostgresSchema.statements))
        try record(url, Array(Self.earlierNames.prefix(2)))
        #expect(try await PostgresLedgerStore.migrate(url: url) == Array(SchemaMigration.names.dropFirst(3)))
        #expect(try recorded(url) == SchemaMigration.names.sorted())
    }

    private func run(_ url: String, _ statements: [String]) throws {
        try PostgresShell.run(url, statements.joined(separator: ";\n"))
    }

    private func record(_ url: String, _ names: [String]) throws {
        try run(
            url,
            ["CREATE TABLE caravan_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"]
                + names.map { "INSERT INTO caravan_migration (name) VALUES ('\($0)')" })
    }

    /// The names the database records, sorted.
    private func recorded(_ url: String) throws -> [String] {
        let result = try Command.run("/usr/bin/env", ["psql", url, "-At", "-c", "SELECT name FROM caravan_migration ORDER BY name"])
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }
}
