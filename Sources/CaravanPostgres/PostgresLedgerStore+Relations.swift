import CaravanCore
import CaravanStore
import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    public func record(
        relations: [Staged<RelativeFigure>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    {
        try await record(rows: relations, sources: sources, file: file, digest: digest, recordedAt: recordedAt)
    }

    public func relativeFigures(between a: String, and b: String) async throws -> [RecordedRelativeFigure] {
        let select =
            "SELECT r.reporter, r.partner, r.flow, r.commodity, r.period, r.versus, r.ratio, r.stated, r.note, r.line, "
            + "\(PostgresObservationQuery.sourceColumns) FROM relative_figure r JOIN source s ON s.id = r.source_id "
            + "JOIN import_batch b ON b.id = s.import_id"
        let query: PostgresQuery = """
            \(unescaped: select) WHERE (r.reporter = \(a) AND r.partner = \(b)) OR (r.reporter = \(b) AND r.partner = \(a)) ORDER BY s.id, r.line
            """
        let logger = self.logger
        return try await withConnection { connection in
            var periods = PeriodCache(anyYear: true)
            var found: [RecordedRelativeFigure] = []
            for try await row in try await connection.query(query, logger: logger) {
                let columns = PostgresColumns(row)
                let figure = RelativeFigure(
                    reporter: try columns.decode("reporter"), partner: try columns.decode("partner"),
                    flow: TradeFlow(rawValue: try columns.decode("flow")) ?? .turnover, commodity: try columns.decode("commodity"),
                    period: try periods.period(try columns.decode("period")), versus: try periods.period(try columns.decode("versus")),
                    ratio: try columns.decode("ratio"), stated: RelativeFigure.Stated(rawValue: try columns.decode("stated")) ?? .ratio,
                    note: try columns.decode("note"))
                found.append(
                    RecordedRelativeFigure(
                        figure, source: try PostgresObservationQuery.source(columns.row),
                        line: try columns.decode("line", as: Int64?.self).map(Int.init)))
            }
            return found
        }
    }
}
