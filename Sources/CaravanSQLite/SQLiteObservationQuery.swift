import CaravanCore
import CaravanStore
import Foundation
import GRDB

/// Reads stored figures with their sources and vintages.
enum SQLiteObservationQuery {
    /// One direction of a pair for one commodity; `flow IN (…)` lets the primary key seek
    /// straight to each flow's rows instead of scanning the pair's products.
    static let sql = """
        SELECT o.reporter, o.partner, o.flow, o.commodity, o.period, o.value_usd, o.quantity_t, o.valuation, o.note,
               o.line, s.id AS source_id, s.kind, s.provider, s.title, s.url, s.published, s.compiler, s.status, s.edition, b.recorded_at, b.file_name
        FROM observation o
        JOIN source s ON s.id = o.source_id
        JOIN import_batch b ON b.id = s.import_id
        WHERE o.reporter = ? AND o.partner = ?
          AND o.flow IN ('export', 'import', 're-export', 're-import', 'turnover')
          AND o.commodity = ?
        """

    /// One row of `sql`, read by position; its source read once a query, as rows share a handful.
    static func decode(_ row: Row, periods: inout PeriodCache, sources: inout [Int64: SourceRecord]) throws -> RecordedObservation {
        let observation = TradeObservation(
            reporter: row[0], partner: row[1], flow: TradeFlow(rawValue: row[2]) ?? .export,
            commodity: row[3], period: try periods.period(row[4]), valueUSD: row[5],
            quantityT: row[6], valuation: (row[7] as String?).flatMap(Valuation.init(rawValue:)), note: row[8])
        let id: Int64 = row[10]
        let source = sources[id] ?? Self.source(row)
        sources[id] = source
        return RecordedObservation(observation, source: source, line: row[9])
    }

    /// The source columns every query selects: `source_id, kind, provider, title, url, published, compiler, status, edition, recorded_at, file_name`.
    static func source(_ row: Row) -> SourceRecord {
        SourceRecord(
            id: row["source_id"], kind: SourceKind(rawValue: row["kind"]) ?? .figures, provider: row["provider"],
            title: row["title"], url: row["url"], published: row["published"], compiler: row["compiler"],
            status: (row["status"] as String?).flatMap(FigureStatus.init(rawValue:)) ?? .outturn, edition: row["edition"],
            recordedAt: Timestamp.date(row["recorded_at"]) ?? .distantPast, file: row["file_name"])
    }
}
