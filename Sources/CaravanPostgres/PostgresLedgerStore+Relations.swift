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
                let columns = row.makeRandomAccess()
                let figure = RelativeFigure(
                    reporter: try columns[0].decode(String.self), partner: try columns[1].decode(String.self),
                    flow: TradeFlow(rawValue: try columns[2].decode(String.self)) ?? .turnover, commodity: try columns[3].decode(String.self),
                    period: try periods.period(try columns[4].decode(String.self)), versus: try periods.period(try columns[5].decode(String.self)),
                    ratio: try columns[6].decode(Double.self), stated: RelativeFigure.Stated(rawValue: try columns[7].decode(String.self)) ?? .ratio,
                    note: try columns[8].decode(String?.self))
                found.append(
                    RecordedRelativeFigure(
                        figure, source: try PostgresObservationQuery.source(columns, from: 10), line: try columns[9].decode(Int64?.self).map(Int.init)
                    ))
            }
            return found
        }
    }
}
