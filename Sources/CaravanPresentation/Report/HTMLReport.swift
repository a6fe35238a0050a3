import CaravanCore
import CaravanData
import CaravanDossier
import CaravanService
import Foundation

/// A partnership's report as one self-contained HTML page: the scorecard, the trade series with
/// its targets and run-rate, corridor tonnes against capacity and targets, projects, claims and
/// every source — inline CSS and SVG, nothing fetched.
public struct HTMLReport: Sendable {
    let data: ReportData
    let words: Words

    public init(_ data: ReportData, words: Words = .english) {
        self.data = data
        self.words = words
    }

    private var scorecard: Scorecard { data.scorecard }

    public var html: HTML {
        let made = words("report.made", ["asOf": words.period(scorecard.asOf), "generated": Timestamp.text(data.generated)])
        return """
            <!DOCTYPE html>
            <html lang="\(words.language.rawValue)" dir="\(words.language.direction)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(words.title(scorecard.partnership)) — \(words("report.title"))</title>
            <style>\(Self.style)</style></head>
            <body>
            <header><h1>\(words.title(scorecard.partnership))</h1>
            <p>\(made) \(words("report.every-figure"))</p></header>
            \(tests)
            \(trade)
            \(data.gap.map { GapSection(gap: $0, words: words).html } ?? "")
            \(CompositionSection(composition: data.composition, coverage: data.coverage, words: words).html)
            \(corridor)
            \(projects)
            \(claims)
            \(agreements)
            \(sources)
            </body></html>
            """
    }

    /// The report's stylesheet (`Data/styles/report.css`), read once; the dashboard's pages use it too.
    static let style = HTML(trusted: BundledData.style("report"))

    func badge(_ status: String) -> HTML { words.badge(status) }

    /// Text the dossier's rules wrote in English (a reason, a summary), marked as English on other pages.

    /// A figure a series stands on, with why it was chosen among others for the same period (docs/ledger.md).
    func cite(figure: Citation) -> HTML {
        cite(Provenance(citation: figure)) + " <small class=\"precedence\">\(words("precedence.\(figure.precedence.rawValue)"))</small>"
    }

    /// Other figures for the same period, each with its amount, source and standing.
    func others(_ key: String, _ figures: [Citation]) -> HTML {
        guard !figures.isEmpty else { return .empty }
        let listed = figures.map { "\(words.money($0.valueUSD)) \(cite(figure: $0))" as HTML }.joined(separator: "; ")
        return "<br>\(words(key)) \(listed)"
    }

    func cite(_ source: Provenance?) -> HTML {
        guard let source else { return "" }
        let location = source.file.map { file in (file.split(separator: "/").last.map(String.init) ?? file) + (source.line.map { ":\($0)" } ?? "") }
        let place: HTML = location.map { " <small dir=\"ltr\">(\($0))</small>" } ?? ""
        return HTML.link(source.provider + (source.published.map { " \(words.date($0))" } ?? ""), source.url) + place
    }

    var asOfYear: Int { scorecard.asOfYear }

    var tests: HTML {
        let cards = [
            ("trade", scorecard.tests.trade.status, scorecard.tests.trade.summary, scorecard.tests.trade.change),
            ("projects", scorecard.tests.projects.status, scorecard.tests.projects.summary, nil),
            ("corridor", scorecard.tests.corridor.status, scorecard.tests.corridor.summary, scorecard.tests.corridor.change),
        ].map { name, status, summary, change -> HTML in
            """
            <div class="test" id="test-\(name)"><h3>\(words("test.\(name)")) \(badge(status.rawValue))</h3><p>\(words.say(summary))</p>\
            \(wouldChange(change))</div>
            """
        }
        return "<h2>\(words("report.tests"))</h2><div class=\"tests\">\(cards)</div>"
    }

    var trade: HTML {
        let rows = Self.rowIDs(data.series, prefix: "report-series")
        let points = data.series.points.enumerated().filter { !$0.element.value.partial }.map { index, point in
            YearChart.Point(
                year: Int(point.value.period.first), value: point.value.valueUSD,
                note: "\(words.period(point.value.period)): \(words.number(point.value.valueUSD)) \(words("unit.usd")) — "
                    + point.value.sources.map(\.provider).joined(separator: ", "), row: rows[index])
        }
        var series = [YearChart.Series(name: words("chart.turnover"), points: points, style: .line, color: "#2856a3")]
        if let runRate = scorecard.tests.trade.runRate {
            series.append(TradeChart.runRate(runRate, words: words))
        }
        let chart = YearChart(
            id: "trade-chart", title: words("chart.trade-title"), series: series,
            references: scorecard.tests.trade.targets.map { TradeChart.target($0, words: words) }, words: words,
            format: { [words] in words.money($0) })
        return "<h2>\(words("report.trade"))</h2>\(chart.html)" + targetTable(scorecard.tests.trade.targets) + seriesTable(data.series, rowIDs: rows)
    }

    /// Ids for a series' table rows, so its chart's marks can link to them.
    static func rowIDs(_ series: TradeSeries, prefix: String) -> [String] {
        series.points.map { "\(prefix)-\($0.value.period.description)" }
    }

    /// A series period by period, with the change on a year earlier and every source.
    func seriesTable(_ series: TradeSeries, rowIDs: [String]? = nil) -> HTML {
        let rows = series.points.map { point -> [HTML] in
            let note =
                point.value.partial
                ? words("series.partial", ["covered": point.value.covered.map(words.period) ?? ""])
                : point.value.estimate ? words("series.estimate") : ""
            return [
                "\(words.period(point.value.period))", words.amount(point.value.valueUSD),
                "\(point.changePct.map(words.percent) ?? "")",
                "\(note)" + others("series.also", point.value.alternatives) + others("series.components", point.value.components),
                point.value.sources.map { cite(figure: $0) }.joined(separator: "; "),
            ]
        }
        let empty: [[HTML]] = series.holdings.map { [["", "", "", words.english($0.text), ""]] } ?? []
        return HTML.table(
            ["period", "value", "change", "note", "sources"].map { words("column.\($0)") }, rows + empty, id: "trade-series", lead: [1],
            rowIDs: rowIDs)
    }

    /// A network element by its name in this language, else its id.
    func name(_ id: String) -> String { data.names[id].map(words.say) ?? id }

    var corridor: HTML {
        let test = scorecard.tests.corridor
        let yearly = data.flows.flows.filter { $0.element == test.element && $0.period.calendar == .gregorian && $0.period.grain == .year }
        let mt = words("unit.mt")
        let observed = yearly.map { flow in
            YearChart.Point(
                year: Int(flow.period.first), value: flow.tonnes / 1e6,
                note: "\(words.period(flow.period)): \(words.number(flow.tonnes)) \(words("unit.t")) — \(flow.source)",
                row: "flow-\(flow.element)-\(flow.period)")
        }
        let capacity = data.capacity.compactMap { year -> YearChart.Point? in
            guard let maxMt = year.maxMt else { return nil }
            let note = words(
                "chart.capacity-note",
                [
                    "year": words.integer(year.year), "mt": words.number(maxMt, decimals: 1),
                    "bottleneck": year.bottleneck.map(name).joined(separator: words.punctuated(", ")),
                ])
            return YearChart.Point(year: year.year, value: maxMt, note: note)
        }
        let targets = test.targets.map { target in
            YearChart.Reference(
                label: words("chart.target-mt", ["mt": words.number(target.value / 1e6, decimals: 0), "year": words.integer(target.deadline)]),
                value: target.value / 1e6, year: target.deadline, color: "#b3261e")
        }
        let chart = YearChart(
            id: "corridor-chart", title: words("chart.corridor-title", ["element": test.element.map(name) ?? ""]),
            series: [
                YearChart.Series(name: words("chart.observed-mt"), points: observed, style: .bars, color: "#6a7f2a"),
                YearChart.Series(name: words("chart.capacity-mt"), points: capacity, style: .line, color: "#7a4fa3", labelling: .changes),
            ],
            references: targets, words: words
        ) { [words] in words.number($0, decimals: $0 < 10 && $0 != $0.rounded() ? 1 : 0) + " " + mt }
        let rows = data.flows.flows.map { flow -> [HTML] in
            [
                "\(name(flow.element))", "\(words.period(flow.period))", "<span class=\"num\">\(words.number(flow.tonnes))</span>",
                "\(flow.capacityMt.map { words.number($0, decimals: 1) } ?? words("corridor.unknown-capacity"))",
                "\(flow.utilizationPct.map { words.digits(NumberText.fixed($0, decimals: 1) + "%") } ?? "")",
                HTML.link(flow.source + (flow.published.map { " \(words.date($0))" } ?? ""), flow.url),
            ]
        }
        return "<h2>\(words("report.corridor"))</h2>\(chart.html)" + targetTable(test.targets)
            + HTML.table(
                ["element", "period", "tonnes", "capacity", "utilization", "source"].map { words("column.\($0)") }, rows, id: "flows", lead: [2],
                rowIDs: data.flows.flows.map { "flow-\($0.element)-\($0.period)" })
    }

    var projects: HTML {
        let test = scorecard.tests.projects
        let rows = test.projects.map { project -> [HTML] in
            let milestones = project.milestones.map { milestone -> HTML in
                let planned = milestone.planned.map(words.date) ?? "—"
                let done = milestone.actual.map(words.date) ?? "—"
                return "\(milestone.name): \(words("project.milestone", ["planned": planned, "done": done]))"
            }
            return [
                "\(words.say(project.name))", badge(project.status.rawValue), "\(words("project.\(project.declared.rawValue)"))",
                project.budgetUSD.map(words.amount) ?? "\(words("project.unknown"))", words.amount(project.committedUSD),
                words.amount(project.disbursedUSD), milestones.joined(separator: "<br>"), "\(words.say(project.sentence))", cite(project.source),
            ]
        }
        return "<h2>\(words("report.projects"))</h2><p>\(words.say(test.summary))</p>\(FundingBars(projects: test.projects, words: words).html)"
            + HTML.table(
                ["project", "status", "declared", "budget", "committed", "disbursed", "milestones", "why", "source"].map { words("column.\($0)") },
                rows,
                id: "projects", lead: [1])
    }

    var claims: HTML {
        let rows = scorecard.claims.map { claim -> [HTML] in
            [
                "<blockquote>\(claim.quote)</blockquote>", "<span class=\"\(claim.verdict.rawValue)\">\(words.status(claim.verdict.rawValue))</span>",
                "\(words.say(claim.sentence))",
                cite(claim.source),
                claim.basis.map(cite).joined(separator: "; "),
                claim.setAside.map(cite).joined(separator: "; "),
            ]
        }
        return "<h2>\(words("report.claims"))</h2>"
            + HTML.table(
                ["quote", "verdict", "why", "source", "checked-against", "set-aside"].map {
                    words("column.\($0)")
                },
                rows,
                id: "claims", lead: [1])
    }

    var agreements: HTML {
        let rows = scorecard.agreements.map { agreement -> [HTML] in
            [
                "\(words.name(agreement.title, agreement.titles))", "\(words("agreement.\(agreement.status.rawValue)"))",
                "\(agreement.signed.map(words.date) ?? "")",
                "\(agreement.inForce.map(words.date) ?? "")", "\(agreement.parties.map(words.country).joined(separator: ", "))",
                "\(words.integer(agreement.count))",
                scorecard.sources.first { $0.id == agreement.source }.map { cite(Provenance(source: $0)) } ?? "",
            ]
        }
        return "<h2>\(words("report.agreements"))</h2>"
            + HTML.table(
                ["agreement", "status", "signed", "in-force", "parties", "documents", "source"].map { words("column.\($0)") }, rows, id: "agreements",
                lead: [1])
    }

    var sources: HTML {
        let items = scorecard.sources.map { source -> HTML in
            let published: HTML = source.published.map { ", \(words.date($0))" } ?? ""
            return "<li id=\"source-\(source.id)\">\(HTML.link(source.title, source.url)) — \(source.publisher ?? "")\(published)</li>"
        }
        return "<h2>\(words("report.sources"))</h2><ul>\(items)</ul>"
    }

    /// `What would change it: …`, when something can.
    func wouldChange(_ change: Phrase?) -> HTML {
        change.map { "<p class=\"change\">\(words("verdict.would-change", ["change": words.say($0)]))</p>" } ?? ""
    }

    /// Each target as its verdict in a sentence, what would change it, and where it was stated.
    func targetTable(_ targets: [TargetResult]) -> HTML {
        let items = targets.map { target -> HTML in
            let assumed: HTML =
                target.assumed ? "<br><small>\(words("target.assumed")): \(words.english(target.assumption ?? ""))</small>" : ""
            return """
                <li>\(badge(target.status.rawValue)) \(words.say(target.sentence(asOfYear: asOfYear)))\(assumed)\
                \(wouldChange(target.change(asOfYear: asOfYear)))<small>\(words("verdict.stated-in")) \(cite(target.source))</small></li>
                """
        }
        return targets.isEmpty ? "" : "<ul class=\"verdicts targets\">\(items)</ul>"
    }
}

/// Each project's committed and disbursed funding against its budget, as bars on one money
/// scale, the project named above its bars and its status beside them.
struct FundingBars {
    /// A name cut to what fits `width` at `font` (ending in `…`), so a long one is shortened, never dropped.
    static func fitted(_ name: String, width: Double, font: Double) -> String {
        let fits = Int((width - 4) / (font * 0.64))
        return name.count <= fits ? name : String(name.prefix(max(fits - 1, 1))) + "…"
    }

    let projects: [ProjectResult]
    let words: Words

    var html: HTML { ChartSize.both(download: "funding-chart", words: words, svg) }

    func svg(_ size: ChartSize) -> HTML {
        let (width, font) = (size.width, size.font)
        let row = font * 2 + 22
        let scaleTop = Chart.niceCeiling(max(1, projects.map { max($0.budgetUSD ?? 0, $0.committedUSD) }.max() ?? 1))
        let ticks = Chart.ticks(upTo: scaleTop, count: size == .wide ? 5 : 3)
        let ceiling = ticks.last ?? scaleTop
        let (left, right) = (6.0, width - 40)
        func x(_ value: Double) -> Double { left + value / ceiling * (right - left) }
        let legendY = font + 2
        let axisY = legendY + font + 10
        let height = axisY + 8 + Double(projects.count) * row
        var space = LabelSpace(width: width, height: height)
        var parts: [HTML] = []
        var legendX = 4.0
        for (name, color) in [(words("funding.budget"), "#d5dae6"), (words("funding.committed"), "#7a9cd6"), (words("funding.disbursed"), "#1d3f80")]
        {
            parts.append(
                "<rect x=\"\(Chart.coordinate(legendX))\" y=\"\(Chart.coordinate(legendY - font + 2))\" width=\"11\" height=\"11\" fill=\"\(color)\"/>"
            )
            parts.append(space.text(name, size: font, at: [(legendX + 15, legendY, .start)]))
            legendX += 26 + LabelSpace.textWidth(name, size: font)
        }
        for tick in ticks {
            parts.append(
                "<line x1=\"\(Chart.coordinate(x(tick)))\" x2=\"\(Chart.coordinate(x(tick)))\" y1=\"\(Chart.coordinate(axisY + 4))\" y2=\"\(Chart.coordinate(height))\" class=\"grid\"/>"
            )
            parts.append(
                space.text(
                    words.money(tick), size: font, at: [(x(tick), axisY, .middle), (x(tick), axisY, .start), (x(tick), axisY, .end)],
                    className: "axis"))
        }
        for (index, project) in projects.enumerated() {
            let y = axisY + 8 + Double(index) * row
            let barY = y + font + 5
            // Room kept at the line's end for the status, where the bar leaves it none.
            let room = width - left - 14 - LabelSpace.textWidth(words.status(project.status.rawValue), size: font)
            parts.append(space.text(Self.fitted(words.say(project.name), width: room, font: font), size: font, at: [(left, y + font, .start)]))
            let budget = x(project.budgetUSD ?? 0)
            let committed = x(project.committedUSD)
            let disbursed = x(project.disbursedUSD)
            space.reserve(LabelSpace.Box(minX: left, minY: barY, maxX: max(budget, committed), maxY: barY + 14))
            parts.append(
                """
                <rect x="\(left)" y="\(Chart.coordinate(barY))" width="\(Chart.coordinate(max(budget - left, 0)))" height="14" fill="#d5dae6" stroke="#9aa3b8"><title>\(words("funding.budget")): \(project.budgetUSD.map(words.number) ?? words("project.unknown")) \(words("unit.usd"))</title></rect>\
                <rect x="\(left)" y="\(Chart.coordinate(barY))" width="\(Chart.coordinate(committed - left))" height="14" fill="#7a9cd6"><title>\(words("funding.committed")): \(words.number(project.committedUSD)) \(words("unit.usd"))</title></rect>\
                <rect x="\(left)" y="\(Chart.coordinate(barY + 4))" width="\(Chart.coordinate(disbursed - left))" height="6" fill="#1d3f80"><title>\(words("funding.disbursed")): \(words.number(project.disbursedUSD)) \(words("unit.usd"))</title></rect>
                """)
            let end = max(budget, committed)
            parts.append(
                space.text(
                    words.status(project.status.rawValue), size: font, at: [(end + 6, barY + 11, .start), (width - 4, y + font, .end)],
                    className: "value"))
        }
        return """
            <svg id="funding-chart\(size.suffix)" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" xmlns="http://www.w3.org/2000/svg">\
            <title>\(words("funding.title"))</title>\(parts)</svg>
            """
    }
}
