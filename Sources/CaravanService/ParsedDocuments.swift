import CaravanCore
import CaravanDossier
import CaravanNetwork
import CaravanStore
import Synchronization

/// Stored documents as parsed, by the batch that stored them. A stored version never changes, so
/// each is parsed once per process rather than once per answer; a new version (a new batch) is
/// parsed when first asked for. Kept to a handful of versions, so memory stays bounded.
final class ParsedDocuments: Sendable {
    private struct Key: Hashable {
        let kind: String
        let batch: Int64
        let name: String
    }

    private let dossiers = Mutex<[Key: Dossier]>([:])
    private let networks = Mutex<[Key: Network]>([:])
    private let graphs = Mutex<[Key: RoutingGraph]>([:])
    private static let kept = 16

    func dossier(_ stored: StoredDocument, parse: (StoredDocument) throws -> Dossier) throws -> Dossier {
        try value(stored, in: dossiers, kind: "dossier", parse: parse)
    }

    func network(_ stored: StoredDocument, parse: (StoredDocument) throws -> Network) throws -> Network {
        try value(stored, in: networks, kind: "network", parse: parse)
    }

    func graph(_ stored: StoredDocument, parse: (StoredDocument) throws -> RoutingGraph) throws -> RoutingGraph {
        try value(stored, in: graphs, kind: "graph", parse: parse)
    }

    private func value<Value: Sendable>(
        _ stored: StoredDocument, in table: borrowing Mutex<[Key: Value]>, kind: String, parse: (StoredDocument) throws -> Value
    ) throws -> Value {
        let key = Key(kind: kind, batch: stored.batch.id, name: stored.document.name)
        if let kept = table.withLock({ $0[key] }) { return kept }
        // Parsed outside the lock: two requests may parse the same version once each, never wait on each other.
        let parsed = try parse(stored)
        table.withLock { entries in
            if entries.count >= Self.kept { entries.removeAll() }
            entries[key] = parsed
        }
        return parsed
    }
}

/// Scorecards by partnership and day, each with the last batch the store held when it was worked
/// out and what it read. A scorecard as of any moment after the store's newest recording reads
/// every stored figure and states its day only, so one worked out for such a moment answers every
/// other of the same day until a batch stores something it reads: a batch of other figures leaves
/// it standing. A handful kept.
final class SharedScorecards: Sendable {
    struct Key: Hashable {
        let partnership: String?
        let day: Day
    }

    /// A scorecard worked out, or being worked out, for the store as of `through`.
    private struct Entry {
        let through: Int64
        let task: Task<(Scorecard, reads: Set<LedgerSubject>), any Error>
    }

    private let kept = Mutex<[Key: Entry]>([:])

    /// The scorecard kept for `key`, if it still stands for the store at `version`; otherwise the
    /// one `make` works out, kept. Answers asking at once wait for one working-out.
    func scorecard(
        _ key: Key, version: StoreVersion, store: any KeptAnswerStore,
        make: @escaping @Sendable () async throws -> (Scorecard, reads: Set<LedgerSubject>)
    ) async throws -> (Scorecard, reads: Set<LedgerSubject>) {
        if let entry = kept.withLock({ $0[key] }), entry.through != version.lastBatch {
            let task = entry.task
            // A failed working-out is not kept: it is worked out again below.
            let made = try? await task.value
            if let reads = made?.reads, try await !store.stored(reads, after: entry.through) {
                // Nothing it read was stored since: it stands for the newer version too.
                kept.withLock { kept in if kept[key]?.task == task { kept[key] = Entry(through: version.lastBatch, task: task) } }
            }
        }
        let entry = kept.withLock { kept in
            if let entry = kept[key], entry.through == version.lastBatch { return entry }
            if kept.count >= 16 { kept.removeAll() }
            let entry = Entry(through: version.lastBatch, task: Task { try await make() })
            kept[key] = entry
            return entry
        }
        do { return try await entry.task.value } catch {
            // A failure is not kept: the next answer tries again.
            kept.withLock { kept in if kept[key]?.task == entry.task { kept[key] = nil } }
            throw error
        }
    }
}
