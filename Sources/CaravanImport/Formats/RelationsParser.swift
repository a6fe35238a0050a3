import CaravanCore

/// Reads the relations CSV: one figure stated against a base period a row — a growth rate or a
/// multiple — with its source and quote
/// (`reporter,partner,flow,commodity,period,versus,change_pct,ratio,source,url,published,quote`,
/// exactly one of `change_pct` and `ratio`, and the optional `compiler` and `status`).
final class RelationsParser: RowParser {
    static let columns = [
        "reporter", "partner", "flow", "commodity", "period", "versus", "change_pct", "ratio", "source", "url", "published", "quote",
    ]

    let tables: ReferenceTables
    private var periods = PeriodCache()
    private(set) var sources: [SourceDraft] = []
    private var sourceIndex: [SourceDraft: Int] = [:]
    private var firstLine: [Key: Int] = [:]

    private struct Key: Hashable {
        let reporter: String, partner: String, flow: TradeFlow, commodity: String, period: Period, versus: Period, source: Int
    }

    init(tables: ReferenceTables) { self.tables = tables }

    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<RelativeFigure> {
        var problems: [FieldProblem] = []
        let (reporter, partner, flow, commodity) = TradeColumns.read(fields, tables: tables, problems: &problems)
        let period = self.period(fields, "period", &problems)
        let versus = self.period(fields, "versus", &problems)
        if let period, let versus, period.days.overlaps(versus.days) {
            problems.append(FieldProblem("versus", "\(versus) overlaps the period \(period); a base period comes before or after it"))
        }
        let stated = Self.ratio(fields, &problems)
        let source = SourceColumns.source(fields, kind: .figures, problems: &problems, sources: &sources, index: &sourceIndex)
        guard problems.isEmpty, let flow, let period, let versus, let stated else { return .invalid(problems) }
        let key = Key(reporter: reporter, partner: partner, flow: flow, commodity: commodity, period: period, versus: versus, source: source)
        if let first = firstLine[key] { return .invalid([FieldProblem("period", "the same relation from the same source as line \(first)")]) }
        firstLine[key] = line
        let quote = fields.text("quote")
        return .record(
            RelativeFigure(
                reporter: reporter, partner: partner, flow: flow, commodity: commodity, period: period, versus: versus, ratio: stated.ratio,
                stated: stated.how, note: quote.isEmpty ? nil : quote),
            source: source)
    }

    private func period(_ fields: CSVFields, _ field: String, _ problems: inout [FieldProblem]) -> Period? {
        do throws(PeriodError) { return try periods.period(fields.text(field)) } catch {
            problems.append(FieldProblem(field, error.description))
            return nil
        }
    }

    /// The ratio a row states, from exactly one of `change_pct` (−100 to 10,000) and `ratio` (0 to 1,000).
    private static func ratio(_ fields: CSVFields, _ problems: inout [FieldProblem]) -> (ratio: Double, how: RelativeFigure.Stated)? {
        let change = fields.number("change_pct")
        let ratio = fields.number("ratio")
        switch (change, ratio) {
        case (nil, nil), (.some, .some):
            let text = fields.text("change_pct").isEmpty && fields.text("ratio").isEmpty ? "both empty" : "both given"
            problems.append(FieldProblem("change_pct", "\(text); a row states exactly one of change_pct (up 40% is 40) and ratio (doubled is 2)"))
            return nil
        case (let change?, nil):
            if let problem = Plausible.problem(change, Plausible.changePct, unit: "percent") {
                problems.append(FieldProblem("change_pct", problem))
                return nil
            }
            return (1 + change / 100, .change)
        case (nil, let ratio?):
            if let problem = Plausible.problem(ratio, Plausible.ratio) {
                problems.append(FieldProblem("ratio", problem))
                return nil
            }
            return (ratio, .ratio)
        }
    }
}

extension FileImport where Record == RelativeFigure {
    /// Opens a relations CSV.
    public convenience init(relationsAt location: String, name: String? = nil, tables: ReferenceTables) throws(ImportError) {
        let opened = try OpenedFile(location, name: name)
        let format = try ImportFormat.detect(opened.sniff, requested: .relations, file: opened.name)
        try self.init(opened: opened, format: format, parser: RelationsParser(tables: tables), policy: .fail)
    }
}
