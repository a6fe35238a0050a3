import CaravanImport

/// What an import takes of a file beyond its rows: which part (a pair's rows out of an archive),
/// under which codes, and what answer of an API it is.
public struct FilePart: Sendable {
    /// Folded into the content digest, so that another part of the same file, or the same answer
    /// released again, is new to the store.
    public var selection: String?
    /// The most records the publisher hands out at once; a file holding that many is refused as cut off.
    public var recordLimit: Int?
    /// Code tables the file brings with it (an archive's own country table), instead of the bundled ones.
    public var tables: ReferenceTables?

    public init(selection: String? = nil, recordLimit: Int? = nil, tables: ReferenceTables? = nil) {
        self.selection = selection
        self.recordLimit = recordLimit
        self.tables = tables
    }
}
