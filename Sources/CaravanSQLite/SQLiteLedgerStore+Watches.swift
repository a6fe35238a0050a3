import CaravanCore
import CaravanStore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func addWatch(
        url: String, partnership: String?, secret: String, owner: Int64?, limits: WatchLimits, createdAt: Date
    ) async throws -> Watch {
        try await write { db in
            if let owner,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM watch WHERE token_id = ? AND removed_at IS NULL", arguments: [owner]) ?? 0
                    >= limits.perToken
            {
                throw WatchError.tooManyForToken(limit: limits.perToken)
            }
            // What a change would be owed with this watch: of its partnership, or of the most watched one for every partnership.
            let owed = try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM watch WHERE removed_at IS NULL AND (partnership IS NULL OR partnership = ?1))
                        + CASE WHEN ?1 IS NULL THEN coalesce((SELECT max(n) FROM (SELECT count(*) AS n FROM watch
                            WHERE removed_at IS NULL AND partnership IS NOT NULL GROUP BY partnership)), 0) ELSE 0 END
                    """,
                arguments: [partnership])
            if owed ?? 0 >= limits.perChange { throw WatchError.tooManyForChange(limit: limits.perChange, partnership: partnership) }
            try db.execute(
                sql: "INSERT INTO watch (url, partnership, secret, token_id, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [url, partnership, secret, owner, Timestamp.text(createdAt)])
            return Watch(
                id: db.lastInsertedRowID, url: url, partnership: partnership, secret: secret, owner: owner,
                createdAt: Timestamp.date(Timestamp.text(createdAt)) ?? createdAt)
        }
    }

    public func watches() async throws -> [Watch] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(ColumnScope.watch.select) FROM watch w ORDER BY w.id", adapter: ChangeRow.watches)
                .map(ChangeRow.watch)
        }
    }

    public func watches(owner: Int64) async throws -> [WatchStanding] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(ColumnScope.watch.select),
                        (SELECT count(*) FROM delivery d WHERE d.watch_id = w.id AND d.due_at IS NOT NULL) AS owed,
                        (SELECT d.last_error FROM delivery d WHERE d.watch_id = w.id AND d.last_error IS NOT NULL ORDER BY d.id DESC LIMIT 1) AS last_error
                    FROM watch w WHERE w.token_id = ? AND w.removed_at IS NULL ORDER BY w.id
                    """,
                arguments: [owner], adapter: ChangeRow.watches
            ).map { row in
                WatchStanding(watch: try ChangeRow.watch(row), owed: row["owed"], lastError: row["last_error"])
            }
        }
    }

    public func removeWatch(id: Int64, owner: Int64?, at: Date) async throws -> Watch {
        try await write { db in
            try db.execute(
                sql: "UPDATE watch SET removed_at = ? WHERE id = ? AND removed_at IS NULL AND (?3 IS NULL OR token_id = ?3)",
                arguments: [Timestamp.text(at), id, owner])
            guard db.changesCount == 1,
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(ColumnScope.watch.select) FROM watch w WHERE w.id = ?", arguments: [id], adapter: ChangeRow.watches)
            else { throw WatchError.unknown(id) }
            // What it was owed is not sent: no longer due, and said why.
            try db.execute(
                sql: "UPDATE delivery SET due_at = NULL, last_error = 'the watch was removed' WHERE watch_id = ? AND due_at IS NOT NULL",
                arguments: [id])
            return try ChangeRow.watch(row)
        }
    }
}
