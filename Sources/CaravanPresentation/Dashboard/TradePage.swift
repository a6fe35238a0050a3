import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// Trade: a pair's series charted against the partnership's targets and run-rate, the two
    /// sides' reports of the same flows and the gap between them, the table, and a CSV download.
    /// Without a query it shows the partnership's own pair.
    public func trade(_ query: TradeQuery?, by grain: SeriesGrain = .year, partnership: String? = nil, asOf: Date = Date()) async throws -> HTML {
        let scorecard = try await workspace.scorecard(partnership, asOf: asOf)
        let economies = scorecard.partnership.economies
        let query = query ?? TradeQuery(reporter: economies.first ?? "", partner: economies.dropFirst().first ?? "", asOf: asOf)
        let series = try await workspace.series(query, by: grain)
        let mirror = try await workspace.mirror(query.reporter, query.partner, commodity: query.commodity, period: nil, asOf: query.asOf)
        let report = HTMLReport(.only(scorecard))
        let (composition, coverage) = try await workspace.whatIsTraded(query, asOf: asOf)
        let gap = try await workspace.latestGap(query.reporter, query.partner, flow: query.flow, commodity: query.commodity)
        let own = Set([query.reporter, query.partner]) == Set(economies) && query.flow == .turnover && query.commodity == CommodityCode.total
        let targets: HTML = own && grain == .year ? report.targetTable(scorecard.tests.trade.targets) : ""
        let csv = "/trade.csv?" + TradeForm.queryString(query, grain: grain)
        let body: HTML = """
            \(TradeForm(query: query, grain: grain, partnership: scorecard.partnership.id).html)
            <h2>\("\(query.reporter)–\(query.partner) \(query.flow.rawValue), \(query.commodity), by \(grain.rawValue)")</h2>
            \(TradeChart(series: series, trade: own && grain == .year ? scorecard.tests.trade : nil).svg)
            \(targets)
            <p><a id="csv" href="\(csv)" download>Download the series as CSV</a></p>
            \(report.seriesTable(series))
            <h2>Mirror: each side's report of the same flows</h2>
            \(MirrorSection(mirror: mirror, report: report).html)
            \(gap.map { GapSection(gap: $0).html } ?? "")
            \(CompositionSection(composition: composition, coverage: coverage).html)
            """
        return DashboardFrame.page(.trade, partnership: scorecard.partnership, asOf: scorecard.asOf.description, body: body)
    }
}

/// The form that picks the pair, flow, commodity and grain; a plain GET, so it works without JavaScript.
struct TradeForm {
    let query: TradeQuery
    let grain: SeriesGrain
    let partnership: String

    var html: HTML {
        let flows = TradeFlow.allCases.map { flow -> HTML in
            "<option\(flow == query.flow ? " selected" : "")>\(flow.rawValue)</option>"
        }
        let grains = SeriesGrain.allCases.map { choice -> HTML in
            "<option\(choice == grain ? " selected" : "")>\(choice.rawValue)</option>"
        }
        return """
            <form class="query" method="get" action="/trade">
            <input type="hidden" name="partnership" value="\(partnership)">
            <label>Reporter<input name="reporter" value="\(query.reporter)" pattern="[A-Z]{3}" size="4" required></label>
            <label>Partner<input name="partner" value="\(query.partner)" pattern="[A-Z]{3}" size="4" required></label>
            <label>Flow<select name="flow">\(flows)</select></label>
            <label>Commodity<input name="commodity" value="\(query.commodity)" size="8"></label>
            <label>By<select name="by">\(grains)</select></label>
            <button type="submit">Show</button></form>
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
