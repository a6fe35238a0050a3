import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("Limits on watches: so many a token, so many owed a change")
struct LimitTests {
    let directory = TemporaryDirectory()

    @Test("a token may have so many active watches, and a change be owed to so many; removing one makes room", arguments: StoreBackend.available)
    func limits(_ backend: StoreBackend) async throws {
        let workspace = Workspace(store: try await backend.makeStore(in: directory))
        defer { Task { await workspace.store.close() } }
        _ = try await workspace.importDossier(text: SmallPartnership.dossier(withTarget: false), as: "kaz-irn.yaml")
        let (one, two) = (try await workspace.createToken(name: "one").token.id, try await workspace.createToken(name: "two").token.id)
        let limits = WatchLimits(perToken: 2, perChange: 3)
        let hook = WatchRequest(url: "https://example.org/hook", partnership: "kaz-irn")
        let first = try await workspace.addWatch(hook, owner: one, limits: limits)
        _ = try await workspace.addWatch(WatchRequest(url: "https://example.org/all", partnership: nil), owner: one, limits: limits)
        await #expect(throws: WatchError.tooManyForToken(limit: 2)) { try await workspace.addWatch(hook, owner: one, limits: limits) }
        // The third a change of kaz-irn is owed to; a fourth, of any partnership, would make four.
        _ = try await workspace.addWatch(hook, owner: two, limits: limits)
        await #expect(throws: WatchError.tooManyForChange(limit: 3, partnership: "kaz-irn")) {
            try await workspace.addWatch(hook, owner: two, limits: limits)
        }
        await #expect(throws: WatchError.tooManyForChange(limit: 3, partnership: nil)) {
            try await workspace.addWatch(WatchRequest(url: "https://example.org/all", partnership: nil), limits: limits)
        }
        // A token sees and removes only its own.
        #expect(try await workspace.watches(owner: one).map(\.watch.url) == ["https://example.org/hook", "https://example.org/all"])
        await #expect(throws: WatchError.unknown(first.id)) { try await workspace.removeWatch(id: first.id, owner: two) }
        _ = try await workspace.removeWatch(id: first.id, owner: one)
        #expect(try await workspace.addWatch(hook, owner: one, limits: limits).owner == one)
    }

    @Test("a change is owed to the oldest 1,000 watches at most, whatever was added before the limit", arguments: StoreBackend.available)
    func owedAtMost(_ backend: StoreBackend) async throws {
        let workspace = Workspace(store: try await backend.makeStore(in: directory))
        for n in 1...1_003 {
            _ = try await workspace.store.addWatch(
                url: "https://example.org/\(n)", partnership: nil, secret: "s", owner: nil,
                limits: WatchLimits(perToken: .max, perChange: .max), createdAt: Date())
        }
        _ = try await workspace.importDossier(text: SmallPartnership.dossier(withTarget: false), as: "kaz-irn.yaml")
        defer { Task { await workspace.store.close() } }
        let changes = try await workspace.changes()
        #expect(!changes.isEmpty)
        #expect(try await workspace.store.pendingDeliveries() == changes.count * WatchLimits.standard.perChange)
    }
}
