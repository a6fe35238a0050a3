import CaravanCore
import CaravanStore
import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    public func products(between a: String, and b: String) async throws -> [RecordedObservation] {
        try await PostgresObservationQuery.observations(PostgresObservationQuery.pair(a, b, commodity: nil), in: self)
    }

    public func record(
        tariffs: [Staged<TariffLine>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    {
        try await record(rows: tariffs, sources: sources, file: file, digest: digest, recordedAt: recordedAt)
    }

    public func tariffLines(reporter: String, regime: String) async throws -> [RecordedTariffLine] {
        let query: PostgresQuery = """
            SELECT t.reporter, t.regime, t.hs_code, t.effective_from, t.mfn_rate_pct, t.preferential_rate_pct, t.line,
                   \(unescaped: PostgresObservationQuery.sourceColumns)
            FROM tariff_line t JOIN source s ON s.id = t.source_id JOIN import_batch b ON b.id = s.import_id
            WHERE t.reporter = \(reporter) AND t.regime = \(regime)
            ORDER BY t.hs_code COLLATE "C", t.effective_from COLLATE "C", s.id
            """
        let logger = self.logger
        return try await withConnection { connection in
            var found: [RecordedTariffLine] = []
            for try await row in try await connection.query(query, logger: logger) {
                let columns = PostgresColumns(row)
                let tariff = TariffLine(
                    reporter: try columns.decode("reporter"), regime: try columns.decode("regime"), code: try columns.decode("hs_code"),
                    mfnPct: try columns.decode("mfn_rate_pct"), preferentialPct: try columns.decode("preferential_rate_pct"),
                    effectiveFrom: try Period(parsing: try columns.decode("effective_from")).days.lowerBound)
                found.append(
                    RecordedTariffLine(
                        tariff, source: try PostgresObservationQuery.source(columns.row),
                        line: try columns.decode("line", as: Int64?.self).map(Int.init)))
            }
            return found
        }
    }

    public func tariffRegimes(reporter: String) async throws -> [String] {
        let query: PostgresQuery = #"SELECT regime FROM tariff_line WHERE reporter = \#(reporter) GROUP BY regime ORDER BY regime COLLATE "C""#
        let logger = self.logger
        return try await withConnection { connection in
            var regimes: [String] = []
            for try await regime in try await connection.query(query, logger: logger).decode(String.self) { regimes.append(regime) }
            return regimes
        }
    }
}
