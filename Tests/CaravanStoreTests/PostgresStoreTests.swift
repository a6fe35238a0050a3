import CaravanPostgres
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite(
    "The PostgreSQL store: connecting and migrating", .enabled(if: StoreBackend.postgresURL != nil, Comment(rawValue: StoreBackend.postgresSkipped)))
struct PostgresStoreTests {
    let directory = TemporaryDirectory()

    @Test("migrating applies each migration once, even when two processes migrate at once")
    func migrate() async throws {
        let url = try directory.postgresSchema()
        async let first = PostgresLedgerStore.migrate(url: url)
        async let second = PostgresLedgerStore.migrate(url: url)
        let applied = try await [first, second]
        #expect(applied.contains([]) && applied.contains(SchemaMigration.names))
        #expect(try await PostgresLedgerStore.migrate(url: url).isEmpty)
    }

    @Test("a database that takes no writes, as a hot standby, answers reads and refuses a write as read-only, in words")
    func readReplica() async throws {
        let url = try directory.postgresSchema()
        _ = try await PostgresLedgerStore.migrate(url: url)
        let primary = try await PostgresLedgerStore.open(url: url)
        let document = Document(kind: .dossier, name: "a", text: "partnership: {id: a}\n")
        _ = try await primary.record(document: document, file: "a.yaml", digest: "a", recordedAt: Date())
        // A standby refuses every write with SQLSTATE 25006, as a read-only transaction does.
        let replica = try await PostgresLedgerStore.open(
            url: url.replacingOccurrences(of: "search_path%3D", with: "default_transaction_read_only%3Don%20-c%20search_path%3D"))
        #expect(try await replica.document(.dossier, named: "a")?.document == document)
        await #expect {
            _ = try await replica.record(
                document: Document(kind: .dossier, name: "b", text: "partnership: {id: b}\n"), file: "b.yaml", digest: "b", recordedAt: Date())
        } throws: { error in
            guard case StoreError.readOnly(let reason) = error else { return false }
            return reason.contains("takes no writes") && !reason.contains("SQLSTATE")
        }
        #expect(try await primary.documents(.dossier).map(\.document.name) == ["a"])
    }

    @Test("an unmigrated database is refused with the command that fixes it")
    func unmigrated() async throws {
        let url = try directory.postgresSchema()
        await #expect {
            _ = try await PostgresLedgerStore.open(url: url)
        } throws: { error in
            "\(error)".contains("caravan migrate --postgres")
        }
    }
}

@Suite("PostgreSQL URLs and unreachable servers")
struct PostgresConnectionTests {
    @Test("a server that is not there is named, with its password masked")
    func unreachable() async throws {
        await #expect {
            _ = try await PostgresLedgerStore.open(url: "postgres://someone:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
        } throws: { error in
            let message = "\(error)"
            return message.contains("127.0.0.1:1") && !message.contains("secret") && message.contains("***")
        }
    }

    @Test("a URL that is not PostgreSQL's, or has unknown parameters, is refused before connecting")
    func badURL() async throws {
        for url in ["mysql://localhost/x", "postgres://localhost/x?sslmode=sometimes", "postgres://localhost/x?colour=blue"] {
            await #expect(throws: StoreError.self) { _ = try await PostgresLedgerStore.open(url: url) }
        }
    }
}
