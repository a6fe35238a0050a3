import CaravanStore
import Testing

@Suite("Migration names recorded by an earlier history, brought to the current ones")
struct MigrationNamesTests {
    /// PostgreSQL's earlier history: its v2-corridor made the document table too, and every later one was numbered one lower.
    let legacy = LegacyMigrationNames([
        .init("v2-corridor", [.corridor, .documents]), .init("v3-access-tokens", [.accessTokens]), .init("v9-watch-owner", [.watchOwner]),
    ])

    @Test("the history is eleven names, numbered in order")
    func names() {
        #expect(SchemaMigration.names.count == 11)
        #expect(SchemaMigration.names.enumerated().allSatisfy { index, name in name.hasPrefix("v\(index + 1)-") })
    }

    @Test("names of the earlier history are renamed, and the work its v2-corridor did beside is recorded as done with it")
    func renamed() {
        let recorded: Set = ["v1-ledger", "v2-corridor", "v3-access-tokens", "v9-watch-owner"]
        #expect(
            legacy.renames(of: recorded) == [
                .init(recorded: "v2-corridor", now: "v2-corridor", alsoDone: ["v3-documents"]),
                .init(recorded: "v3-access-tokens", now: "v4-access-tokens"), .init(recorded: "v9-watch-owner", now: "v10-watch-owner"),
            ])
        #expect(legacy.current(recorded) == ["v1-ledger", "v2-corridor", "v3-documents", "v4-access-tokens", "v10-watch-owner"])
    }

    @Test("names of the current history are left as they are")
    func current() {
        let recorded = Set(SchemaMigration.names)
        #expect(legacy.renames(of: recorded).isEmpty)
        #expect(legacy.current(recorded) == recorded)
        #expect(legacy.renames(of: []).isEmpty)
    }
}
