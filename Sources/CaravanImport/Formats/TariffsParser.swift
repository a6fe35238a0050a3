import CaravanCore

/// Reads a tariff schedule CSV: one entry a row, the duty a reporter levies on an HS code of any
/// level from a partner or under a regime, from a date, with its source
/// (`reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url`).
final class TariffsParser: RowParser {
    static let columns = [
        "reporter", "partner_or_regime", "hs_code", "mfn_rate_pct", "preferential_rate_pct", "effective_from", "source", "url",
    ]
    /// Rates above this are taken for typing errors (no ad valorem duty is that high).
    static let highestRate = 1_000.0

    let tables: ReferenceTables
    /// Read once: every row's code is checked against it.
    let nomenclature: HSNomenclature?
    private(set) var sources: [SourceDraft] = []
    private var sourceIndex: [SourceDraft: Int] = [:]
    private var firstLine: [Key: Int] = [:]

    private struct Key: Hashable {
        let reporter: String, regime: String, code: String, from: Day
    }

    init(tables: ReferenceTables) {
        self.tables = tables
        nomenclature = tables.nomenclature
    }

    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<TariffLine> {
        var problems: [FieldProblem] = []
        let reporter = Check.country(fields.text("reporter"), field: "reporter", in: tables, problems: &problems)
        let regime = fields.text("partner_or_regime")
        if regime.isEmpty { problems.append(FieldProblem("partner_or_regime", "empty; expected a partner (IRN) or a regime (EAEU-IRN-FTA)")) }
        let code = Self.check(fields.text("hs_code"), in: nomenclature, problems: &problems)
        let mfn = Self.rate(fields, "mfn_rate_pct", required: true, problems: &problems)
        let preferential = Self.rate(fields, "preferential_rate_pct", required: false, problems: &problems)
        var from: Day?
        let date = fields.text("effective_from")
        do throws(PeriodError) {
            let day = try Period(parsing: date)
            if day.grain == .day && day.isSingleUnit {
                from = day.days.lowerBound
            } else {
                problems.append(FieldProblem("effective_from", "'\(date)'; expected a day such as 2025-05-15 or SH1404-02-25"))
            }
        } catch { problems.append(FieldProblem("effective_from", error.description)) }
        let source = SourceColumns.source(fields, kind: .tariffs, problems: &problems, sources: &sources, index: &sourceIndex)
        guard problems.isEmpty, let from else { return .invalid(problems) }
        let key = Key(reporter: reporter, regime: regime, code: code, from: from)
        if let first = firstLine[key] {
            return .invalid([FieldProblem("hs_code", "\(code) from \(date) is already given on line \(first): a line has one rate a date")])
        }
        firstLine[key] = line
        return .record(
            TariffLine(reporter: reporter, regime: regime, code: code, mfnPct: mfn ?? 0, preferentialPct: preferential, effectiveFrom: from),
            source: source)
    }

    /// A code the nomenclature has, its digits only: schedules write 1001.11 as often as 100111,
    /// and an entry for an unknown line could never apply.
    private static func check(_ text: String, in nomenclature: HSNomenclature?, problems: inout [FieldProblem]) -> String {
        let code = text.filter { $0 != "." && $0 != " " }
        guard [2, 4, 6].contains(code.count), code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
            problems.append(FieldProblem("hs_code", "'\(text)'; expected an HS code of 2, 4 or 6 digits (national lines of 8 or 10 are not read)"))
            return code
        }
        if let nomenclature, !nomenclature.contains(code) {
            problems.append(FieldProblem("hs_code", "\(code) is not a code of \(nomenclature.edition)"))
        }
        return code
    }

    private static func rate(_ fields: CSVFields, _ field: String, required: Bool, problems: inout [FieldProblem]) -> Double? {
        guard let value = fields.number(field) else {
            if required { problems.append(FieldProblem(field, "empty; expected a rate in percent")) }
            return nil
        }
        if value.isNaN || value < 0 || value > highestRate {
            problems.append(FieldProblem(field, "'\(fields.text(field))'; expected a rate in percent from 0 to 1,000"))
        }
        return value
    }
}

extension FileImport where Record == TariffLine {
    /// Opens a tariff schedule CSV.
    public convenience init(tariffsAt location: String, name: String? = nil, tables: ReferenceTables) throws(ImportError) {
        let opened = try OpenedFile(location, name: name)
        let format = try ImportFormat.detect(opened.sniff, requested: .tariffs, file: opened.name)
        try self.init(opened: opened, format: format, parser: TariffsParser(tables: tables), policy: .fail)
    }
}
