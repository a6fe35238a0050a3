import CaravanCore
import CaravanStore
import Foundation
import Logging
import PostgresNIO

extension PostgresLedgerStore {
    public func record(_ judgement: Judgement, cause: ImportBatch?, at: Date) async throws -> [RecordedChange] {
        let logger = self.logger
        let partnership = judgement.partnership
        return try await transaction { connection, _ in
            // One judgement of a partnership at a time, in every process: each compares with the last recorded.
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.judgementLock), hashtext(\(partnership)))", logger: logger)
            var last: LastJudgement?
            for try await (through, at, reads) in try await connection.query(
                "SELECT through_batch, judged_at, reads FROM judgement WHERE partnership = \(partnership)", logger: logger
            ).decode((Int64?, Date, String?).self) {
                last = LastJudgement(through: through, at: at, reads: reads.flatMap(KeptAnswer.reads))
            }
            var recorded: [Judged: String] = [:]
            for try await (kind, subject, status) in try await connection.query(
                "SELECT kind, subject, status FROM judged_status WHERE partnership = \(partnership)", logger: logger
            ).decode((String, String, String).self) {
                if let kind = Judged.Kind(rawValue: kind) { recorded[Judged(kind, subject)] = status }
            }
            guard let recording = JudgementRecording(judgement, last: last, recorded: recorded, at: at) else { return [] }
            return try await Self.write(recording, cause: cause, connection, logger: logger)
        }
    }

    /// The statements of a judgement's recording, in the caller's transaction.
    private static func write(
        _ recording: JudgementRecording, cause: ImportBatch?, _ connection: PostgresConnection, logger: Logger
    ) async throws -> [RecordedChange] {
        let (partnership, when) = (recording.partnership, recording.at)
        try await connection.query(
            """
            INSERT INTO judgement (partnership, through_batch, judged_at, reads) VALUES (\(partnership), \(recording.through), \(when), \(recording.reads))
            ON CONFLICT (partnership) DO UPDATE SET through_batch = excluded.through_batch, judged_at = excluded.judged_at, reads = excluded.reads
            """, logger: logger)
        var stored: [RecordedChange] = []
        for change in recording.changes {
            let (kind, subject) = (change.subject.kind.rawValue, change.subject.id)
            var id: Int64 = 0
            for try await value in try await connection.query(
                """
                INSERT INTO status_change (partnership, kind, subject, from_status, to_status, cause_batch, changed_at)
                VALUES (\(partnership), \(kind), \(subject), \(change.from), \(change.to), \(cause?.id), \(when)) RETURNING id
                """, logger: logger
            ).decode(Int64.self) {
                id = value
            }
            switch change.statusWrite {
            case .keep(_, let status):
                try await connection.query(
                    """
                    INSERT INTO judged_status (partnership, kind, subject, status) VALUES (\(partnership), \(kind), \(subject), \(status))
                    ON CONFLICT (partnership, kind, subject) DO UPDATE SET status = excluded.status
                    """, logger: logger)
            case .drop:
                try await connection.query(
                    "DELETE FROM judged_status WHERE partnership = \(partnership) AND kind = \(kind) AND subject = \(subject)", logger: logger)
            }
            // One statement a change, however many watch: an import is not slowed by them.
            try await connection.query(
                """
                INSERT INTO delivery (watch_id, change_id, due_at)
                SELECT id, \(id), \(when) FROM watch WHERE removed_at IS NULL AND (partnership IS NULL OR partnership = \(partnership))
                ORDER BY id LIMIT \(WatchLimits.standard.perChange)
                """, logger: logger)
            stored.append(recording.recorded(change, id: id, cause: cause))
        }
        return stored
    }

    public func lastJudgements() async throws -> [String: LastJudgement] {
        let logger = self.logger
        return try await withConnection { connection in
            var found: [String: LastJudgement] = [:]
            for try await (partnership, through, at, reads) in try await connection.query(
                "SELECT partnership, through_batch, judged_at, reads FROM judgement", logger: logger
            ).decode((String, Int64?, Date, String?).self) {
                found[partnership] = LastJudgement(through: through, at: at, reads: reads.flatMap(KeptAnswer.reads))
            }
            return found
        }
    }

    public func changes(partnership: String?, since: Date?) async throws -> [RecordedChange] {
        let logger = self.logger
        return try await withConnection { connection in
            var found: [RecordedChange] = []
            let rows = try await connection.query(
                """
                SELECT \(unescaped: PostgresChangeRow.columns) FROM status_change c LEFT JOIN import_batch b ON b.id = c.cause_batch
                WHERE (\(partnership)::text IS NULL OR c.partnership = \(partnership)) AND (\(since)::timestamptz IS NULL OR c.changed_at >= \(since))
                ORDER BY c.id
                """, logger: logger)
            for try await row in rows {
                if let change = try PostgresChangeRow.change(PostgresColumns(row)) { found.append(change) }
            }
            return found
        }
    }

    public func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [Delivery] {
        let logger = self.logger
        let until = now.addingTimeInterval(Double(lease.components.seconds))
        // Looked for in a read first, so a sender finding nothing due locks nothing, on a standby too.
        let due = try await withConnection { connection in
            var found = false
            for try await value in try await connection.query(
                "SELECT EXISTS (SELECT 1 FROM delivery WHERE due_at IS NOT NULL AND due_at <= \(now) AND (lease_until IS NULL OR lease_until <= \(now)))",
                logger: logger
            ).decode(Bool.self) {
                found = value
            }
            return found
        }
        guard due else { return [] }
        return try await transaction { connection, _ in
            let rows = try await connection.query(
                """
                SELECT d.id AS delivery_id, d.attempts, \(unescaped: ColumnScope.watch.select), \(unescaped: PostgresChangeRow.columns)
                FROM delivery d JOIN watch w ON w.id = d.watch_id JOIN status_change c ON c.id = d.change_id
                LEFT JOIN import_batch b ON b.id = c.cause_batch
                WHERE d.due_at IS NOT NULL AND d.due_at <= \(now) AND (d.lease_until IS NULL OR d.lease_until <= \(now)) AND w.removed_at IS NULL
                ORDER BY d.id LIMIT \(limit) FOR UPDATE OF d SKIP LOCKED
                """, logger: logger)
            var claimed: [Delivery] = []
            for try await row in rows {
                let columns = PostgresColumns(row)
                guard let change = try PostgresChangeRow.change(columns) else { continue }
                claimed.append(
                    Delivery(
                        id: try columns.decode("delivery_id"), watch: try PostgresChangeRow.watch(columns), change: change,
                        attempts: Int(try columns.decode("attempts", as: Int32.self))))
            }
            for delivery in claimed {
                try await connection.query("UPDATE delivery SET lease_until = \(until) WHERE id = \(delivery.id)", logger: logger)
            }
            return claimed
        }
    }

    public func settle(_ delivery: Int64, _ outcome: DeliveryOutcome) async throws {
        let logger = self.logger
        let query: PostgresQuery =
            switch outcome {
            case .delivered(let at):
                """
                UPDATE delivery SET attempts = attempts + 1, due_at = NULL, lease_until = NULL, delivered_at = \(at), last_error = NULL
                WHERE id = \(delivery)
                """
            case .failed(let reason, let retryAt):
                "UPDATE delivery SET attempts = attempts + 1, due_at = \(retryAt), lease_until = NULL, last_error = \(reason) WHERE id = \(delivery)"
            }
        try await withConnection { connection in _ = try await connection.query(query, logger: logger) }
    }

    public func pendingDeliveries() async throws -> Int {
        let logger = self.logger
        return try await withConnection { connection in
            var count = 0
            for try await value in try await connection.query(
                "SELECT count(*) FROM delivery d JOIN watch w ON w.id = d.watch_id WHERE d.due_at IS NOT NULL AND w.removed_at IS NULL",
                logger: logger
            ).decode(Int64.self) {
                count = Int(value)
            }
            return count
        }
    }

    /// The advisory lock's first key: "judge" in ASCII.
    private static let judgementLock: Int32 = 0x6A_75_64_67
}

/// Changes and watches read by name from rows selected with `columns` or `ColumnScope.watch`, here and in +Watches.
enum PostgresChangeRow {
    static let columns = "\(ColumnScope.change.select), \(ColumnScope.cause.select)"

    /// The change in the row; nil for a kind this version does not know.
    static func change(_ row: PostgresColumns) throws -> RecordedChange? {
        let (change, cause) = (row.scoped(.change), row.scoped(.cause))
        guard let kind = Judged.Kind(rawValue: try change.decode("kind", as: String.self)) else { return nil }
        var batch: ImportBatch?
        if let id = try cause.decode("id", as: Int64?.self) {
            batch = ImportBatch(
                id: id, file: try cause.decode("file_name"), format: try cause.decode("format"),
                contentDigest: try cause.decode("content_sha256", as: String?.self) ?? "", recordedAt: try cause.decode("recorded_at"),
                observations: Int(try cause.decode("observations", as: Int64.self)))
        }
        return RecordedChange(
            id: try change.decode("id"), partnership: try change.decode("partnership"), subject: Judged(kind, try change.decode("subject")),
            from: try change.decode("from_status"), to: try change.decode("to_status"), cause: batch, at: try change.decode("changed_at"))
    }

    static func watch(_ row: PostgresColumns) throws -> Watch {
        let watch = row.scoped(.watch)
        return Watch(
            id: try watch.decode("id"), url: try watch.decode("url"), partnership: try watch.decode("partnership"),
            secret: try watch.decode("secret"), owner: try watch.decode("token_id"), createdAt: try watch.decode("created_at"),
            removedAt: try watch.decode("removed_at"))
    }
}
