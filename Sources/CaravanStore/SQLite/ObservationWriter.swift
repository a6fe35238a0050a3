import CaravanCore
import Foundation
import GRDB

/// Streams a feed's figures into the database inside the caller's transaction, with one cached
/// statement, so a file of millions of rows costs one commit.
struct ObservationWriter<Feed: ObservationFeed> {
    let db: Database
    let feed: Feed

    func write(file: String, format: String, recordedAt: Date) throws -> ImportReceipt {
        var batch = ImportBatchRecord(fileName: file, format: format, recordedAt: Timestamp.text(recordedAt), observations: 0)
        try batch.insert(db)
        let batchID = batch.id!
        var sourceIDs: [Int: Int64] = [:]
        var labels: [Period: (String, Int, Int)] = [:]
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO observation (reporter, partner, flow, commodity, period, source_id, first_day, last_day,
                    value_usd, quantity_t, valuation, note, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var count = 0
        while let staged = try feed.next() {
            let sourceID = try sourceIDs[staged.source] ?? insertSource(staged.source, batch: batchID, into: &sourceIDs)
            let o = staged.observation
            let period = labels[o.period] ?? (o.period.description, o.period.days.lowerBound.number, o.period.days.upperBound.number)
            labels[o.period] = period
            insert.setUncheckedArguments([
                o.reporter, o.partner, o.flow.rawValue, o.commodity, period.0, sourceID, period.1, period.2, o.valueUSD,
                o.quantityT, o.valuation?.rawValue, o.note, staged.line,
            ])
            do { try insert.execute() } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw StoreError.duplicate(
                    line: staged.line,
                    reason: "\(o.reporter)→\(o.partner) \(o.flow.rawValue) \(o.commodity) \(o.period) appears twice in the file")
            }
            count += 1
        }
        let digest = feed.contentDigest ?? UUID().uuidString
        if let earlier = try ImportBatchRecord.filter(Column("content_sha256") == digest).fetchOne(db) {
            throw AlreadyImported.batch(earlier.batch, report: feed.report)
        }
        batch.contentSha256 = digest
        batch.observations = count
        try batch.update(db)
        return .stored(batch.batch)
    }

    private func insertSource(_ index: Int, batch: Int64, into ids: inout [Int: Int64]) throws -> Int64 {
        var row = SourceRow(feed.sources[index], batch: batch)
        try row.insert(db)
        ids[index] = row.id!
        return row.id!
    }
}
