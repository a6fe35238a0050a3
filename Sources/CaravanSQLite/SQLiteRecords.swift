import CaravanCore
import CaravanStore
import Foundation
import GRDB

/// A row of `import_batch`.
struct ImportBatchRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "import_batch"
    var id: Int64?
    var fileName: String
    var format: String
    var contentSha256: String?
    var recordedAt: String
    var observations: Int

    enum CodingKeys: String, CodingKey {
        case id, format, observations
        case fileName = "file_name"
        case contentSha256 = "content_sha256"
        case recordedAt = "recorded_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The id once inserted; 0 before, which no row has.
    var rowID: Int64 { id ?? 0 }

    var batch: ImportBatch {
        ImportBatch(
            id: id ?? 0, file: fileName, format: format, contentDigest: contentSha256 ?? "",
            recordedAt: Timestamp.date(recordedAt) ?? .distantPast, observations: observations)
    }
}

/// A row of `source`.
struct SourceRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "source"
    var id: Int64?
    var importId: Int64
    var kind: String
    var provider: String
    var title: String?
    var url: String?
    var published: String?
    var compiler: String?
    /// NULL for an outturn, so that the common case costs nothing.
    var status: String?
    var edition: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, provider, title, url, published, compiler, status, edition
        case importId = "import_id"
    }

    init(_ draft: SourceDraft, batch: Int64) {
        importId = batch
        kind = draft.kind.rawValue
        provider = draft.provider
        title = draft.title
        url = draft.url
        published = draft.published
        compiler = draft.compiler
        status = draft.status == .outturn ? nil : draft.status.rawValue
        edition = draft.edition
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The id once inserted; 0 before, which no row has.
    var rowID: Int64 { id ?? 0 }
}
