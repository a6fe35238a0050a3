import CaravanCore
import CaravanImport
import CaravanStore
import Foundation

extension Workspace {
    /// Checks a relations CSV (growth rates and multiples against a base period) and stores it as one batch.
    func importRelations(_ path: String, as name: String, recordedAt: Date) async throws -> ImportResult {
        let file = try FileImport<RelativeFigure>(relationsAt: path, name: name, tables: tables)
        var relations: [Staged<RelativeFigure>] = []
        while let relation = try file.next() { relations.append(relation) }
        do {
            let receipt = try await store.record(
                relations: relations, sources: file.sources, file: name, digest: file.summary.digest ?? "", recordedAt: recordedAt)
            return ImportResult(summary: file.summary, receipt: receipt)
        } catch StoreError.duplicate(let line, let reason) {
            throw ImportError.invalidRows(file: name, problems: [RowProblem(file: name, line: line ?? 0, field: "period", reason: reason)], count: 1)
        }
    }

    /// The growth rates and multiples stated for a pair, either way round, all vintages.
    public func relativeFigures(between a: String, and b: String) async throws -> [RecordedRelativeFigure] {
        try await store.relativeFigures(between: a, and: b)
    }
}
