/// How a document is stored: as new content; not at all, when it is the current document of its
/// kind and name already; or restored, when its content was stored before and has since been
/// superseded — then a new batch makes it current again, its digest left to the first batch's.
/// Each store looks up and writes in its own SQL.
package enum DocumentRestore: Sendable, Hashable {
    /// Stored already and still current: nothing is written.
    case alreadyImported(ImportBatch)
    /// A new batch holding the document; its digest column is `digest`, nil for a restored one.
    case store(digest: String?, earlier: ImportBatch?)

    /// - Parameters:
    ///   - earlier: the batch that first stored the content, if any did.
    ///   - current: the batch of the document now current of its kind (and name, for a kind with
    ///     one current per name); only asked for when `earlier` is there.
    package init(digest: String, earlier: ImportBatch?, current: Int64?) {
        if let earlier, current == earlier.id {
            self = .alreadyImported(earlier)
        } else {
            self = .store(digest: earlier == nil ? digest : nil, earlier: earlier)
        }
    }

    /// What storing the document as `batch` did: stored it, or restored the content of `earlier`,
    /// which the receipt shows under the content's digest.
    package static func receipt(_ batch: ImportBatch, digest: String, earlier: ImportBatch?) -> ImportReceipt {
        guard let earlier else { return .stored(batch) }
        var restored = batch
        restored.contentDigest = digest
        return .restored(restored, earlier: earlier)
    }
}
