import CaravanCore
import Foundation
import GRDB

/// The ledger in a SQLite file, through GRDB: the embedded default.
public struct SQLiteLedgerStore: WorkspaceStore {
    let writer: any DatabaseWriter

    /// Opens (creating if need be) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // Big imports touch many pages; a larger cache keeps them off the disk until commit.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            writer = try DatabaseQueue(path: path, configuration: configuration)
            try LedgerSchema.migrator.migrate(writer)
        } catch {
            throw StoreError.unavailable("\(path): cannot open the database: \(error)")
        }
    }

    /// Brings the schema of the file at `path` up to date; returns the migrations applied.
    public static func migrate(path: String) throws -> [String] {
        do {
            let queue = try DatabaseQueue(path: path)
            let pending = try queue.read { try LedgerSchema.migrator.appliedIdentifiers($0) }
            try LedgerSchema.migrator.migrate(queue)
            return LedgerSchema.migrator.migrations.filter { !pending.contains($0) }
        } catch {
            throw StoreError.unavailable("\(path): cannot migrate the database: \(error)")
        }
    }

    public func record<Feed: ObservationFeed>(
        _ feed: sending Feed, file: String, format: String, recordedAt: Date
    )
        async throws -> (receipt: ImportReceipt, report: Feed.Report)
    {
        let handoff = FeedHandoff(feed: feed)
        do {
            return try await writer.write { db in
                let receipt = try ObservationWriter(db: db, feed: handoff.feed).write(file: file, format: format, recordedAt: recordedAt)
                return (receipt, handoff.feed.report)
            }
        } catch let AlreadyImported.batch(batch, report) {
            return (.alreadyImported(batch), report as! Feed.Report)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.duplicate(line: nil, reason: "a figure repeats another of the same file: \(error.message ?? "")")
        }
    }

    public func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        try await writer.read { db in
            var periods = PeriodCache()
            var rows: [RecordedObservation] = []
            for (reporter, partner) in [(a, b), (b, a)] {
                let cursor = try Row.fetchCursor(db, sql: ObservationQuery.sql, arguments: [reporter, partner, commodity])
                while let row = try cursor.next() { rows.append(try ObservationQuery.decode(row, periods: &periods)) }
            }
            return rows
        }
    }

    public func lastBatchID() async throws -> Int64? {
        try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM import_batch") }
    }

    public func batches() async throws -> [ImportBatch] {
        try await writer.read { db in try ImportBatchRecord.order(Column("id")).fetchAll(db).map(\.batch) }
    }
}

/// Thrown inside the write transaction to roll it back when the content is already stored.
enum AlreadyImported: Error {
    case batch(ImportBatch, report: any Sendable)
}

/// Hands the feed to the database's writer queue, which reads it once, alone: the feed was
/// passed in as `sending`, so nothing else holds it.
private struct FeedHandoff<Feed: ObservationFeed>: @unchecked Sendable {
    let feed: Feed
}
