import CaravanCore
import CaravanData
import CaravanImport
import CaravanStore
import Foundation

/// What every command and endpoint works on: the store (figures, networks, flows) and the code
/// tables everything is checked against.
public struct Workspace: Sendable {
    public let store: any LedgerStore
    public let tables: ReferenceTables

    public init(store: any LedgerStore, tables: ReferenceTables = .bundled) {
        self.store = store
        self.tables = tables
    }

    /// A workspace in a SQLite file, created if need be.
    public static func sqlite(path: String) throws -> Workspace {
        Workspace(store: try SQLiteLedgerStore(path: path))
    }
}

extension ReferenceTables {
    /// The tables shipped in Data/reference.
    public static let bundled = ReferenceTables(
        countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV)
}
