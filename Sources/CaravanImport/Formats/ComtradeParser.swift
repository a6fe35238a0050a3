import CaravanCore

/// Reads UN Comtrade API v1 records (JSON objects, CSV or bulk TSV rows: the same 47 fields).
/// Keeps the totals rows; breakdowns by second partner, mode of transport or customs procedure
/// repeat them and are skipped, so nothing is counted twice.
final class ComtradeParser: RowParser {
    let tables: ReferenceTables
    /// One source for each HS edition the file's rows come in, as a reporter's years may differ.
    private(set) var sources: [SourceDraft] = []
    private var sourceByClassification: [String: Int] = [:]
    private let file: String
    private var periods = PeriodCache()

    init(tables: ReferenceTables, file: String) {
        self.tables = tables
        self.file = file
    }

    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<TradeObservation> { parse(fields) }

    func parse(object: JSONFields) -> RowOutcome<TradeObservation> { parse(object) }

    static func source(file: String, edition: String? = nil) -> SourceDraft {
        SourceDraft(kind: .comtrade, provider: "UN Comtrade", title: file, url: "https://comtradeplus.un.org/", edition: edition)
    }

    /// The source of rows in `classification` (`H5`), added on first use.
    private func source(classification: String) -> Int {
        if let index = sourceByClassification[classification] { return index }
        sources.append(Self.source(file: file, edition: HSEdition.comtrade(classification)))
        sourceByClassification[classification] = sources.count - 1
        return sources.count - 1
    }

    /// Comtrade's flow codes; the sub-flows (DX domestic exports, FM foreign imports, processing
    /// flows) are parts of the main ones.
    private static let flows: [String: TradeFlow] = ["M": .import, "X": .export, "RM": .reImport, "RX": .reExport]
    private static let subFlows: Set<String> = ["DX", "FM", "MIP", "MOP", "XIP", "XOP", "MTP", "XTP", "MFR", "XFR"]

    func parse(_ row: some NamedFields) -> RowOutcome<TradeObservation> {
        if let skip = Self.breakdown(row) { return .skipped(skip) }
        let typeCode = row.text("typeCode")
        if typeCode == "S" { return .skipped("services trade (typeCode S), not goods") }
        let classification = row.text("classificationCode")
        if !classification.isEmpty && !classification.hasPrefix("H") {
            return .skipped("not an HS classification (SITC or BEC)")
        }
        let flowCode = row.text("flowCode")
        if Self.subFlows.contains(flowCode) { return .skipped("a sub-flow (DX, FM, processing) that is part of a main flow") }
        var problems: [FieldProblem] = []
        let flow = Self.flows[flowCode]
        if flow == nil { problems.append(FieldProblem("flowCode", "unknown flow code '\(flowCode)'; expected M, X, RM or RX")) }
        guard let reporter = economy(row, "reporter", &problems), let partner = economy(row, "partner", &problems) else {
            return .skipped("an area not elsewhere specified, not an economy")
        }
        let period = self.period(row, &problems)
        let commodity = row.text("cmdCode")
        if let problem = CommodityCode.problem(with: commodity) { problems.append(FieldProblem("cmdCode", problem)) }
        let value = Check.value(
            row.number("primaryValue") ?? row.number("cifvalue") ?? row.number("fobvalue"), field: "primaryValue", problems: &problems)
        let weight = Check.quantity(row.number("netWgt"), field: "netWgt", scale: 0.001, problems: &problems)
        guard problems.isEmpty, let flow, let period else { return .invalid(problems) }
        let valuation: Valuation? = row.number("cifvalue") != nil ? .cif : row.number("fobvalue") != nil ? .fob : nil
        let observation = TradeObservation(
            reporter: reporter, partner: partner, flow: flow, commodity: commodity, period: period, valueUSD: value,
            quantityT: weight.flatMap { $0 > 0 ? $0 / 1000 : nil }, valuation: valuation)
        return .record(observation, source: source(classification: classification))
    }

    /// The reason to skip a breakdown row, or nil for a totals row.
    private static func breakdown(_ row: some NamedFields) -> String? {
        let partner2 = row.text("partner2Code")
        if !partner2.isEmpty && partner2 != "0" { return "breakdown by second partner (partner2Code not 0)" }
        let mode = row.text("motCode")
        if !mode.isEmpty && mode != "0" { return "breakdown by mode of transport (motCode not 0)" }
        let customs = row.text("customsCode")
        if !customs.isEmpty && customs != "C00" { return "breakdown by customs procedure (customsCode not C00)" }
        return nil
    }

    /// The ISO code of the reporter or partner; World is `WLD`; nil for an area "nes".
    private func economy(_ row: some NamedFields, _ role: String, _ problems: inout [FieldProblem]) -> String? {
        let code = row.text(role + "Code")
        let iso = row.text(role + "ISO")
        if code == "0" || iso == "W00" { return CountryRegistry.world }
        if !tables.countries.contains(iso) {
            let name = row.text(role + "Desc").lowercased()
            if name.contains("nes") || name.contains("n.e.s") || name.contains("bunkers") || name.contains("free zones")
                || name.contains("special categories")
            {
                return nil
            }
        }
        return Check.country(iso, field: role + "ISO", in: tables, problems: &problems)
    }

    private func period(_ row: some NamedFields, _ problems: inout [FieldProblem]) -> Period? {
        let text = row.text("period")
        let frequency = row.text("freqCode")
        let digits = text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        do throws(PeriodError) {
            switch (frequency, text.count) {
            case ("A", 4) where digits: return try periods.year(Int(text)!)
            case ("M", 6) where digits: return try periods.month(year: Int(text.prefix(4))!, month: Int(text.suffix(2))!)
            default: break
            }
        } catch {
            problems.append(FieldProblem("period", error.reason))
            return nil
        }
        problems.append(FieldProblem("period", "'\(text)' with freqCode '\(frequency)'; expected YYYY (A) or YYYYMM (M)"))
        return nil
    }
}
