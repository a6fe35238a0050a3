import CaravanCore
import CaravanStore
import Foundation
import Logging
import PostgresNIO

/// Reads and writes `import_batch`, the store's record of every file it took in.
enum PostgresBatches {
    static let columns = "id, file_name, format, content_sha256, recorded_at, observations"

    /// A new batch, its digest still unknown; vintages are kept to the millisecond, as SQLite keeps them.
    /// Batches are stored one at a time, each numbered one past the last stored, as SQLite numbers
    /// them: a file refused or found already imported uses no number, so both stores number alike.
    /// The turn is waited for up to `wait`, then the database refuses with SQLSTATE 55P03.
    /// The server's statement timeout is lifted for the rest of the transaction.
    static func insert(
        _ connection: PostgresConnection, file: String, format: String, digest: String? = nil, observations: Int = 0, recordedAt: Date,
        wait: Duration, logger: Logger
    ) async throws -> ImportBatch {
        let milliseconds = max(1, wait.components.seconds * 1_000)
        try await connection.query("SET LOCAL lock_timeout = \(unescaped: String(milliseconds))", logger: logger)
        // A COPY lasts as long as its file; the store's own deadlines bound each wait of it instead.
        try await connection.query("SET LOCAL statement_timeout = 0", logger: logger)
        try await connection.query("SELECT pg_advisory_xact_lock(\(turnKey))", logger: logger)
        let vintage = Timestamp.date(Timestamp.text(recordedAt)) ?? recordedAt
        let rows = try await connection.query(
            """
            INSERT INTO import_batch (id, file_name, format, content_sha256, recorded_at, observations)
            VALUES ((SELECT coalesce(max(id), 0) + 1 FROM import_batch), \(file), \(format), \(digest), \(vintage), \(Int64(observations)))
            RETURNING \(unescaped: columns)
            """, logger: logger)
        guard let batch = try await one(rows) else { throw StoreError.unavailable("PostgreSQL stored the batch but did not return it") }
        return batch
    }

    /// "batches" in ASCII: the advisory lock a batch is stored under.
    private static let turnKey: Int64 = 0x62_61_74_63_68_65_73

    /// Sets the digest and the count once the file has been read.
    static func complete(
        _ batch: ImportBatch, digest: String, observations: Int, _ connection: PostgresConnection, logger: Logger
    ) async throws -> ImportBatch {
        try await connection.query(
            "UPDATE import_batch SET content_sha256 = \(digest), observations = \(Int64(observations)) WHERE id = \(batch.id)",
            logger: logger)
        var done = batch
        done.contentDigest = digest
        done.observations = observations
        return done
    }

    /// The batch of that content, if it was stored before.
    static func find(digest: String, _ connection: PostgresConnection, logger: Logger) async throws -> ImportBatch? {
        try await one(
            try await connection.query(
                "SELECT \(unescaped: columns) FROM import_batch WHERE content_sha256 = \(digest)", logger: logger))
    }

    static func find(digest: String, _ store: PostgresLedgerStore) async throws -> ImportBatch? {
        let logger = store.logger
        return try await store.withConnection { try await find(digest: digest, $0, logger: logger) }
    }

    static func all(_ connection: PostgresConnection, logger: Logger) async throws -> [ImportBatch] {
        var batches: [ImportBatch] = []
        for try await row in try await connection.query("SELECT \(unescaped: columns) FROM import_batch ORDER BY id", logger: logger) {
            batches.append(try decode(row))
        }
        return batches
    }

    private static func one(_ rows: PostgresRowSequence) async throws -> ImportBatch? {
        // Read to the end, so the connection is free for the next statement.
        var found: ImportBatch?
        for try await row in rows { found = try decode(row) }
        return found
    }

    /// A row selected with `columns`, in that order.
    static func decode(_ row: PostgresRow) throws -> ImportBatch {
        let (id, file, format, digest, recordedAt, observations) = try row.decode((Int64, String, String, String?, Date, Int64).self)
        return ImportBatch(
            id: id, file: file, format: format, contentDigest: digest ?? "", recordedAt: recordedAt, observations: Int(observations))
    }
}
