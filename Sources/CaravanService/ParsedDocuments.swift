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
