import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// Trade: a pair's series charted against the partnership's targets and run-rate, the two
    /// sides' reports of the same flows and the gap between them, the table, and a CSV download.
    /// Without a query asked it shows the partnership's own pair (`Workspace.tradePage`).
    public func trade(_ page: TradePageData) -> HTML {
        let (scorecard, query, grain, series) = (page.scorecard, page.query, page.grain, page.series)
        let report = HTMLReport(.only(scorecard), words: words)
        let own = page.isOwnPair
        let targets: HTML = own && grain == .year ? report.targetTable(scorecard.tests.trade.targets) : ""
        let csv = "/trade.csv?" + TradeForm.queryString(query, grain: grain)
        let rows = HTMLReport.rowIDs(series, prefix: "trade-series")
        let heading = words(
            "trade.heading",
            [
                "reporter": words.country(query.reporter), "partner": words.country(query.partner), "flow": words("flow.\(query.flow.rawValue)"),
                "commodity": words.commodity(query.commodity), "grain": words("grain.\(grain.rawValue)"),
            ])
        let body: HTML = """
            \(TradeForm(query: query, grain: grain, partnership: scorecard.partnership.id, words: words).html)
            <h2>\(heading)</h2>
            \(TradeChart(series: series, trade: own && grain == .year ? scorecard.tests.trade : nil, title: heading, words: words, rows: rows).html)
            \(targets)
            <p><a id="csv" href="\(csv)" download>\(words("trade.csv"))</a></p>
            \(report.seriesTable(series, rowIDs: rows))
            <h2>\(words("mirror.heading"))</h2>
            \(MirrorSection(mirror: page.mirror, report: report).html)
            \(page.gap.map { GapSection(gap: $0, words: words).html } ?? "")
            \(CompositionSection(composition: page.composition, coverage: page.coverage, words: words, published: page.publishedCoverage).html)
            """
        return DashboardFrame.page(.trade, partnership: scorecard.partnership, asOf: scorecard.asOf, body: body, request: request)
    }
}

/// The form that picks the pair, flow, commodity and grain; a plain GET, so it works without JavaScript.
struct TradeForm {
    let query: TradeQuery
    let grain: SeriesGrain
    let partnership: String
    let words: Words

    var html: HTML {
        let flows = TradeFlow.allCases.map { flow -> HTML in
            "<option value=\"\(flow.rawValue)\"\(flow == query.flow ? " selected" : "")>\(words("flow.\(flow.rawValue)"))</option>"
        }
        let grains = SeriesGrain.allCases.map { choice -> HTML in
            "<option value=\"\(choice.rawValue)\"\(choice == grain ? " selected" : "")>\(words("grain.\(choice.rawValue)"))</option>"
        }
        return """
            <form class="query" method="get" action="/trade">
            <input type="hidden" name="partnership" value="\(partnership)">
            <input type="hidden" name="lang" value="\(words.language.rawValue)">
            <label>\(words("form.reporter"))<input name="reporter" value="\(query.reporter)" size="4" required dir="ltr"></label>
            <label>\(words("form.partner"))<input name="partner" value="\(query.partner)" size="4" required dir="ltr"></label>
            <label>\(words("form.flow"))<select name="flow">\(flows)</select></label>
            <label>\(words("form.commodity"))<input name="commodity" value="\(query.commodity)" size="8" dir="ltr"></label>
            <label>\(words("form.by"))<select name="by">\(grains)</select></label>
            <button type="submit">\(words("form.show"))</button></form>
            """
    }

    /// The query as URL parameters, for the CSV link.
    static func queryString(_ query: TradeQuery, grain: SeriesGrain) -> String {
        [
            ("reporter", query.reporter), ("partner", query.partner), ("flow", query.flow.rawValue), ("commodity", query.commodity),
            ("by", grain.rawValue),
        ].map { "\($0)=\(DashboardFrame.percentEncoded($1))" }.joined(separator: "&")
    }
}
