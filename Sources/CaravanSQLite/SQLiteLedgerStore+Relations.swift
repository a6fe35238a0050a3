import CaravanCore
import CaravanStore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func record(
        relations: [Staged<RelativeFigure>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    {
        try await record(rows: relations, sources: sources, file: file, digest: digest, recordedAt: recordedAt)
    }

    public func relativeFigures(between a: String, and b: String) async throws -> [RecordedRelativeFigure] {
        try await read { db in
            let sql = """
                SELECT r.*, s.id AS source_id, s.kind, s.provider, s.title, s.url, s.published, s.compiler, s.status, s.edition, b.recorded_at, b.file_name
                FROM relative_figure r JOIN source s ON s.id = r.source_id JOIN import_batch b ON b.id = s.import_id
                WHERE (r.reporter = ? AND r.partner = ?) OR (r.reporter = ? AND r.partner = ?) ORDER BY s.id, r.line
                """
            var periods = PeriodCache(anyYear: true)
            return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: [a, b, b, a]).map { row in
                let figure = RelativeFigure(
                    reporter: row["reporter"], partner: row["partner"], flow: TradeFlow(rawValue: row["flow"]) ?? .turnover,
                    commodity: row["commodity"], period: try periods.period(row["period"]), versus: try periods.period(row["versus"]),
                    ratio: row["ratio"], stated: RelativeFigure.Stated(rawValue: row["stated"]) ?? .ratio, note: row["note"])
                return RecordedRelativeFigure(figure, source: SQLiteObservationQuery.source(row), line: row["line"])
            }
        }
    }
}
