import CaravanCore
import CaravanStore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func record(_ judgement: Judgement, cause: ImportBatch?, at: Date) async throws -> [RecordedChange] {
        try await write { db in
            let partnership = judgement.partnership
            let last = try Row.fetchOne(
                db, sql: "SELECT through_batch, judged_at, reads FROM judgement WHERE partnership = ?", arguments: [partnership]
            )
            .map(Self.lastJudgement)
            var recorded: [Judged: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, subject, status FROM judged_status WHERE partnership = ?", arguments: [partnership]) {
                if let kind = Judged.Kind(rawValue: row["kind"]) { recorded[Judged(kind, row["subject"])] = row["status"] }
            }
            guard let recording = JudgementRecording(judgement, last: last, recorded: recorded, at: at) else { return [] }
            return try Self.write(recording, cause: cause, db)
        }
    }

    /// The statements of a judgement's recording, in the caller's transaction.
    private static func write(_ recording: JudgementRecording, cause: ImportBatch?, _ db: Database) throws -> [RecordedChange] {
        let (partnership, when) = (recording.partnership, Timestamp.text(recording.at))
        try db.execute(
            sql: """
                INSERT INTO judgement (partnership, through_batch, judged_at, reads) VALUES (?, ?, ?, ?)
                ON CONFLICT (partnership) DO UPDATE SET through_batch = excluded.through_batch, judged_at = excluded.judged_at, reads = excluded.reads
                """,
            arguments: [partnership, recording.through, when, recording.reads])
        return try recording.changes.map { change in
            try db.execute(
                sql: """
                    INSERT INTO status_change (partnership, kind, subject, from_status, to_status, cause_batch, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [partnership, change.subject.kind.rawValue, change.subject.id, change.from, change.to, cause?.id, when])
            let id = db.lastInsertedRowID
            switch change.statusWrite {
            case .keep(let subject, let status):
                try db.execute(
                    sql: """
                        INSERT INTO judged_status (partnership, kind, subject, status) VALUES (?, ?, ?, ?)
                        ON CONFLICT (partnership, kind, subject) DO UPDATE SET status = excluded.status
                        """,
                    arguments: [partnership, subject.kind.rawValue, subject.id, status])
            case .drop(let subject):
                try db.execute(
                    sql: "DELETE FROM judged_status WHERE partnership = ? AND kind = ? AND subject = ?",
                    arguments: [partnership, subject.kind.rawValue, subject.id])
            }
            // One statement a change, however many watch: an import is not slowed by them.
            try db.execute(
                sql: """
                    INSERT INTO delivery (watch_id, change_id, due_at)
                    SELECT id, ?, ? FROM watch WHERE removed_at IS NULL AND (partnership IS NULL OR partnership = ?) ORDER BY id LIMIT ?
                    """,
                arguments: [id, when, partnership, WatchLimits.standard.perChange])
            return recording.recorded(change, id: id, cause: cause)
        }
    }

    public func lastJudgements() async throws -> [String: LastJudgement] {
        try await read { db in
            var found: [String: LastJudgement] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT partnership, through_batch, judged_at, reads FROM judgement") {
                found[row["partnership"]] = Self.lastJudgement(row)
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
                arguments: [partnership, partnership, since.map(Timestamp.text), since.map(Timestamp.text)], adapter: ChangeRow.changes
            ).compactMap(ChangeRow.change)
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
                    SELECT d.id AS delivery_id, d.attempts, \(ColumnScope.watch.select), \(ChangeRow.columns)
                    FROM delivery d JOIN watch w ON w.id = d.watch_id JOIN status_change c ON c.id = d.change_id
                    LEFT JOIN import_batch b ON b.id = c.cause_batch
                    WHERE d.due_at IS NOT NULL AND d.due_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?) AND w.removed_at IS NULL
                    ORDER BY d.id LIMIT ?
                    """,
                arguments: [time, time, limit], adapter: ChangeRow.deliveries)
            return try rows.compactMap { row in
                let id: Int64 = row["delivery_id"]
                try db.execute(sql: "UPDATE delivery SET lease_until = ? WHERE id = ?", arguments: [until, id])
                guard let change = try ChangeRow.change(row) else { return nil }
                return Delivery(id: id, watch: try ChangeRow.watch(row), change: change, attempts: row["attempts"])
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

/// Changes and watches read by name from rows selected with `columns` or `ColumnScope.watch`, and
/// fetched with `adapter`, here and in +Watches.
enum ChangeRow {
    static let columns = "\(ColumnScope.change.select), \(ColumnScope.cause.select)"
    /// Rows selecting a change (`columns`), read by scope: `row.scopes["change"]["kind"]`.
    static let changes = adapter(.change, .cause)
    /// Rows selecting a watch and its change.
    static let deliveries = adapter(.watch, .change, .cause)
    /// Rows selecting a watch.
    static let watches = adapter(.watch)

    /// Each scope's columns under their own names: `row.scopes["watch"]["url"]`.
    private static func adapter(_ scopes: ColumnScope...) -> ScopeAdapter {
        ScopeAdapter(
            Dictionary(
                uniqueKeysWithValues: scopes.map { scope in
                    (scope.name, ColumnMapping(Dictionary(uniqueKeysWithValues: scope.columns.map { ($0, scope.selected($0)) })))
                }))
    }

    /// The change in the row; nil for a kind this version does not know.
    static func change(_ row: Row) throws -> RecordedChange? {
        let change = try scope(.change, of: row)
        guard let kind = Judged.Kind(rawValue: change["kind"]) else { return nil }
        let cause = try scope(.cause, of: row)
        let batch: ImportBatch? = try (cause["id"] as Int64?).map { _ in try ImportBatchRecord(row: cause).batch }
        return RecordedChange(
            id: change["id"], partnership: change["partnership"], subject: Judged(kind, change["subject"]), from: change["from_status"],
            to: change["to_status"], cause: batch, at: Timestamp.date(change["changed_at"]) ?? .distantPast)
    }

    static func watch(_ row: Row) throws -> Watch {
        let watch = try scope(.watch, of: row)
        return Watch(
            id: watch["id"], url: watch["url"], partnership: watch["partnership"], secret: watch["secret"], owner: watch["token_id"],
            createdAt: Timestamp.date(watch["created_at"]) ?? .distantPast, removedAt: (watch["removed_at"] as String?).flatMap(Timestamp.date))
    }

    private static func scope(_ scope: ColumnScope, of row: Row) throws -> Row {
        guard let scoped = row.scopes[scope.name] else { throw StoreError.unavailable("a row read lacks its \(scope.name) columns") }
        return scoped
    }
}

extension SQLiteLedgerStore {
    fileprivate static func lastJudgement(_ row: Row) -> LastJudgement {
        LastJudgement(
            through: row["through_batch"], at: Timestamp.date(row["judged_at"]) ?? .distantPast,
            reads: (row["reads"] as String?).flatMap(KeptAnswer.reads))
    }
}
