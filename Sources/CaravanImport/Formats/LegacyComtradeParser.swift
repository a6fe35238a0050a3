import CaravanCore

/// Reads the pre-2023 Comtrade CSV: flow codes 1 import, 2 export, 3 re-export, 4 re-import;
/// imports valued CIF and exports FOB, as Comtrade recorded them.
final class LegacyComtradeParser: RowParser {
    let tables: ReferenceTables
    let sources: [SourceDraft]
    private var periods = PeriodCache()

    init(tables: ReferenceTables, file: String) {
        self.tables = tables
        sources = [Self.source(file: file)]
    }

    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<TradeObservation> { parse(fields) }

    static func source(file: String) -> SourceDraft {
        SourceDraft(kind: .comtradeLegacy, provider: "UN Comtrade", title: file, url: "https://comtrade.un.org/")
    }

    private static let flows: [String: TradeFlow] = ["1": .import, "2": .export, "3": .reExport, "4": .reImport]

    func parse(_ row: some NamedFields) -> RowOutcome<TradeObservation> {
        let classification = row.text("Classification")
        if !classification.isEmpty && !classification.hasPrefix("H") {
            return .skipped("not an HS classification (SITC or BEC)")
        }
        var problems: [FieldProblem] = []
        let flowCode = row.text("Trade Flow Code")
        let flow = Self.flows[flowCode]
        if flow == nil { problems.append(FieldProblem("Trade Flow Code", "unknown flow code '\(flowCode)'; expected 1 to 4")) }
        let reporter = Check.country(row.text("Reporter ISO"), field: "Reporter ISO", in: tables, problems: &problems)
        let partner =
            row.text("Partner Code") == "0"
            ? CountryRegistry.world : Check.country(row.text("Partner ISO"), field: "Partner ISO", in: tables, problems: &problems)
        let period = self.period(row.text("Period"), &problems)
        let commodity = row.text("Commodity Code")
        if let problem = CommodityCode.problem(with: commodity) { problems.append(FieldProblem("Commodity Code", problem)) }
        let value = Check.value(row.number("Trade Value (US$)"), field: "Trade Value (US$)", problems: &problems)
        let weight = Check.quantity(row.number("Netweight (kg)"), field: "Netweight (kg)", scale: 0.001, problems: &problems)
        guard problems.isEmpty, let flow, let period else { return .invalid(problems) }
        let observation = TradeObservation(
            reporter: reporter, partner: partner, flow: flow, commodity: commodity, period: period, valueUSD: value,
            quantityT: weight.flatMap { $0 > 0 ? $0 / 1000 : nil },
            valuation: flow == .import || flow == .reImport ? .cif : .fob)
        return .record(observation, source: 0)
    }

    private func period(_ text: String, _ problems: inout [FieldProblem]) -> Period? {
        let isDigits = !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        do throws(PeriodError) {
            if isDigits && text.count == 4 { return try periods.year(Int(text)!) }
            if isDigits && text.count == 6 { return try periods.month(year: Int(text.prefix(4))!, month: Int(text.suffix(2))!) }
        } catch {
            problems.append(FieldProblem("Period", error.reason))
            return nil
        }
        problems.append(FieldProblem("Period", "'\(text)'; expected YYYY or YYYYMM"))
        return nil
    }
}
