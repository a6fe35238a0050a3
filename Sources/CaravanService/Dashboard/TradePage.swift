import CaravanCore
import CaravanDossier
import Foundation

extension Workspace {
    /// Trade: a pair's series charted against the partnership's targets and run-rate, the two
    /// sides' reports of the same flows and the gap between them, the table, and a CSV download.
    /// Without a query it shows the partnership's own pair.
    public func tradePage(_ query: TradeQuery?, by grain: SeriesGrain = .year, partnership: String? = nil, asOf: Date = Date()) async throws -> String
    {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let economies = scorecard.partnership.economies
        let query = query ?? TradeQuery(reporter: economies.first ?? "", partner: economies.dropFirst().first ?? "", asOf: asOf)
        let series = try await self.series(query, by: grain)
        let mirror = try await self.mirror(query.reporter, query.partner, commodity: query.commodity, period: nil, asOf: query.asOf)
        let report = HTMLReport(.only(scorecard))
        let (composition, coverage) = try await whatIsTraded(query, asOf: asOf)
        let own = Set([query.reporter, query.partner]) == Set(economies) && query.flow == .turnover && query.commodity == CommodityCode.total
        let body = """
            \(TradeForm(query: query, grain: grain, partnership: scorecard.partnership.id).html)
            <h2>\(HTML.escape("\(query.reporter)–\(query.partner) \(query.flow.rawValue), \(query.commodity), by \(grain.rawValue)"))</h2>
            \(TradeChart(series: series, trade: own && grain == .year ? scorecard.tests.trade : nil).svg)
            \(own && grain == .year ? report.targetTable(scorecard.tests.trade.targets) : "")
            <p><a id="csv" href="/trade.csv?\(HTML.escape(TradeForm.queryString(query, grain: grain)))" download>Download the series as CSV</a></p>
            \(report.seriesTable(series))
            <h2>Mirror: each side's report of the same flows</h2>
            \(MirrorSection(mirror: mirror, report: report).html)
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

    var html: String {
        let flows = TradeFlow.allCases.map { "<option\($0 == query.flow ? " selected" : "")>\($0.rawValue)</option>" }.joined()
        let grains = SeriesGrain.allCases.map { "<option\($0 == grain ? " selected" : "")>\($0.rawValue)</option>" }.joined()
        return """
            <form class="query" method="get" action="/trade">
            <input type="hidden" name="partnership" value="\(HTML.escape(partnership))">
            <label>Reporter<input name="reporter" value="\(HTML.escape(query.reporter))" pattern="[A-Z]{3}" size="4" required></label>
            <label>Partner<input name="partner" value="\(HTML.escape(query.partner))" pattern="[A-Z]{3}" size="4" required></label>
            <label>Flow<select name="flow">\(flows)</select></label>
            <label>Commodity<input name="commodity" value="\(HTML.escape(query.commodity))" size="8"></label>
            <label>By<select name="by">\(grains)</select></label>
            <button type="submit">Show</button></form>
            """
    }

    /// The query as URL parameters, for the CSV link.
    static func queryString(_ query: TradeQuery, grain: SeriesGrain) -> String {
        var items = [URLQueryItem(name: "reporter", value: query.reporter), URLQueryItem(name: "partner", value: query.partner)]
        items += [URLQueryItem(name: "flow", value: query.flow.rawValue), URLQueryItem(name: "commodity", value: query.commodity)]
        items.append(URLQueryItem(name: "by", value: grain.rawValue))
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}
