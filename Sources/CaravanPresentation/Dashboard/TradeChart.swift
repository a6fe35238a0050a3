import CaravanCore
import CaravanDossier
import CaravanService

/// A series as a chart: yearly series by year, finer ones by position with the period as label;
/// a period covered only in part is drawn hollow. With the partnership's trade test, its targets
/// and the current year's run-rate are drawn too.
struct TradeChart {
    let series: TradeSeries
    let trade: TradeTest?

    var svg: HTML {
        let yearly = series.grain == .year || series.grain == .shYear
        let labels = series.points.map(\.value.period.description)
        func x(_ index: Int) -> Int { yearly ? series.points[index].value.period.first : index }
        func point(_ index: Int) -> YearChart.Point {
            let value = series.points[index].value
            let sources = value.sources.map { "\($0.provider)\($0.published.map { " \($0)" } ?? "")" }.joined(separator: "; ")
            return YearChart.Point(
                year: x(index), value: value.valueUSD,
                note: "\(value.period): \(NumberText.grouped(value.valueUSD)) USD\(value.partial ? " (partial)" : "") — \(sources)")
        }
        let indices = series.points.indices
        var lines = [
            YearChart.Series(
                name: "\(series.query.flow.rawValue) (USD)", points: indices.filter { !series.points[$0].value.partial }.map(point), style: .line,
                color: "#2856a3"),
            YearChart.Series(
                name: "partial period", points: indices.filter { series.points[$0].value.partial }.map(point), style: .hollow, color: "#8aa0c8"),
        ]
        var references: [YearChart.Reference] = []
        if let trade {
            if let runRate = trade.runRate {
                lines.append(
                    YearChart.Series(
                        name: "run-rate (\(runRate.method))",
                        points: [
                            .init(
                                year: runRate.year, value: runRate.fullYear,
                                note:
                                    "\(runRate.year) run-rate \(NumberText.grouped(runRate.fullYear)) USD from \(runRate.covered) (\(runRate.method))"
                            )
                        ], style: .hollow, color: "#b3261e"))
            }
            references = trade.targets.map { target in
                YearChart.Reference(
                    label: "\(target.id): \(HTMLReport.money(target.value)) by \(target.deadline)\(target.assumed ? " (assumed)" : "")",
                    value: target.value, year: target.deadline, color: "#b3261e")
            }
        }
        var chart = YearChart(
            id: "trade-chart", title: "\(series.query.reporter)–\(series.query.partner) by \(series.grain.rawValue)", series: lines,
            references: references
        ) {
            HTMLReport.money($0)
        }
        if !yearly { chart.axisLabel = { labels.indices.contains($0) ? labels[$0] : "" } }
        return chart.svg
    }
}

/// The two sides' reports of each flow, the gap between them and the best estimate.
struct MirrorSection {
    let mirror: MirrorComparison
    let report: HTMLReport

    var html: HTML {
        guard !mirror.flows.isEmpty else {
            return
                "<p class=\"note\" id=\"mirror\">No period has a report of these flows from either side by reporter and partner; turnover figures do not say who shipped what.</p>"
        }
        let gaps = mirror.flows.filter { $0.period.grain == .year && $0.gapUSD != nil }.map { flow in
            YearChart.Point(
                year: flow.period.first, value: abs(flow.gapUSD ?? 0),
                note: "\(flow.exporter)→\(flow.importer) \(flow.period): gap \(NumberText.grouped(flow.gapUSD ?? 0)) USD")
        }
        let chart = YearChart(
            id: "mirror-chart", title: "The gap between the two sides' reports (USD)",
            series: [YearChart.Series(name: "gap (USD, absolute)", points: gaps, style: .bars, color: "#c57f0a")]
        ) { HTMLReport.money($0) }
        let rows = mirror.flows.map { flow -> [HTML] in
            let gap: HTML = flow.gapUSD.map { "<span class=\"num\">\(NumberText.grouped($0))</span>" } ?? "—"
            return [
                "\(flow.exporter)→\(flow.importer)", "\(flow.period.description)", reportCell(flow.exporterReport), reportCell(flow.importerReport),
                gap,
                "\(flow.cifFOBRatio.map { NumberText.fixed($0, decimals: 3) } ?? "—")",
                "<span class=\"num\">\(NumberText.grouped(flow.bestEstimateUSD))</span>", "\(flow.rule.rawValue)",
            ]
        }
        return chart.svg
            + HTML.table(
                ["flow", "period", "exporter's report", "importer's report", "gap (USD)", "CIF/FOB", "best estimate", "rule"], rows, id: "mirror")
    }

    private func reportCell(_ value: PeriodValue?) -> HTML {
        guard let value else { return "—" }
        return "\(NumberText.grouped(value.valueUSD)) " + value.sources.map { report.cite(Provenance(citation: $0)) }.joined(separator: "; ")
    }
}
