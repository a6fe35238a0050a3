import CaravanCore

/// Reads the figures CSV: one published figure a row, with its source, URL, date and quote
/// (`reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote`,
/// and the optional `compiler` — whose statistics the source quotes — and `status`, outturn by default).
final class FiguresParser: RowParser {
    static let columns = [
        "reporter", "partner", "flow", "commodity", "period", "value_usd", "quantity_t", "valuation", "source", "url",
        "published", "quote",
    ]

    let tables: ReferenceTables
    private var periods = PeriodCache()
    /// The distinct sources the rows cite, in order of first appearance.
    private(set) var sources: [SourceDraft] = []
    private var sourceIndex: [SourceDraft: Int] = [:]
    private var firstLine: [Key: Int] = [:]

    private struct Key: Hashable {
        let reporter: String, partner: String, flow: TradeFlow, commodity: String, period: Period, source: Int
    }

    init(tables: ReferenceTables) { self.tables = tables }

    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<TradeObservation> { parse(fields, line: line) }

    func parse(_ row: some NamedFields, line: Int) -> RowOutcome<TradeObservation> {
        var problems: [FieldProblem] = []
        let (reporter, partner, flow, commodity) = TradeColumns.read(row, tables: tables, problems: &problems)
        var period: Period?
        do throws(PeriodError) { period = try periods.period(row.text("period")) } catch {
            problems.append(FieldProblem("period", error.description))
        }
        let value = Check.value(row.number("value_usd"), field: "value_usd", problems: &problems)
        let quantity = Check.quantity(row.number("quantity_t"), field: "quantity_t", problems: &problems)
        let valuationText = row.text("valuation").uppercased()
        let valuation = Valuation(rawValue: valuationText)
        if valuation == nil && !valuationText.isEmpty { problems.append(FieldProblem("valuation", "'\(valuationText)'; expected FOB, CIF or empty")) }
        let source = self.source(row, &problems)
        guard problems.isEmpty, let flow, let period else { return .invalid(problems) }
        let key = Key(reporter: reporter, partner: partner, flow: flow, commodity: commodity, period: period, source: source)
        if let first = firstLine[key] { return .invalid([FieldProblem("period", "the same figure from the same source as line \(first)")]) }
        firstLine[key] = line
        let quote = row.text("quote")
        let observation = TradeObservation(
            reporter: reporter, partner: partner, flow: flow, commodity: commodity, period: period, valueUSD: value,
            quantityT: quantity, valuation: valuation, note: quote.isEmpty ? nil : quote)
        return .record(observation, source: source)
    }

    private func source(_ row: some NamedFields, _ problems: inout [FieldProblem]) -> Int {
        SourceColumns.source(row, kind: .figures, problems: &problems, sources: &sources, index: &sourceIndex)
    }
}

/// The `reporter,partner,flow,commodity` columns a published figure and a relation share.
enum TradeColumns {
    static func read(
        _ row: some NamedFields, tables: ReferenceTables, problems: inout [FieldProblem]
    ) -> (reporter: String, partner: String, flow: TradeFlow?, commodity: String) {
        let reporter = Check.country(row.text("reporter"), field: "reporter", in: tables, problems: &problems)
        let partner = Check.country(row.text("partner"), field: "partner", in: tables, problems: &problems)
        if reporter == partner && !reporter.isEmpty { problems.append(FieldProblem("partner", "the same as the reporter")) }
        let flow = TradeFlow(rawValue: row.text("flow"))
        if flow == nil {
            problems.append(FieldProblem("flow", "unknown flow '\(row.text("flow"))'; expected export, import, re-export, re-import or turnover"))
        }
        let commodity = row.text("commodity").isEmpty ? CommodityCode.total : row.text("commodity")
        if let problem = CommodityCode.problem(with: commodity) { problems.append(FieldProblem("commodity", problem)) }
        return (reporter, partner, flow, commodity)
    }
}

extension FigureStatus {
    /// The optional `status` column: empty for an outturn.
    static func read(_ row: some NamedFields, problems: inout [FieldProblem]) -> FigureStatus {
        let text = row.text("status").lowercased()
        if text.isEmpty { return .outturn }
        if let status = FigureStatus(rawValue: text) { return status }
        let known = FigureStatus.allCases.map(\.rawValue)
        problems.append(FieldProblem("status", "'\(row.text("status"))'; expected \(known.dropLast().joined(separator: ", ")) or \(known.last!)"))
        return .outturn
    }
}

/// The `source,url,published` columns published figures and flows share, with the optional
/// `compiler` and `status`: a source is one outlet's page, for one compiler's figures of one status.
enum SourceColumns {
    /// The row's source as an index into `sources`, adding it when new.
    static func source(
        _ row: some NamedFields, kind: SourceKind, problems: inout [FieldProblem], sources: inout [SourceDraft], index: inout [SourceDraft: Int]
    ) -> Int {
        let provider = row.text("source")
        if provider.isEmpty { problems.append(FieldProblem("source", "empty; every figure names its source")) }
        let url = row.text("url")
        if !url.isEmpty && !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            problems.append(FieldProblem("url", "'\(url)' is not an http(s) address"))
        }
        let published = row.text("published")
        if !published.isEmpty {
            do throws(PeriodError) {
                let date = try Period(parsing: published)
                if date.calendar != .gregorian || !date.isSingleUnit || date.grain == .quarter {
                    problems.append(FieldProblem("published", "'\(published)'; expected a date YYYY-MM-DD (or YYYY-MM, YYYY)"))
                }
            } catch { problems.append(FieldProblem("published", error.description)) }
        }
        let compiler = row.text("compiler")
        let draft = SourceDraft(
            kind: kind, provider: provider, url: url.isEmpty ? nil : url, published: published.isEmpty ? nil : published,
            compiler: compiler.isEmpty ? nil : compiler, status: FigureStatus.read(row, problems: &problems))
        if let known = index[draft] { return known }
        sources.append(draft)
        index[draft] = sources.count - 1
        return sources.count - 1
    }
}
