import Foundation

/// Content is stored once: a file whose digest a stored batch holds adds nothing, and is answered
/// with that batch. Each store looks the digest up in its own SQL.
package enum StoredOnce {
    /// The digest a feed's batch is stored under: its content's, or, when the feed could not say,
    /// one of the batch's own that matches nothing.
    package static func digest(_ contentDigest: String?) -> String {
        contentDigest ?? UUID().uuidString
    }

    /// The answer to content already stored as `earlier`; nil when it is new and is to be stored.
    package static func receipt(earlier: ImportBatch?) -> ImportReceipt? {
        earlier.map(ImportReceipt.alreadyImported)
    }
}

/// Thrown inside an import's transaction to roll it back when its content is already stored: a
/// file is known by its digest only once every row has been read. It carries the feed's report,
/// typed, so the store hands it back as it is.
package struct AlreadyImported<Report: Sendable>: Error {
    package let batch: ImportBatch
    package let report: Report

    package init(_ batch: ImportBatch, report: Report) {
        self.batch = batch
        self.report = report
    }

    /// The receipt and report the import answers with.
    package var answer: (receipt: ImportReceipt, report: Report) { (.alreadyImported(batch), report) }
}
