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

/// Scorecards by the store's version, partnership and day. A scorecard as of any moment after the
/// store's newest recording reads every stored figure and states its day only, so one worked out
/// for such a moment answers every other of the same day until anything is stored. A handful kept.
final class SharedScorecards: Sendable {
    struct Key: Hashable {
        let version: StoreVersion
        let partnership: String?
        let day: Day
    }

    /// Each key's scorecard, kept or being worked out: answers asking at once wait for one working-out.
    private let kept = Mutex<[Key: Task<Scorecard, any Error>]>([:])

    func scorecard(_ key: Key, make: @escaping @Sendable () async throws -> Scorecard) async throws -> Scorecard {
        let task = kept.withLock { kept in
            if let task = kept[key] { return task }
            if kept.count >= 16 { kept.removeAll() }
            let task = Task { try await make() }
            kept[key] = task
            return task
        }
        do { return try await task.value } catch {
            // A failure is not kept: the next answer tries again.
            kept.withLock { kept in if kept[key] == task { kept[key] = nil } }
            throw error
        }
    }
}
