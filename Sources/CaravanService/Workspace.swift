import CaravanCore
import CaravanData
import CaravanImport
import CaravanStore
import Foundation

/// What every command and endpoint works on: the store (figures, networks, flows, tokens) and the
/// code tables everything is checked against.
public struct Workspace: Sendable {
    /// The database behind the façade: the service's own. Other modules go through the
    /// workspace's methods; tests in the package reach it to set up and inspect.
    package let store: any WorkspaceStore
    /// The code tables, read on first use: a command answered from a kept answer never needs them.
    public var tables: ReferenceTables { lazyTables.value }
    private let lazyTables: Lazy<ReferenceTables>
    /// The stored dossiers and networks as parsed, once per stored version.
    let parsed = ParsedDocuments()
    /// Scorecards worked out for the store's version and a day, shared by every answer that shows one.
    let scorecards = SharedScorecards()
    /// Whether answers may share a scorecard worked out for another (a server measuring cold answers shares none).
    public var sharesScorecards = true

    public init(store: any WorkspaceStore, tables: @escaping @autoclosure @Sendable () -> ReferenceTables = .bundled) {
        self.store = store as? NotedStore ?? NotedStore(base: store)
        lazyTables = Lazy(tables)
    }

    /// Which database the store is: `sqlite` or `postgres`.
    public var storeKind: String { store.engine }

    /// Whether a batch after `batch` stored anything of `subjects`: an answer that read only them stands if not.
    public func stored(_ subjects: Set<LedgerSubject>, after batch: Int64) async throws -> Bool {
        try await store.stored(subjects, after: batch)
    }

    /// The last batch stored, which changes whenever anything is stored; nil for an empty store.
    public func lastBatch() async throws -> Int64? {
        try await store.version()?.lastBatch
    }

    /// Whether the database answers: it throws the store's error when it does not.
    public func checkStore() async throws {
        // The tokens: a small table every schema has, read at once.
        _ = try await store.tokens()
    }

    /// Releases the store's connections; the workspace is not used afterwards.
    public func close() async {
        await store.close()
    }
}

extension ReferenceTables {
    /// The tables shipped in Data/reference.
    public static let bundled = ReferenceTables(
        countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV,
        nomenclature: HSNomenclature(codesCSV: BundledData.harmonizedSystemCSV, sectionsCSV: BundledData.hsSectionsCSV),
        groups: bundledGroups, blocs: Blocs(csv: BundledData.blocsCSV))

    /// The bundled groups: part of the build and read by a test, so a failure here is a broken build, said plainly.
    private static var bundledGroups: ProductGroups {
        do { return try ProductGroups(csv: BundledData.productGroupsCSV) } catch {
            fatalError("Data/groups/product-groups.csv is broken: \(error)")
        }
    }
}
