import CaravanCore
import CaravanImport
import CaravanStore
import Crypto
import Foundation

/// Why a products or tariffs question cannot be answered.
public enum ProductError: Error, Sendable, CustomStringConvertible {
    case noNomenclature
    case noSchedule(reporter: String, partner: String, regimes: [String])
    case ambiguousRegime(reporter: String, regimes: [String])

    public var description: String {
        switch self {
        case .noNomenclature: "the HS nomenclature is not loaded"
        case .noSchedule(let reporter, let partner, let regimes):
            "no tariff schedule of \(reporter) for \(partner) is stored"
                + (regimes.isEmpty
                    ? "; import one (docs/products.md)" : "; \(reporter) has schedules for \(regimes.joined(separator: ", ")): give --regime")
        case .ambiguousRegime(let reporter, let regimes):
            "\(reporter) has schedules for \(regimes.joined(separator: ", ")); give --regime"
        }
    }
}

extension Workspace {
    /// The groups queries know: the bundled ones, then those imported, later files winning a name.
    public func groups() async throws -> ProductGroups {
        var groups = tables.groups
        for stored in try await store.documents(.groups).sorted(by: { $0.batch.id < $1.batch.id }) {
            groups = groups.merging(try ProductGroups(csv: stored.document.text))
        }
        return groups
    }

    /// What a pair trades over a period, product by product, with concentration and movers.
    public func products(
        _ query: TradeQuery, period: Period, versus: Period? = nil, level: ProductLevel = .chapter, top: Int = 10
    ) async throws -> ProductComposition {
        guard let nomenclature = tables.nomenclature else { throw ProductError.noNomenclature }
        let rows = try await productFigures(query.reporter, query.partner)
        return ProductComposition(query, period: period, versus: versus, level: level, top: top, rows: rows, nomenclature: nomenclature)
    }

    /// Checks a groups file and stores it; its groups join or replace those of the same names.
    func importGroups(_ path: String, as name: String, recordedAt: Date) async throws -> ImportResult {
        let text = try DocumentText.read(path: path, name: name)
        let groups: ProductGroups
        do { groups = try ProductGroups(csv: text) } catch {
            throw ImportError.invalidDocument(file: name, problems: [error.description])
        }
        let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let receipt = try await store.record(
            document: Document(kind: .groups, name: name, text: text), file: name, digest: digest, recordedAt: recordedAt)
        var summary = ImportSummary(file: name, format: .groups)
        summary.rowsRead = groups.groups.count
        summary.rowsStored = groups.groups.count
        summary.digest = digest
        return ImportResult(summary: summary, receipt: receipt)
    }
}
