import CaravanCore
import CaravanService

extension TradeSeries: Tabular {
    public var table: TextTable {
        TextTable(
            columns: [
                .init("period"), .init("value_usd", numeric: true), .init("change_pct", numeric: true),
                .init("quantity_t", numeric: true), .init("note"), .init("sources"),
            ],
            rows: points.map { point in
                let value = point.value
                return [
                    value.period.description, NumberText.grouped(value.valueUSD),
                    point.changePct.map(NumberText.percent) ?? "", value.quantityT.map(NumberText.grouped) ?? "",
                    PeriodValueText.note(value), CitationText.list(value.sources),
                ]
            } + (holdings.map { [["", "", "", "", $0.text, ""]] } ?? []))
    }
}

extension TradeComparison: Tabular {
    public var table: TextTable {
        let rows = [current.map { ("period", $0) }, base.map { ("versus", $0) }].compactMap { $0 }
        return TextTable(
            columns: [.init("role"), .init("period"), .init("value_usd", numeric: true), .init("note"), .init("sources")],
            rows: rows.map { role, value in
                [role, value.period.description, NumberText.grouped(value.valueUSD), PeriodValueText.note(value), CitationText.list(value.sources)]
            }
                + [
                    [
                        "change", "", changeUSD.map(NumberText.grouped) ?? "",
                        changePct.map(NumberText.percent) ?? "not comparable: a period is missing or only partly covered", "",
                    ]
                ])
    }
}

extension MirrorComparison: Tabular {
    public var table: TextTable {
        TextTable(
            columns: [
                .init("exporter"), .init("importer"), .init("period"), .init("exporter_report_usd", numeric: true),
                .init("importer_report_usd", numeric: true), .init("gap_usd", numeric: true), .init("cif_fob", numeric: true),
                .init("best_estimate_usd", numeric: true), .init("rule"),
            ],
            rows: flows.map { flow in
                [
                    flow.exporter, flow.importer, flow.period.description,
                    flow.exporterReport.map { PeriodValueText.value($0) } ?? "", flow.importerReport.map { PeriodValueText.value($0) } ?? "",
                    flow.gapUSD.map(NumberText.grouped) ?? "", flow.cifFOBRatio.map { NumberText.fixed($0, decimals: 3) } ?? "",
                    NumberText.grouped(flow.bestEstimateUSD), flow.rule.rawValue,
                ]
            } + (holdings.map { [["", "", "", "", "", "", "", "", $0.text]] } ?? []))
    }
}

enum PeriodValueText {
    static func note(_ value: PeriodValue) -> String {
        var notes: [String] = []
        if value.partial { notes.append("partial" + (value.covered.map { ": \($0) only" } ?? "")) }
        if value.estimate { notes.append("estimate: apportioned by days") }
        if !value.alternatives.isEmpty {
            notes.append("also: " + value.alternatives.map { "\(NumberText.grouped($0.valueUSD)) \($0.provider)" }.joined(separator: ", "))
        }
        if !value.components.isEmpty {
            notes.append(
                "components: "
                    + value.components.map { "\($0.flow.rawValue) \(NumberText.grouped($0.valueUSD)) \($0.provider)" }.joined(separator: ", "))
        }
        return notes.joined(separator: "; ")
    }

    static func value(_ value: PeriodValue) -> String {
        NumberText.grouped(value.valueUSD) + (value.partial ? " (partial)" : "")
    }
}
