import CaravanCore
import CaravanData
import CaravanImport
import CaravanStore
import Foundation

/// What every command and endpoint works on: the store (figures, networks, flows, tokens) and the
/// code tables everything is checked against.
public struct Workspace: Sendable {
    public let store: any WorkspaceStore
    public let tables: ReferenceTables

    public init(store: any WorkspaceStore, tables: ReferenceTables = .bundled) {
        self.store = store
        self.tables = tables
    }

    /// The workspace in a SQLite file (migrated if need be, and created when `create` is true) or
    /// a PostgreSQL database (migrated beforehand with `caravan migrate`). A write waits for
    /// another's up to `wait.limit`, then is refused as busy.
    public static func open(
        _ location: StoreLocation, create: Bool = true, waitLimit: Duration = .seconds(60), onWait: @escaping @Sendable () -> Void = {}
    ) async throws -> Workspace {
        switch location {
        case .sqlite(let path):
            Workspace(store: try SQLiteLedgerStore(path: path, create: create, wait: .init(limit: waitLimit, onWait: onWait)))
        case .postgres(let url): Workspace(store: try await PostgresLedgerStore.open(url: url, wait: waitLimit))
        }
    }

    /// Which database the store is: `sqlite` or `postgres`.
    public var storeKind: String { store is PostgresLedgerStore ? "postgres" : "sqlite" }

    /// Brings the database's schema up to date; returns the migrations applied.
    public static func migrate(_ location: StoreLocation) async throws -> [String] {
        switch location {
        case .sqlite(let path): try SQLiteLedgerStore.migrate(path: path)
        case .postgres(let url): try await PostgresLedgerStore.migrate(url: url)
        }
    }
}

/// Where a workspace is kept.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file: the embedded default.
    case sqlite(path: String)
    /// A PostgreSQL database, by libpq-style URL.
    case postgres(url: String)

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): PostgresLedgerStore.redact(url)
        }
    }
}

extension ReferenceTables {
    /// The tables shipped in Data/reference.
    public static let bundled = ReferenceTables(
        countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV,
        nomenclature: HSNomenclature(codesCSV: BundledData.harmonizedSystemCSV, sectionsCSV: BundledData.hsSectionsCSV),
        // The bundled file is part of the build, and a test reads it: it does not fail here.
        groups: (try? ProductGroups(csv: BundledData.productGroupsCSV)) ?? ProductGroups())
}
