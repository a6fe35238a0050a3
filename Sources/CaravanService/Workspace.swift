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
    /// The stored dossiers and networks as parsed, once per stored version.
    let parsed = ParsedDocuments()
    /// Scorecards worked out for the store's version and a day, shared by every answer that shows one.
    let scorecards = SharedScorecards()
    /// Whether answers may share a scorecard worked out for another (a server measuring cold answers shares none).
    public var sharesScorecards = true

    public init(store: any WorkspaceStore, tables: ReferenceTables = .bundled) {
        self.store = store
        self.tables = tables
    }

    /// Which database the store is: `sqlite` or `postgres`.
    public var storeKind: String { store.engine }
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
