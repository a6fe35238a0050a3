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
               o.line, s.id AS source_id, s.kind, s.provider, s.title, s.url, s.published, s.compiler, s.status, b.recorded_at, b.file_name
        FROM observation o
        JOIN source s ON s.id = o.source_id
        JOIN import_batch b ON b.id = s.import_id
        WHERE o.reporter = ? AND o.partner = ?
          AND o.flow IN ('export', 'import', 're-export', 're-import', 'turnover')
          AND o.commodity = ?
        """

    static func decode(_ row: Row, periods: inout PeriodCache) throws -> RecordedObservation {
        let observation = TradeObservation(
            reporter: row["reporter"], partner: row["partner"], flow: TradeFlow(rawValue: row["flow"]) ?? .export,
            commodity: row["commodity"], period: try periods.period(row["period"]), valueUSD: row["value_usd"],
            quantityT: row["quantity_t"], valuation: (row["valuation"] as String?).flatMap(Valuation.init(rawValue:)),
            note: row["note"])
        return RecordedObservation(observation, source: source(row), line: row["line"])
    }

    /// The source columns every query selects: `source_id, kind, provider, title, url, published, compiler, status, recorded_at, file_name`.
    static func source(_ row: Row) -> SourceRecord {
        SourceRecord(
            id: row["source_id"], kind: SourceKind(rawValue: row["kind"]) ?? .figures, provider: row["provider"],
            title: row["title"], url: row["url"], published: row["published"], compiler: row["compiler"],
            status: (row["status"] as String?).flatMap(FigureStatus.init(rawValue:)) ?? .outturn,
            recordedAt: Timestamp.date(row["recorded_at"]) ?? .distantPast, file: row["file_name"])
    }
}
