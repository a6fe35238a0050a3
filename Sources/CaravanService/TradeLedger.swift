import CaravanCore
import CaravanData
import CaravanImport
import CaravanStore
import Foundation

/// The trade ledger behind every command and endpoint: a store and the code tables its figures
/// are checked against.
public struct TradeLedger: Sendable {
    public let store: any LedgerStore
    public let tables: ReferenceTables

    public init(store: any LedgerStore, tables: ReferenceTables = .bundled) {
        self.store = store
        self.tables = tables
    }

    /// The ledger in a SQLite file, created if need be.
    public static func sqlite(path: String) throws -> TradeLedger {
        TradeLedger(store: try SQLiteLedgerStore(path: path))
    }
}

extension ReferenceTables {
    /// The tables shipped in Data/reference.
    public static let bundled = ReferenceTables(
        countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV)
}
