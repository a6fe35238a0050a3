import CaravanCore
import CaravanStore
import Foundation
import PostgresNIO

/// Reads stored figures with their sources and vintages, in the order SQLite gives them: the
/// pair's first direction, then the other, each in primary-key order.
enum PostgresObservationQuery {
    /// One commodity's figures, or with nil every figure at an HS level.
    static func pair(_ a: String, _ b: String, commodity: String?) -> PostgresQuery {
        let order = #"o.flow COLLATE "C", o.commodity COLLATE "C", o.period COLLATE "C", o.source_id"#
        if let commodity {
            return """
                \(unescaped: select) WHERE ((o.reporter = \(a) AND o.partner = \(b)) OR (o.reporter = \(b) AND o.partner = \(a)))
                AND o.commodity = \(commodity) ORDER BY o.reporter = \(a) DESC, \(unescaped: order)
                """
        }
        return """
            \(unescaped: select) WHERE ((o.reporter = \(a) AND o.partner = \(b)) OR (o.reporter = \(b) AND o.partner = \(a)))
            AND o.commodity ~ '^[0-9]' ORDER BY o.reporter = \(a) DESC, \(unescaped: order)
            """
    }

    private static let select = """
        SELECT o.reporter, o.partner, o.flow, o.commodity, o.period, o.value_usd, o.quantity_t, o.valuation, o.note, o.line,
               \(sourceColumns)
        FROM observation o
        JOIN source s ON s.id = o.source_id
        JOIN import_batch b ON b.id = s.import_id
        """

    /// The columns every query selecting a cited row ends with, each under a name of its own.
    static let sourceColumns = """
        s.id AS source_id, s.kind AS source_kind, s.provider AS source_provider, s.title AS source_title, s.url AS source_url,
        s.published AS source_published, s.compiler AS source_compiler, s.status AS source_status, s.edition AS source_edition,
        b.recorded_at AS source_recorded_at, b.file_name AS source_file_name
        """

    /// The figures a query selecting `select`'s columns answers.
    static func observations(_ query: PostgresQuery, in store: PostgresLedgerStore) async throws -> [RecordedObservation] {
        let logger = store.logger
        return try await store.withConnection { connection in
            var periods = PeriodCache(anyYear: true)
            var sources: [Int64: SourceRecord] = [:]
            var found: [RecordedObservation] = []
            for try await row in try await connection.query(query, logger: logger) {
                found.append(try decode(row, periods: &periods, sources: &sources))
            }
            return found
        }
    }

    /// One row; its source read once a query, as rows share a handful.
    static func decode(_ row: PostgresRow, periods: inout PeriodCache, sources: inout [Int64: SourceRecord]) throws -> RecordedObservation {
        let columns = row.makeRandomAccess()
        let observation = TradeObservation(
            reporter: try columns[0].decode(String.self), partner: try columns[1].decode(String.self),
            flow: TradeFlow(rawValue: try columns[2].decode(String.self)) ?? .export, commodity: try columns[3].decode(String.self),
            period: try periods.period(try columns[4].decode(String.self)), valueUSD: try columns[5].decode(Double.self),
            quantityT: try columns[6].decode(Double?.self), valuation: try columns[7].decode(String?.self).flatMap(Valuation.init(rawValue:)),
            note: try columns[8].decode(String?.self))
        let cited = PostgresColumns(columns, scope: sourceScope)
        let id = try cited.decode("id", as: Int64.self)
        let source = try sources[id] ?? Self.source(cited)
        sources[id] = source
        return RecordedObservation(observation, source: source, line: try columns[9].decode(Int64?.self).map(Int.init))
    }

    /// The names `sourceColumns` selects, as a scope; not its `select`, as two are the batch's.
    static let sourceScope = ColumnScope(
        "source", alias: "s",
        columns: ["id", "kind", "provider", "title", "url", "published", "compiler", "status", "edition", "recorded_at", "file_name"])

    /// The source of a row selecting `sourceColumns`.
    static func source(_ row: PostgresRandomAccessRow) throws -> SourceRecord {
        try source(PostgresColumns(row, scope: sourceScope))
    }

    private static func source(_ source: PostgresColumns) throws -> SourceRecord {
        SourceRecord(
            id: try source.decode("id"), kind: SourceKind(rawValue: try source.decode("kind", as: String.self)) ?? .figures,
            provider: try source.decode("provider"), title: try source.decode("title"), url: try source.decode("url"),
            published: try source.decode("published"), compiler: try source.decode("compiler"),
            status: try source.decode("status", as: String?.self).flatMap(FigureStatus.init(rawValue:)) ?? .outturn,
            edition: try source.decode("edition"), recordedAt: try source.decode("recorded_at"), file: try source.decode("file_name"))
    }
}
