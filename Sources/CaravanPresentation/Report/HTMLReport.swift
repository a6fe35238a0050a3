import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

/// A partnership's report as one self-contained HTML page: the scorecard, the trade series with
/// its targets and run-rate, corridor tonnes against capacity and targets, projects, claims and
/// every source — inline CSS and SVG, nothing fetched.
public struct HTMLReport: Sendable {
    let data: ReportData

    public init(_ data: ReportData) { self.data = data }

    /// The report of a partnership as of a moment, from the workspace.
    public static func make(_ workspace: Workspace, partnership: String? = nil, asOf: Date = Date()) async throws -> HTML {
        HTMLReport(try await workspace.reportData(partnership, asOf: asOf)).html
    }

    private var scorecard: Scorecard { data.scorecard }

    public var html: HTML {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(scorecard.partnership.title) — Caravan report</title>
        <style>\(Self.style)</style></head>
        <body>
        <header><h1>\(scorecard.partnership.title)</h1>
        <p>Scorecard as of \(scorecard.asOf.description), made by Caravan on \(Timestamp.text(data.generated)). Every figure names its source; hover a chart mark for its figure and source.</p></header>
        \(tests)
        \(trade)
        \(data.gap.map { GapSection(gap: $0).html } ?? "")
        \(CompositionSection(composition: data.composition, coverage: data.coverage).html)
        \(corridor)
        \(projects)
        \(claims)
        \(agreements)
        \(sources)
        </body></html>
        """
    }

    static let style: HTML = """
        body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1d2330;line-height:1.45}
        h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccd;padding-bottom:.3rem}
        table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.6rem 0}th,td{border-bottom:1px solid #e3e6ee;padding:.3rem .45rem;text-align:left;vertical-align:top}
        th{background:#f4f6fa}td.num{text-align:right;white-space:nowrap}
        .tests{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:.8rem}
        .test{border:1px solid #dde;border-radius:8px;padding:.7rem}.test h3{margin:.1rem 0 .4rem}
        .status{display:inline-block;border-radius:4px;padding:.05rem .45rem;font-weight:600;font-size:.85rem;color:white}
        .met{background:#1b7f3b}.on_track{background:#2f8f5b}.at_risk{background:#c57f0a}.off_track{background:#b3261e}.no_data{background:#777}
        .consistent{color:#1b7f3b;font-weight:600}.inconsistent{color:#b3261e;font-weight:600}.unverifiable{color:#777;font-weight:600}.contested{color:#a15c00;font-weight:600}
        svg.chart{width:100%;height:auto;max-width:760px;display:block;margin:.5rem 0}
        svg .grid{stroke:#e6e8ef}svg .axis{font-size:11px;fill:#555}svg .label{font-size:11px}
        blockquote{margin:0;color:#444;font-style:italic}.scroll{overflow-x:auto}
        @media (max-width:600px){table{font-size:.78rem}}
        """

    func badge(_ status: String) -> HTML {
        "<span class=\"status \(status)\">\(status.replacingOccurrences(of: "_", with: " "))</span>"
    }

    func cite(_ source: Provenance?) -> HTML {
        guard let source else { return "" }
        let location = source.file.map { file in (file.split(separator: "/").last.map(String.init) ?? file) + (source.line.map { ":\($0)" } ?? "") }
        let place: HTML = location.map { " <small>(\($0))</small>" } ?? ""
        return HTML.link(source.provider + (source.published.map { " \($0)" } ?? ""), source.url) + place
    }

    var tests: HTML {
        let cards = [
            ("Trade", scorecard.tests.trade.status, scorecard.tests.trade.summary),
            ("Projects", scorecard.tests.projects.status, scorecard.tests.projects.summary),
            ("Corridor", scorecard.tests.corridor.status, scorecard.tests.corridor.summary),
        ].map { name, status, summary -> HTML in
            "<div class=\"test\" id=\"test-\(name.lowercased())\"><h3>\(name) \(badge(status.rawValue))</h3><p>\(summary)</p></div>"
        }
        return "<h2>The three tests</h2><div class=\"tests\">\(cards)</div>"
    }

    var trade: HTML {
        let points = data.series.points.filter { !$0.value.partial }.map { point in
            YearChart.Point(
                year: Int(point.value.period.first), value: point.value.valueUSD,
                note: "\(point.value.period): \(NumberText.grouped(point.value.valueUSD)) USD — "
                    + point.value.sources.map(\.provider).joined(separator: ", "))
        }
        var series = [YearChart.Series(name: "turnover (USD)", points: points, style: .line, color: "#2856a3")]
        if let runRate = scorecard.tests.trade.runRate {
            let note = "\(runRate.year) run-rate \(NumberText.grouped(runRate.fullYear)) USD from \(runRate.covered) (\(runRate.method))"
            series.append(
                YearChart.Series(
                    name: "run-rate (\(runRate.method))", points: [.init(year: runRate.year, value: runRate.fullYear, note: note)], style: .hollow,
                    color: "#2856a3"))
        }
        let targets = scorecard.tests.trade.targets.map { target in
            YearChart.Reference(
                label: "\(target.id): \(NumberText.grouped(target.value)) by \(target.deadline)\(target.assumed ? " (assumed)" : "")",
                value: target.value, year: target.deadline, color: "#b3261e")
        }
        let chart = YearChart(id: "trade-chart", title: "Turnover by year against the targets", series: series, references: targets) {
            Self.money($0)
        }
        return "<h2>Trade</h2>\(chart.svg)" + targetTable(scorecard.tests.trade.targets) + seriesTable(data.series)
    }

    /// A series period by period, with the change on a year earlier and every source.
    func seriesTable(_ series: TradeSeries) -> HTML {
        let rows = series.points.map { point -> [HTML] in
            let note = point.value.partial ? "partial: \(point.value.covered?.description ?? "")" : point.value.estimate ? "estimate" : ""
            return [
                "\(point.value.period.description)", "<span class=\"num\">\(NumberText.grouped(point.value.valueUSD))</span>",
                "\(point.changePct.map(NumberText.percent) ?? "")", "\(note)",
                point.value.sources.map { cite(Provenance(citation: $0)) }.joined(separator: "; "),
            ]
        }
        let empty: [[HTML]] = series.holdings.map { [["", "", "", "\($0.text)", ""]] } ?? []
        return HTML.table(["period", "value (USD)", "change", "note", "sources"], rows + empty, id: "trade-series")
    }

    var corridor: HTML {
        let test = scorecard.tests.corridor
        let yearly = data.flows.flows.filter { $0.element == test.element && $0.period.calendar == .gregorian && $0.period.grain == .year }
        let observed = yearly.map { flow in
            YearChart.Point(
                year: Int(flow.period.first), value: flow.tonnes / 1e6, note: "\(flow.period): \(NumberText.grouped(flow.tonnes)) t — \(flow.source)")
        }
        let capacity = data.capacity.compactMap { year -> YearChart.Point? in
            guard let maxMt = year.maxMt else { return nil }
            let note =
                "\(year.year): \(NumberText.fixed(maxMt, decimals: 1)) Mt a year; bottleneck \(year.bottleneck.joined(separator: ", "))"
                + (year.projects.isEmpty ? "" : "; with \(year.projects.joined(separator: ", "))")
            return YearChart.Point(year: year.year, value: maxMt, note: note)
        }
        let targets = test.targets.map { target in
            YearChart.Reference(
                label: "\(target.id): \(NumberText.fixed(target.value / 1e6, decimals: 0)) Mt by \(target.deadline)", value: target.value / 1e6,
                year: target.deadline, color: "#b3261e")
        }
        let chart = YearChart(
            id: "corridor-chart", title: "Freight on \(test.element ?? "the corridor") against capacity and targets (Mt a year)",
            series: [
                YearChart.Series(name: "observed (Mt)", points: observed, style: .bars, color: "#6a7f2a"),
                YearChart.Series(name: "capacity (Mt a year)", points: capacity, style: .line, color: "#7a4fa3"),
            ],
            references: targets
        ) { NumberText.fixed($0, decimals: 1) }
        let rows = data.flows.flows.map { flow -> [HTML] in
            [
                "\(flow.element)", "\(flow.period.description)", "<span class=\"num\">\(NumberText.grouped(flow.tonnes))</span>",
                "\(flow.capacityMt.map { NumberText.fixed($0, decimals: 1) } ?? "unlimited")",
                "\(flow.utilizationPct.map { NumberText.fixed($0, decimals: 1) + "%" } ?? "")",
                HTML.link(flow.source + (flow.published.map { " \($0)" } ?? ""), flow.url),
            ]
        }
        return "<h2>Corridor</h2>\(chart.svg)" + targetTable(test.targets)
            + HTML.table(["element", "period", "tonnes", "capacity (Mt/yr)", "utilization", "source"], rows, id: "flows")
    }

    var projects: HTML {
        let test = scorecard.tests.projects
        let rows = test.projects.map { project -> [HTML] in
            let milestones = project.milestones.map { milestone -> HTML in
                "\(milestone.name): planned \(milestone.planned ?? "—"), done \(milestone.actual ?? "—")"
            }
            return [
                "\(project.title)", badge(project.status.rawValue), "\(project.declared.rawValue)",
                "\(project.budgetUSD.map(NumberText.grouped) ?? "unknown")", "\(NumberText.grouped(project.committedUSD))",
                "\(NumberText.grouped(project.disbursedUSD))", milestones.joined(separator: "<br>"), "\(project.reason)", cite(project.source),
            ]
        }
        return "<h2>Projects</h2><p>\(test.summary)</p>\(FundingBars(projects: test.projects).svg)"
            + HTML.table(
                ["project", "status", "declared", "budget (USD)", "committed", "disbursed", "milestones", "why", "source"], rows, id: "projects")
    }

    var claims: HTML {
        let rows = scorecard.claims.map { claim -> [HTML] in
            [
                "\(claim.id)", "<span class=\"\(claim.verdict.rawValue)\">\(claim.verdict.rawValue)</span>",
                "<blockquote>\(claim.quote)</blockquote>",
                "\(claim.period.description)", "\(claim.expected)", "\(ScorecardTables.computed(claim) ?? "—")", "\(claim.reason)",
                cite(claim.source),
                claim.basis.map(cite).joined(separator: "; "),
            ]
        }
        return "<h2>Claims</h2>"
            + HTML.table(["claim", "verdict", "quote", "period", "expected", "computed", "why", "source", "checked against"], rows, id: "claims")
    }

    var agreements: HTML {
        let rows = scorecard.agreements.map { agreement -> [HTML] in
            [
                "\(agreement.title)", "\(agreement.status.rawValue)", "\(agreement.signed ?? "")", "\(agreement.inForce ?? "")",
                "\(agreement.parties.joined(separator: " "))", "\(agreement.count)",
                scorecard.sources.first { $0.id == agreement.source }.map { cite(Provenance(source: $0)) } ?? "",
            ]
        }
        return "<h2>Agreements</h2>"
            + HTML.table(["agreement", "status", "signed", "in force", "parties", "documents", "source"], rows, id: "agreements")
    }

    var sources: HTML {
        let items = scorecard.sources.map { source -> HTML in
            let published: HTML = source.published.map { ", \($0)" } ?? ""
            return "<li id=\"source-\(source.id)\">\(HTML.link(source.title, source.url)) — \(source.publisher ?? "")\(published)</li>"
        }
        return "<h2>Sources</h2><ul>\(items)</ul>"
    }

    func targetTable(_ targets: [TargetResult]) -> HTML {
        let rows = targets.map { target -> [HTML] in
            let assumed: HTML = target.assumed ? " <small>(assumed: \(target.assumption ?? ""))</small>" : ""
            return [
                "\(target.title ?? target.id)", "\(NumberText.grouped(target.value) + " " + target.unit)", "\(target.deadline)\(assumed)",
                badge(target.status.rawValue), "\(target.requiredGrowthPct.map(NumberText.percent) ?? "")",
                "\(target.observedGrowthPct.map(NumberText.percent) ?? "")", "\(target.projectedYear.map(String.init) ?? "—")", "\(target.reason)",
                cite(target.source),
            ]
        }
        return HTML.table(["target", "value", "deadline", "status", "needed a year", "observed a year", "reached", "why", "source"], rows)
    }

    static func money(_ value: Double) -> String {
        value >= 1e9
            ? NumberText.fixed(value / 1e9, decimals: 1) + " bn"
            : value >= 1e6 ? NumberText.fixed(value / 1e6, decimals: 0) + " m" : NumberText.grouped(value)
    }
}

/// Each project's committed and disbursed funding against its budget, as bars.
struct FundingBars {
    let projects: [ProjectResult]

    var svg: HTML {
        let (width, rowHeight) = (720.0, 26.0)
        let scale = max(1, projects.map { max($0.budgetUSD ?? 0, $0.committedUSD) }.max() ?? 1)
        let rows = projects.enumerated().map { index, project -> HTML in
            let y = 24 + Double(index) * rowHeight
            let budget = (project.budgetUSD ?? 0) / scale * 400
            let committed = project.committedUSD / scale * 400
            let disbursed = project.disbursedUSD / scale * 400
            return """
                <text x="0" y="\(y + 13)" class="label">\(String(project.id.prefix(28)))</text>\
                <rect x="220" y="\(y)" width="\(budget)" height="16" fill="#e3e6ee"><title>budget \(project.budgetUSD.map(NumberText.grouped) ?? "unknown") USD</title></rect>\
                <rect x="220" y="\(y)" width="\(committed)" height="16" fill="#7a9cd6"><title>committed \(NumberText.grouped(project.committedUSD)) USD</title></rect>\
                <rect x="220" y="\(y + 5)" width="\(disbursed)" height="6" fill="#2856a3"><title>disbursed \(NumberText.grouped(project.disbursedUSD)) USD</title></rect>\
                <text x="\(230 + max(budget, committed))" y="\(y + 13)" class="label">\(project.status.rawValue)</text>
                """
        }
        let height = 30 + Double(projects.count) * rowHeight
        return """
            <svg id="funding-chart" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" xmlns="http://www.w3.org/2000/svg">\
            <title>Funding against budget</title><text x="220" y="14" class="label">budget (grey), committed (light), disbursed (dark)</text>\
            \(rows)</svg>
            """
    }
}
