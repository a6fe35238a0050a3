import CaravanCore
import CaravanStore
import Foundation
import Logging
import PostgresNIO

extension PostgresLedgerStore {
    public func addWatch(
        url: String, partnership: String?, secret: String, owner: Int64?, limits: WatchLimits, createdAt: Date
    ) async throws -> Watch {
        let logger = self.logger
        let created = Timestamp.date(Timestamp.text(createdAt)) ?? createdAt
        return try await transaction { connection, _ in
            // Watches are added one at a time, in every process: each counts those before it.
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.watchLock))", logger: logger)
            if let owner {
                let mine = try await Self.count(
                    "SELECT count(*) FROM watch WHERE token_id = \(owner) AND removed_at IS NULL", on: connection, logger: logger)
                if mine >= limits.perToken { throw WatchError.tooManyForToken(limit: limits.perToken) }
            }
            // What a change would be owed with this watch: of its partnership, or of the most watched one for every partnership.
            let owed = try await Self.count(
                """
                SELECT (SELECT count(*) FROM watch WHERE removed_at IS NULL AND (partnership IS NULL OR partnership = \(partnership)))
                    + CASE WHEN \(partnership)::text IS NULL THEN coalesce((SELECT max(n) FROM (SELECT count(*) AS n FROM watch
                        WHERE removed_at IS NULL AND partnership IS NOT NULL GROUP BY partnership) AS each), 0) ELSE 0 END
                """, on: connection, logger: logger)
            if owed >= limits.perChange { throw WatchError.tooManyForChange(limit: limits.perChange, partnership: partnership) }
            let rows = try await connection.query(
                """
                INSERT INTO watch (url, partnership, secret, token_id, created_at) VALUES (\(url), \(partnership), \(secret), \(owner), \(created))
                RETURNING \(unescaped: Self.returnedWatch)
                """, logger: logger)
            var added: Watch?
            for try await row in rows { added = try PostgresChangeRow.watch(PostgresColumns(row)) }
            guard let added else { throw StoreError.unavailable("PostgreSQL stored the watch but did not return it") }
            return added
        }
    }

    public func watches() async throws -> [Watch] {
        try await watches("SELECT \(unescaped: ColumnScope.watch.select) FROM watch w ORDER BY w.id")
    }

    public func watches(owner: Int64) async throws -> [WatchStanding] {
        let logger = self.logger
        return try await withConnection { connection in
            var found: [WatchStanding] = []
            let rows = try await connection.query(
                """
                SELECT \(unescaped: ColumnScope.watch.select),
                    (SELECT count(*) FROM delivery d WHERE d.watch_id = w.id AND d.due_at IS NOT NULL) AS owed,
                    (SELECT d.last_error FROM delivery d WHERE d.watch_id = w.id AND d.last_error IS NOT NULL ORDER BY d.id DESC LIMIT 1) AS last_error
                FROM watch w WHERE w.token_id = \(owner) AND w.removed_at IS NULL ORDER BY w.id
                """, logger: logger)
            for try await row in rows {
                let columns = PostgresColumns(row)
                found.append(
                    WatchStanding(
                        watch: try PostgresChangeRow.watch(columns), owed: Int(try columns.decode("owed", as: Int64.self)),
                        lastError: try columns.decode("last_error")))
            }
            return found
        }
    }

    public func removeWatch(id: Int64, owner: Int64?, at: Date) async throws -> Watch {
        let removed = Timestamp.date(Timestamp.text(at)) ?? at
        guard
            let watch = try await watches(
                """
                WITH removed AS (
                    UPDATE watch SET removed_at = \(removed)
                    WHERE id = \(id) AND removed_at IS NULL AND (\(owner)::bigint IS NULL OR token_id = \(owner))
                    RETURNING *
                ), dropped AS (
                    UPDATE delivery SET due_at = NULL, last_error = 'the watch was removed'
                    WHERE watch_id IN (SELECT id FROM removed) AND due_at IS NOT NULL
                )
                SELECT \(unescaped: ColumnScope.watch.select) FROM removed w
                """
            ).first
        else { throw WatchError.unknown(id) }
        return watch
    }

    private func watches(_ query: PostgresQuery) async throws -> [Watch] {
        let logger = self.logger
        return try await withConnection { connection in
            var found: [Watch] = []
            for try await row in try await connection.query(query, logger: logger) {
                found.append(try PostgresChangeRow.watch(PostgresColumns(row)))
            }
            return found
        }
    }

    /// The one number a query answers: a count.
    private static func count(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var found: Int64 = 0
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { found = value }
        return Int(found)
    }

    /// The watch an INSERT returns, under the names `ColumnScope.watch` selects.
    private static let returnedWatch = ColumnScope.watch.columns.map { "\($0) AS \(ColumnScope.watch.selected($0))" }.joined(separator: ", ")

    /// The lock watches are added under: "watch" in ASCII.
    private static let watchLock: Int64 = 0x77_61_74_63_68
}
