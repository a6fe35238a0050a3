import CaravanCore
import CaravanNetwork
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("Documents, freight flows and access tokens, on SQLite and on PostgreSQL")
struct DocumentStoreTests {
    let directory = TemporaryDirectory()

    @Test(
        "the last document of a name wins and the earlier stays stored; an earlier one imported again is current again",
        arguments: StoreBackend.available)
    func documents(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let first = Document(kind: .dossier, name: "b-partnership", text: "partnership: {id: b}\n")
        let second = Document(kind: .dossier, name: "b-partnership", text: "partnership: {id: b}\n# revised\n")
        let other = Document(kind: .dossier, name: "a-partnership", text: "partnership: {id: a}\n")
        _ = try await store.record(document: first, file: "b1.yaml", digest: "b1", recordedAt: Date(timeIntervalSince1970: 1_000))
        _ = try await store.record(document: second, file: "b2.yaml", digest: "b2", recordedAt: Date(timeIntervalSince1970: 2_000))
        _ = try await store.record(document: other, file: "a.yaml", digest: "a", recordedAt: Date(timeIntervalSince1970: 3_000))
        #expect(try await store.document(.dossier, named: "b-partnership")?.document == second)
        #expect(try await store.document(.dossier, named: nil)?.document == other)
        #expect(try await store.document(.network, named: nil) == nil)
        let same = try await store.record(document: other, file: "a-copy.yaml", digest: "a", recordedAt: Date())
        guard case .alreadyImported(let earlier) = same else {
            Issue.record("the current document was stored twice")
            return
        }
        #expect(earlier.file == "a.yaml")
        let again = try await store.record(document: first, file: "b1-copy.yaml", digest: "b1", recordedAt: Date(timeIntervalSince1970: 4_000))
        guard case .restored(let batch, let original) = again else {
            Issue.record("a superseded document imported again was not made current")
            return
        }
        #expect(original.file == "b1.yaml" && batch.file == "b1-copy.yaml" && batch.contentDigest == "b1")
        #expect(try await store.document(.dossier, named: "b-partnership")?.document == first)
        #expect(try await store.documents(.dossier).map(\.document.name) == ["a-partnership", "b-partnership"])
        #expect(try await store.batches().map(\.file) == ["b1.yaml", "b2.yaml", "a.yaml", "b1-copy.yaml"])
    }

    @Test("freight flows come back with their sources, oldest period first", arguments: StoreBackend.available)
    func flows(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let railway = SourceDraft(kind: .freight, provider: "Railway", published: "2025-02-01")
        let port = SourceDraft(kind: .freight, provider: "Port authority")
        let flows = [
            Staged(FreightFlow(element: "port-x", period: try Period(parsing: "2025"), tonnes: 2e6, note: "tab\there"), line: 3, source: 1),
            Staged(FreightFlow(element: "rail-1", period: try Period(parsing: "2024"), tonnes: 1e6, direction: .forward), line: 2, source: 0),
        ]
        _ = try await store.record(flows: flows, sources: [railway, port], file: "flows.csv", digest: "f", recordedAt: Date())
        let stored = try await store.freightFlows(element: nil)
        #expect(stored.map(\.flow) == [flows[1].record, flows[0].record])
        #expect(stored.map(\.source.provider) == ["Railway", "Port authority"] && stored.map(\.line) == [2, 3])
        #expect(try await store.freightFlows(element: "port-x").map(\.flow.tonnes) == [2e6])
        await #expect(throws: StoreError.self) {
            _ = try await store.record(flows: flows + [flows[0]], sources: [railway, port], file: "twice.csv", digest: "g", recordedAt: Date())
        }
        #expect(try await store.batches().map(\.file) == ["flows.csv"])
    }

    @Test("a token is stored as its hash, revoked once, and its name freed for a new one", arguments: StoreBackend.available)
    func tokens(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let created = Date(timeIntervalSince1970: 1_800_000_000.5)
        let token = try await store.createToken(name: "newsroom", secretSHA256: String(repeating: "a", count: 64), createdAt: created)
        #expect(token.name == "newsroom" && !token.isRevoked && token.createdAt == created)
        await #expect(throws: AccessTokenError.nameTaken("newsroom")) {
            _ = try await store.createToken(name: "newsroom", secretSHA256: String(repeating: "b", count: 64), createdAt: created)
        }
        let revoked = try await store.revokeToken(named: "newsroom", at: created.addingTimeInterval(60))
        #expect(revoked.id == token.id && revoked.revokedAt == created.addingTimeInterval(60))
        await #expect(throws: AccessTokenError.unknown("newsroom")) { _ = try await store.revokeToken(named: "newsroom", at: Date()) }
        _ = try await store.createToken(name: "newsroom", secretSHA256: String(repeating: "c", count: 64), createdAt: created)
        let all = try await store.tokens()
        #expect(all.map(\.isRevoked) == [true, false] && all.map(\.secretSHA256.first) == ["a", "c"])
    }

    @Test("text with tabs, newlines, backslashes and non-ASCII survives the round trip", arguments: StoreBackend.available)
    func awkwardText(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        var row = try figure("KAZ", "IRN", .export, "SH1403", 1.5e-3, line: 9)
        row.observation.note = "a\tb\nc\\d\r e — «ایران» \\N"
        let source = SourceDraft(kind: .figures, provider: "Ministry\tof Trade", title: "Line\nbreak")
        _ = try await store.record(ListFeed([row], sources: [source], digest: "t"), file: "t.csv", format: "figures", recordedAt: Date())
        let stored = try #require(try await store.observations(between: "KAZ", and: "IRN", commodity: "TOTAL").first)
        #expect(stored.observation == row.observation)
        #expect(stored.source.provider == "Ministry\tof Trade" && stored.source.title == "Line\nbreak")
    }

    @Test("a file citing many sources keeps each row's own", arguments: StoreBackend.available)
    func manySources(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let sources = (0..<5).map { SourceDraft(kind: .figures, provider: "Provider \($0)") }
        let months = (0..<5_000).map { "\(1_800 + $0 / 12)-\($0 % 12 < 9 ? "0" : "")\($0 % 12 + 1)" }
        let rows = try (0..<5_000).map { try figure("KAZ", "IRN", .export, months[$0], Double($0), line: $0 + 2, source: ($0 / 7) % 5) }
        let (receipt, _) = try await store.record(ListFeed(rows, sources: sources, digest: "m"), file: "m.csv", format: "figures", recordedAt: Date())
        guard case .stored(let batch) = receipt else {
            Issue.record("not stored")
            return
        }
        #expect(batch.observations == 5_000)
        let stored = try await store.observations(between: "KAZ", and: "IRN", commodity: "TOTAL")
        #expect(stored.count == 5_000)
        for row in stored {
            let index = Int(row.observation.valueUSD)
            #expect(row.source.provider == "Provider \((index / 7) % 5)" && row.line == index + 2)
        }
    }
}
