/// What happens to rows that fail validation.
public enum InvalidRowPolicy: Sendable, Equatable {
    /// The whole file is refused and nothing is stored.
    case fail
    /// The valid rows are stored; the rejected ones are written, with their reasons, to this file.
    case skip(rejectedFile: String)
}

/// What an import read, stored and left out, and why.
public struct ImportSummary: Sendable, Equatable {
    public var file: String
    public var format: ImportFormat
    public var rowsRead = 0
    /// Figures handed to the store, read from rows.
    public var rowsStored = 0
    /// Figures the importer derived (BACI pair totals).
    public var derived = 0
    /// Rows left out on purpose, by reason.
    public var skipped: [String: Int] = [:]
    /// HS codes unknown to the nomenclature's edition, kept, with how many rows carry each.
    public var flagged: [String: Int] = [:]
    /// The code list `flagged` was checked against: HS 2022, or a BACI archive's own product table.
    public var flaggedAgainst = "HS 2022"
    /// Rows that failed validation and were written to `rejectedFile`.
    public var rejected = 0
    public var rejectedFile: String?
    /// SHA-256 of the content, once it has all been read.
    public var digest: String?

    public var skippedCount: Int { skipped.values.reduce(0, +) }

    public init(file: String, format: ImportFormat) {
        self.file = file
        self.format = format
    }
}
