import CaravanCore
import CaravanStore
import Foundation

/// Changes of scorecards as every interface shows them: `caravan changes`, `/api/v1/changes`,
/// each webhook delivery's body and the Atom feed's entries.
public struct ChangeList: Sendable, Encodable, Tabular {
    /// One change. `event` numbers it in the store, so a receiver can tell a repeat.
    public struct Entry: Sendable, Encodable {
        let event: Int64
        let partnership: String
        let kind: String
        let id: String
        let from: String?
        let to: String?
        let cause: Cause
        let at: Date

        init(_ change: RecordedChange) {
            event = change.id
            partnership = change.partnership
            kind = change.subject.kind.rawValue
            id = change.subject.id
            from = change.from
            to = change.to
            cause = Cause(change.cause)
            at = change.at
        }

        enum CodingKeys: String, CodingKey {
            case event, partnership, kind, id, from, to, cause, at
        }

        // A status judged for the first time comes from null, one no longer judged goes to null: both written.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(event, forKey: .event)
            try container.encode(partnership, forKey: .partnership)
            try container.encode(kind, forKey: .kind)
            try container.encode(id, forKey: .id)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(cause, forKey: .cause)
            try container.encode(at, forKey: .at)
        }

        /// `target t1: on_track → at_risk`.
        var summary: String { "\(kind) \(id): \(from ?? "none") → \(to ?? "none")" }
    }

    /// What caused a change: an import (a file, a dossier, an answer fetched), with its vintage;
    /// or a judgement with nothing new stored — a deadline passed, or the first judgement.
    struct Cause: Sendable, Encodable {
        let kind: String
        let batch: Int64?
        let file: String?
        let format: String?
        let vintage: Date?

        init(_ batch: ImportBatch?) {
            kind = batch == nil ? "judged-again" : "import"
            self.batch = batch?.id
            file = batch?.file
            format = batch?.format
            vintage = batch?.recordedAt
        }

        var text: String { batch.map { "#\($0) \(file ?? "")" } ?? "judged again, nothing new stored" }
    }

    public let changes: [Entry]

    public init(_ changes: [RecordedChange]) {
        self.changes = changes.map(Entry.init)
    }

    public var table: TextTable {
        TextTable(
            columns: [.init("at"), .init("partnership"), .init("kind"), .init("id"), .init("from"), .init("to"), .init("cause")],
            rows: changes.map { change in
                [Timestamp.text(change.at), change.partnership, change.kind, change.id, change.from ?? "—", change.to ?? "—", change.cause.text]
            })
    }
}
