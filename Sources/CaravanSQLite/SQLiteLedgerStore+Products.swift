import CaravanCore
import CaravanStore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func products(between a: String, and b: String) async throws -> [RecordedObservation] {
        try await read { db in
            var periods = PeriodCache(anyYear: true)
            var sources: [Int64: SourceRecord] = [:]
            var rows: [RecordedObservation] = []
            // Digits sort below ':', letters above: the range keeps to HS codes and lets the key seek.
            let sql = SQLiteObservationQuery.sql.replacingOccurrences(of: "AND o.commodity = ?", with: "AND o.commodity >= '0' AND o.commodity < ':'")
            for (reporter, partner) in [(a, b), (b, a)] {
                let cursor = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: [reporter, partner])
                while let row = try cursor.next() { rows.append(try SQLiteObservationQuery.decode(row, periods: &periods, sources: &sources)) }
            }
            return rows
        }
    }

    public func record(
        tariffs: [Staged<TariffLine>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    {
        try await record(rows: tariffs, sources: sources, file: file, digest: digest, recordedAt: recordedAt)
    }

    public func tariffLines(reporter: String, regime: String) async throws -> [RecordedTariffLine] {
        try await read { db in
            let sql = """
                SELECT t.*, s.id AS source_id, s.kind, s.provider, s.title, s.url, s.published, s.compiler, s.status, s.edition, b.recorded_at, b.file_name
                FROM tariff_line t JOIN source s ON s.id = t.source_id JOIN import_batch b ON b.id = s.import_id
                WHERE t.reporter = ? AND t.regime = ? ORDER BY t.hs_code, t.effective_from, s.id
                """
            return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: [reporter, regime]).map { row in
                let tariff = TariffLine(
                    reporter: row["reporter"], regime: row["regime"], code: row["hs_code"], mfnPct: row["mfn_rate_pct"],
                    preferentialPct: row["preferential_rate_pct"], effectiveFrom: try Period(parsing: row["effective_from"]).days.lowerBound)
                return RecordedTariffLine(tariff, source: SQLiteObservationQuery.source(row), line: row["line"])
            }
        }
    }

    public func tariffRegimes(reporter: String) async throws -> [String] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT regime FROM tariff_line WHERE reporter = ? ORDER BY regime", arguments: [reporter])
        }
    }
}
