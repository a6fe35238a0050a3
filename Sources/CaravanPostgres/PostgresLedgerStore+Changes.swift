import CaravanCore
import CaravanStore
import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    public func record(_ judgement: Judgement, cause: ImportBatch?, at: Date) async throws -> [RecordedChange] {
        let logger = self.logger
        let when = Timestamp.date(Timestamp.text(at)) ?? at
        let partnership = judgement.partnership
        return try await transaction { connection, _ in
            // One judgement of a partnership at a time, in every process: each compares with the last recorded.
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.judgementLock), hashtext(\(partnership)))", logger: logger)
            var through: Int64?
            var judgedAt: Date?
            for try await (batch, at) in try await connection.query(
                "SELECT through_batch, judged_at FROM judgement WHERE partnership = \(partnership)", logger: logger
            ).decode((Int64?, Date).self) {
                (through, judgedAt) = (batch, at)
            }
            if let through, (judgement.through ?? 0) < through { return [] }
            let sameDay = judgedAt.map { Day(containing: $0) == Day(containing: when) } ?? false
            var recorded: [Judged: String] = [:]
            for try await (kind, subject, status) in try await connection.query(
                "SELECT kind, subject, status FROM judged_status WHERE partnership = \(partnership)", logger: logger
            ).decode((String, String, String).self) {
                if let kind = Judged.Kind(rawValue: kind) { recorded[Judged(kind, subject)] = status }
            }
            let changes = judgement.changes(since: recorded)
            if changes.isEmpty && sameDay && through == judgement.through { return [] }
            try await connection.query(
                """
                INSERT INTO judgement (partnership, through_batch, judged_at) VALUES (\(partnership), \(judgement.through), \(when))
                ON CONFLICT (partnership) DO UPDATE SET through_batch = excluded.through_batch, judged_at = excluded.judged_at
                """, logger: logger)
            var stored: [RecordedChange] = []
            for change in changes {
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
                if let to = change.to {
                    try await connection.query(
                        """
                        INSERT INTO judged_status (partnership, kind, subject, status) VALUES (\(partnership), \(kind), \(subject), \(to))
                        ON CONFLICT (partnership, kind, subject) DO UPDATE SET status = excluded.status
                        """, logger: logger)
                } else {
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
                stored.append(
                    RecordedChange(
                        id: id, partnership: partnership, subject: change.subject, from: change.from, to: change.to, cause: cause, at: when))
            }
            return stored
        }
    }

    public func lastJudgements() async throws -> [String: LastJudgement] {
        let logger = self.logger
        return try await withConnection { connection in
            var found: [String: LastJudgement] = [:]
            for try await (partnership, through, at) in try await connection.query(
                "SELECT partnership, through_batch, judged_at FROM judgement", logger: logger
            ).decode((String, Int64?, Date).self) {
                found[partnership] = LastJudgement(through: through, at: at)
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
                if let change = try PostgresChangeRow.change(row.makeRandomAccess(), from: 0) { found.append(change) }
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
                SELECT d.id, d.attempts, \(unescaped: PostgresChangeRow.prefixedWatchColumns), \(unescaped: PostgresChangeRow.columns)
                FROM delivery d JOIN watch w ON w.id = d.watch_id JOIN status_change c ON c.id = d.change_id
                LEFT JOIN import_batch b ON b.id = c.cause_batch
                WHERE d.due_at IS NOT NULL AND d.due_at <= \(now) AND (d.lease_until IS NULL OR d.lease_until <= \(now)) AND w.removed_at IS NULL
                ORDER BY d.id LIMIT \(limit) FOR UPDATE OF d SKIP LOCKED
                """, logger: logger)
            var claimed: [Delivery] = []
            for try await row in rows {
                let cells = row.makeRandomAccess()
                guard let change = try PostgresChangeRow.change(cells, from: 2 + PostgresChangeRow.watchWidth) else { continue }
                claimed.append(
                    Delivery(
                        id: try cells[0].decode(Int64.self), watch: try PostgresChangeRow.watch(cells, from: 2), change: change,
                        attempts: Int(try cells[1].decode(Int32.self))))
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

/// Changes and watches read from rows selected with `columns` and `watchColumns`, here and in +Watches.
enum PostgresChangeRow {
    static let columns = """
        c.id, c.partnership, c.kind, c.subject, c.from_status, c.to_status, c.changed_at,
        b.id, b.file_name, b.format, b.content_sha256, b.recorded_at, b.observations
        """
    static let watchColumns = "id, url, partnership, secret, created_at, removed_at, token_id"
    static let prefixedWatchColumns = "w.id, w.url, w.partnership, w.secret, w.created_at, w.removed_at, w.token_id"
    static let watchWidth = 7

    static func change(_ row: PostgresRandomAccessRow, from i: Int) throws -> RecordedChange? {
        guard let kind = Judged.Kind(rawValue: try row[i + 2].decode(String.self)) else { return nil }
        var cause: ImportBatch?
        if let batch = try row[i + 7].decode(Int64?.self) {
            cause = ImportBatch(
                id: batch, file: try row[i + 8].decode(String.self), format: try row[i + 9].decode(String.self),
                contentDigest: try row[i + 10].decode(String?.self) ?? "", recordedAt: try row[i + 11].decode(Date.self),
                observations: Int(try row[i + 12].decode(Int64.self)))
        }
        return RecordedChange(
            id: try row[i].decode(Int64.self), partnership: try row[i + 1].decode(String.self),
            subject: Judged(kind, try row[i + 3].decode(String.self)),
            from: try row[i + 4].decode(String?.self), to: try row[i + 5].decode(String?.self), cause: cause, at: try row[i + 6].decode(Date.self))
    }

    static func watch(_ row: PostgresRandomAccessRow, from i: Int) throws -> Watch {
        Watch(
            id: try row[i].decode(Int64.self), url: try row[i + 1].decode(String.self), partnership: try row[i + 2].decode(String?.self),
            secret: try row[i + 3].decode(String.self), owner: try row[i + 6].decode(Int64?.self), createdAt: try row[i + 4].decode(Date.self),
            removedAt: try row[i + 5].decode(Date?.self))
    }
}
