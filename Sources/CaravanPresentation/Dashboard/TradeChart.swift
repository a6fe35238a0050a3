import CaravanCore
import CaravanDossier
import CaravanService

/// A series as a chart: yearly series by year, finer ones by position with the period as label;
/// a period covered only in part is drawn hollow. With the partnership's trade test, its targets
/// and the current year's run-rate are drawn too. Each mark links to its row of the table.
struct TradeChart {
    let series: TradeSeries
    let trade: TradeTest?
    /// What the chart shows, as the page's heading says it.
    let title: String
    let words: Words
    /// The ids of the series table's rows, one a point.
    let rows: [String]

    var html: HTML {
        let yearly = series.grain == .year || series.grain == .shYear
        let labels = series.points.map { words.period($0.value.period) }
        func x(_ index: Int) -> Int { yearly ? series.points[index].value.period.first : index }
        func point(_ index: Int) -> YearChart.Point {
            let value = series.points[index].value
            let sources = value.sources.map { "\($0.provider)\($0.published.map { " \(words.date($0))" } ?? "")" }.joined(separator: "; ")
            let partial = value.partial ? " (\(words("series.partial-short")))" : ""
            return YearChart.Point(
                year: x(index), value: value.valueUSD,
                note: "\(labels[index]): \(words.number(value.valueUSD)) \(words("unit.usd"))\(partial) — \(sources)", row: rows[index])
        }
        let indices = series.points.indices
        var lines = [
            YearChart.Series(
                name: words("flow.\(series.query.flow.rawValue)"), points: indices.filter { !series.points[$0].value.partial }.map(point),
                style: .line, color: "#2856a3"),
            YearChart.Series(
                name: words("chart.partial"), points: indices.filter { series.points[$0].value.partial }.map(point), style: .hollow,
                color: "#8aa0c8"),
        ]
        var references: [YearChart.Reference] = []
        if let trade {
            if let runRate = trade.runRate { lines.append(Self.runRate(runRate, words: words)) }
            references = trade.targets.map { Self.target($0, words: words) }
        }
        let byPosition: @Sendable (Int) -> String = { [labels] position in labels.indices.contains(position) ? labels[position] : "" }
        let format: @Sendable (Double) -> String = { [words] in words.money($0) }
        let chart = YearChart(
            id: "trade-chart", title: title, series: lines, references: references, words: words, format: format, axisLabel: yearly ? nil : byPosition
        )
        return chart.html
    }

    /// The current year's run-rate, drawn as a hollow point.
    static func runRate(_ runRate: RunRate, words: Words) -> YearChart.Series {
        let note = words(
            "chart.run-rate-note",
            ["year": words.integer(runRate.year), "value": words.number(runRate.fullYear), "covered": words.period(runRate.covered)])
        return YearChart.Series(
            name: words("chart.run-rate"),
            points: [.init(year: runRate.year, value: runRate.fullYear, note: note + " (\(words.say(runRate.method)))")],
            style: .hollow, color: "#b3261e")
    }

    /// A target as a reference: `Target $3.0bn by 2035`.
    static func target(_ target: TargetResult, words: Words) -> YearChart.Reference {
        let assumed = target.assumed ? " (\(words("target.assumed")))" : ""
        let label = words("chart.target", ["value": words.money(target.value), "year": words.integer(target.deadline)])
        return YearChart.Reference(label: label + assumed, value: target.value, year: target.deadline, color: "#b3261e", shortLabel: label)
    }
}

/// The two sides' reports of each flow, the gap between them and the best estimate.
struct MirrorSection {
    let mirror: MirrorComparison
    let report: HTMLReport

    var html: HTML {
        let words = report.words
        guard !mirror.flows.isEmpty else { return "<p class=\"note\" id=\"mirror\">\(words("mirror.none"))</p>" }
        let rowIDs = mirror.flows.map { "mirror-\($0.exporter)-\($0.importer)-\($0.period)" }
        let gaps = mirror.flows.enumerated().filter { $0.element.period.grain == .year && $0.element.gapUSD != nil }.map { index, flow in
            YearChart.Point(
                year: flow.period.first, value: abs(flow.gapUSD ?? 0),
                note:
                    "\(words.country(flow.exporter)) → \(words.country(flow.importer)) \(words.period(flow.period)): \(words.number(flow.gapUSD ?? 0)) \(words("unit.usd"))",
                row: rowIDs[index])
        }
        // With no year's gap, a chart would say "no figures" above a table that has them.
        let chart: HTML =
            gaps.isEmpty
            ? "<p class=\"note\" id=\"mirror-no-gap\">\(words("mirror.no-gap"))</p>"
            : YearChart(
                id: "mirror-chart", title: words("mirror.chart"),
                series: [YearChart.Series(name: words("mirror.gap"), points: gaps, style: .bars, color: "#c57f0a")], words: words,
                format: { [words] in words.money($0) }
            ).html
        let rows = mirror.flows.map { flow -> [HTML] in
            [
                "\(words.country(flow.exporter)) → \(words.country(flow.importer))", "\(words.period(flow.period))", reportCell(flow.exporterReport),
                reportCell(flow.importerReport), flow.gapUSD.map(words.amount) ?? "—",
                "\(flow.cifFOBRatio.map { words.number($0, decimals: 3) } ?? "—")", words.amount(flow.bestEstimateUSD),
                "\(words("mirror.rule.\(flow.rule.rawValue)"))",
            ]
        }
        return chart
            + HTML.table(
                ["flow", "period", "exporter-report", "importer-report", "gap", "cif-fob", "best-estimate", "rule"].map { words("column.\($0)") },
                rows,
                id: "mirror", lead: [6], rowIDs: rowIDs)
    }

    private func reportCell(_ value: PeriodValue?) -> HTML {
        guard let value else { return "—" }
        return report.words.amount(value.valueUSD) + " " + value.sources.map { report.cite(Provenance(citation: $0)) }.joined(separator: "; ")
    }
}
