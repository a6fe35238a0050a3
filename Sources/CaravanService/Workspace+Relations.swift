import CaravanCore
import CaravanImport
import CaravanStore
import Foundation

extension Workspace {
    /// Checks a relations CSV (growth rates and multiples against a base period) and stores it as one batch.
    func importRelations(_ path: String, as name: String, recordedAt: Date) async throws -> ImportResult {
        let file = try FileImport<RelativeFigure>(relationsAt: path, name: name, tables: tables)
        return try await storeRows(of: file, as: name, field: "period") { rows, sources, digest in
            try await store.record(relations: rows, sources: sources, file: name, digest: digest, recordedAt: recordedAt)
        }
    }

    /// The growth rates and multiples stated for a pair, either way round, all vintages.
    public func relativeFigures(between a: String, and b: String) async throws -> [RecordedRelativeFigure] {
        try await store.relativeFigures(between: a, and: b)
    }
}
