import CaravanImport
import CaravanService
import CaravanStore

/// What an import did, as the API answers it: the importer's counts and the store's receipt.
public struct ImportAnswer: Sendable, Encodable {
    /// `stored`; `already_imported` when the same content is stored and current; `restored` when
    /// a document imported before, since superseded, was made current again.
    let status: String
    let file: String
    let format: String
    let rowsRead: Int
    let rowsStored: Int
    let derived: Int
    let skipped: [String: Int]
    let rejected: Int
    /// HS codes unknown to the nomenclature, kept, with how many rows carry each.
    let flagged: [String: Int]
    /// The batch the content is stored as.
    let batch: ImportBatch
    /// What the import means for what was stored before.
    let notes: [String]
    /// The scorecards' statuses it changed.
    let changes: [ChangeList.Entry]

    enum CodingKeys: String, CodingKey {
        case status, file, format, derived, skipped, rejected, flagged, batch, notes, changes
        case rowsRead = "rows_read"
        case rowsStored = "rows_stored"
    }

    public init(_ result: ImportResult) {
        switch result.receipt {
        case .stored(let batch): (status, self.batch) = ("stored", batch)
        case .alreadyImported(let batch): (status, self.batch) = ("already_imported", batch)
        case .restored(let batch, _): (status, self.batch) = ("restored", batch)
        }
        notes = result.notes
        changes = ChangeList(result.changes).changes
        file = result.summary.file
        format = result.summary.format.rawValue
        rowsRead = result.summary.rowsRead
        rowsStored = result.summary.rowsStored
        derived = result.summary.derived
        skipped = result.summary.skipped
        rejected = result.summary.rejected
        flagged = result.summary.flagged
    }

    /// Whether the import added anything: a new batch, or a document made current again.
    public var stored: Bool { status != "already_imported" }
}
