import CaravanCore
import CaravanStore
import Foundation
import GRDB

/// Streams a feed's figures into the database inside the caller's transaction, with one prepared
/// statement, so a file of millions of rows costs one commit.
struct SQLiteObservationWriter<Feed: ObservationFeed> {
    let db: Database
    let feed: Feed

    func write(file: String, format: String, recordedAt: Date) throws -> ImportReceipt {
        var batch = ImportBatchRecord(fileName: file, format: format, recordedAt: Timestamp.text(recordedAt), observations: 0)
        try batch.insert(db)
        let batchID = batch.rowID
        var sourceIDs: [Int: Int64] = [:]
        var period = PeriodColumns(.year(0))
        let insert = try SQLiteObservationInsert(db)
        var count = 0
        while let staged = try feed.next() {
            let sourceID = try sourceIDs[staged.source] ?? insertSource(staged.source, batch: batchID, into: &sourceIDs)
            // Files repeat one period for long runs of rows: work out its columns once a run.
            if period.period != staged.observation.period { period = PeriodColumns(staged.observation.period) }
            try insert.add(staged, source: sourceID, period: period.label)
            count += 1
        }
        try insert.finish()
        let digest = StoredOnce.digest(feed.contentDigest)
        if let earlier = try ImportBatchRecord.filter(Column("content_sha256") == digest).fetchOne(db) {
            throw AlreadyImported(earlier.batch, report: feed.report)
        }
        batch.contentSha256 = digest
        batch.observations = count
        try batch.update(db)
        return .stored(batch.batch)
    }

    private func insertSource(_ index: Int, batch: Int64, into ids: inout [Int: Int64]) throws -> Int64 {
        var row = SourceRow(feed.sources[index], batch: batch)
        try row.insert(db)
        ids[index] = row.rowID
        return row.rowID
    }
}
