import CaravanCore
import CaravanStore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func record(_ judgement: Judgement, cause: ImportBatch?, at: Date) async throws -> [RecordedChange] {
        try await write { db in
            let partnership = judgement.partnership
            let known = try Row.fetchOne(db, sql: "SELECT through_batch, judged_at FROM judgement WHERE partnership = ?", arguments: [partnership])
            let through: Int64? = known?[0]
            if let through, (judgement.through ?? 0) < through { return [] }
            let sameDay = (known?[1] as String?).flatMap(Timestamp.date).map { Day(containing: $0) == Day(containing: at) } ?? false
            var recorded: [Judged: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, subject, status FROM judged_status WHERE partnership = ?", arguments: [partnership]) {
                if let kind = Judged.Kind(rawValue: row[0]) { recorded[Judged(kind, row[1])] = row[2] }
            }
            let changes = judgement.changes(since: recorded)
            if changes.isEmpty && sameDay && through == judgement.through { return [] }
            try db.execute(
                sql: """
                    INSERT INTO judgement (partnership, through_batch, judged_at) VALUES (?, ?, ?)
                    ON CONFLICT (partnership) DO UPDATE SET through_batch = excluded.through_batch, judged_at = excluded.judged_at
                    """,
                arguments: [partnership, judgement.through, Timestamp.text(at)])
            let when = Timestamp.text(at)
            return try changes.map { change in
                try db.execute(
                    sql: """
                        INSERT INTO status_change (partnership, kind, subject, from_status, to_status, cause_batch, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [partnership, change.subject.kind.rawValue, change.subject.id, change.from, change.to, cause?.id, when])
                let id = db.lastInsertedRowID
                if let to = change.to {
                    try db.execute(
                        sql: """
                            INSERT INTO judged_status (partnership, kind, subject, status) VALUES (?, ?, ?, ?)
                            ON CONFLICT (partnership, kind, subject) DO UPDATE SET status = excluded.status
                            """,
                        arguments: [partnership, change.subject.kind.rawValue, change.subject.id, to])
                } else {
                    try db.execute(
                        sql: "DELETE FROM judged_status WHERE partnership = ? AND kind = ? AND subject = ?",
                        arguments: [partnership, change.subject.kind.rawValue, change.subject.id])
                }
                // One statement a change, however many watch: an import is not slowed by them.
                try db.execute(
                    sql: """
                        INSERT INTO delivery (watch_id, change_id, due_at)
                        SELECT id, ?, ? FROM watch WHERE removed_at IS NULL AND (partnership IS NULL OR partnership = ?) ORDER BY id LIMIT ?
                        """,
                    arguments: [id, when, partnership, WatchLimits.standard.perChange])
                return RecordedChange(
                    id: id, partnership: partnership, subject: change.subject, from: change.from, to: change.to, cause: cause,
                    at: Timestamp.date(when) ?? at)
            }
        }
    }

    public func lastJudgements() async throws -> [String: LastJudgement] {
        try await read { db in
            var found: [String: LastJudgement] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT partnership, through_batch, judged_at FROM judgement") {
                found[row[0]] = LastJudgement(through: row[1], at: Timestamp.date(row[2]) ?? .distantPast)
            }
            return found
        }
    }

    public func changes(partnership: String?, since: Date?) async throws -> [RecordedChange] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(ChangeRow.columns) FROM status_change c LEFT JOIN import_batch b ON b.id = c.cause_batch
                    WHERE (? IS NULL OR c.partnership = ?) AND (? IS NULL OR c.changed_at >= ?) ORDER BY c.id
                    """,
                arguments: [partnership, partnership, since.map(Timestamp.text), since.map(Timestamp.text)]
            ).compactMap { ChangeRow.change($0, from: 0) }
        }
    }

    public func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [Delivery] {
        let (time, until) = (Timestamp.text(now), Timestamp.text(now.addingTimeInterval(Double(lease.components.seconds))))
        // Looked for in a read first, so a sender finding nothing due takes no write lock.
        let due = try await read { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM delivery WHERE due_at IS NOT NULL AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?))",
                arguments: [time, time]) ?? false
        }
        guard due else { return [] }
        return try await write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.attempts, \(ChangeRow.watchColumns), \(ChangeRow.columns)
                    FROM delivery d JOIN watch w ON w.id = d.watch_id JOIN status_change c ON c.id = d.change_id
                    LEFT JOIN import_batch b ON b.id = c.cause_batch
                    WHERE d.due_at IS NOT NULL AND d.due_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?) AND w.removed_at IS NULL
                    ORDER BY d.id LIMIT ?
                    """,
                arguments: [time, time, limit])
            return try rows.compactMap { row in
                try db.execute(sql: "UPDATE delivery SET lease_until = ? WHERE id = ?", arguments: [until, row[0] as Int64])
                guard let change = ChangeRow.change(row, from: 2 + ChangeRow.watchWidth) else { return nil }
                return Delivery(id: row[0], watch: ChangeRow.watch(row, from: 2), change: change, attempts: row[1])
            }
        }
    }

    public func settle(_ delivery: Int64, _ outcome: DeliveryOutcome) async throws {
        try await write { db in
            switch outcome {
            case .delivered(let at):
                try db.execute(
                    sql: """
                        UPDATE delivery SET attempts = attempts + 1, due_at = NULL, lease_until = NULL, delivered_at = ?, last_error = NULL
                        WHERE id = ?
                        """,
                    arguments: [Timestamp.text(at), delivery])
            case .failed(let reason, let retryAt):
                try db.execute(
                    sql: "UPDATE delivery SET attempts = attempts + 1, due_at = ?, lease_until = NULL, last_error = ? WHERE id = ?",
                    arguments: [retryAt.map(Timestamp.text), reason, delivery])
            }
        }
    }

    public func pendingDeliveries() async throws -> Int {
        try await read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM delivery d JOIN watch w ON w.id = d.watch_id WHERE d.due_at IS NOT NULL AND w.removed_at IS NULL")
                ?? 0
        }
    }
}

/// Changes and watches read from rows selected with `columns` and `watchColumns`, here and in +Watches.
enum ChangeRow {
    static let columns = """
        c.id, c.partnership, c.kind, c.subject, c.from_status, c.to_status, c.changed_at,
        b.id, b.file_name, b.format, b.content_sha256, b.recorded_at, b.observations
        """
    static let watchColumns = "w.id, w.url, w.partnership, w.secret, w.created_at, w.removed_at, w.token_id"
    static let watchWidth = 7

    static func change(_ row: Row, from i: Int) -> RecordedChange? {
        guard let kind = Judged.Kind(rawValue: row[i + 2]) else { return nil }
        var cause: ImportBatch?
        if let batch: Int64 = row[i + 7] {
            cause = ImportBatch(
                id: batch, file: row[i + 8], format: row[i + 9], contentDigest: row[i + 10] ?? "",
                recordedAt: Timestamp.date(row[i + 11]) ?? .distantPast, observations: row[i + 12])
        }
        return RecordedChange(
            id: row[i], partnership: row[i + 1], subject: Judged(kind, row[i + 3]), from: row[i + 4], to: row[i + 5], cause: cause,
            at: Timestamp.date(row[i + 6]) ?? .distantPast)
    }

    static func watch(_ row: Row, from i: Int) -> Watch {
        Watch(
            id: row[i], url: row[i + 1], partnership: row[i + 2], secret: row[i + 3], owner: row[i + 6],
            createdAt: Timestamp.date(row[i + 4]) ?? .distantPast, removedAt: (row[i + 5] as String?).flatMap(Timestamp.date))
    }
}
