import CaravanCore
import CaravanData
import CaravanDossier
import CaravanNetwork
import CaravanPresentation
import CaravanService
import CaravanStore
import Foundation
import Testing

@Suite("Dashboard pages rendered from values made by hand, no store")
struct DashboardPageTests {
    typealias Fixture = PageFixtures

    /// The partnership's title as every page must show it: escaped, never markup.
    let escapedTitle = "Iran &amp; Kazakhstan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"

    @Test("the scorecard in Persian: right to left, the three tests, the title and a source's hostile text escaped, a javascript: link dropped")
    func scorecard() {
        let html = Fixture.request("/", .fa).scorecard(ScorecardPageData(scorecard: Fixture.scorecard())).rendered
        #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
        #expect(html.contains("<h1>\(escapedTitle)</h1>") && !html.contains("<script>"))
        #expect(html.contains("<h2>سه آزمون</h2>") && html.contains("id=\"test-trade\"") && html.contains("id=\"test-corridor\""))
        #expect(html.contains("<li id=\"source-s1\">Communiqué &lt;b&gt;of&lt;/b&gt; the summit — Ministry &#39;A&#39;"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("href=\"/claims?partnership=irn-kaz&amp;lang=fa\""))
    }

    @Test("partnerships in Russian: a row a partnership linking to its scorecard, its economies by name")
    func partnerships() {
        let other = Partnership(id: "kaz-tkm", title: "Kazakhstan–Turkmenistan", economies: ["KAZ", "TKM"])
        let page = PartnershipsPageData(scorecards: [Fixture.scorecard(), Fixture.scorecard(other)])
        let html = Fixture.request("/partnerships", .ru).partnerships(page).rendered
        #expect(html.contains("<html lang=\"ru\" dir=\"ltr\">") && html.contains("id=\"partnerships\""))
        #expect(html.contains("<a href=\"/?partnership=kaz-tkm&amp;lang=ru\">Kazakhstan–Turkmenistan</a>"))
        #expect(html.contains("Иран – Казахстан") && html.contains("Казахстан – Туркменистан"))
        #expect(html.contains(escapedTitle) && !html.contains("<script>"))
    }

    @Test(
        "changes: each with its cause and what changed by name (the id only of one the dossier no longer holds), a hostile file name escaped, the feed linked; none said in words"
    )
    func changes() {
        let batch = ImportBatch(id: 3, file: "<evil>.csv", format: "figures", contentDigest: "", recordedAt: Fixture.asOf, observations: 1)
        let change = RecordedChange(
            id: 7, partnership: "irn-kaz", subject: Judged(.test, "trade"), from: "no_data", to: "off_track", cause: batch, at: Fixture.asOf)
        let gone = RecordedChange(
            id: 8, partnership: "irn-kaz", subject: Judged(.claim, "c9"), from: "consistent", to: nil, cause: batch, at: Fixture.asOf)
        let html = Fixture.request("/changes").changes(ChangesPageData(scorecard: Fixture.scorecard(), changes: [change, gone])).rendered
        #expect(html.contains("<table id=\"changes\">") && html.contains("import #3: &lt;evil&gt;.csv, recorded 7 Dec 2026"))
        #expect(html.contains("test Trade</td>") && !html.contains("<code>trade</code>") && html.contains("claim <code>c9</code>"))
        #expect(html.contains("<a href=\"/feed/irn-kaz.atom\" type=\"application/atom+xml\">Atom feed of irn-kaz</a>"))
        let none = Fixture.request("/changes").changes(ChangesPageData(scorecard: Fixture.scorecard(), changes: [])).rendered
        #expect(none.contains("<p>No change has been recorded yet.</p>") && !none.contains("<table id=\"changes\""))
    }

    /// The fixture's IRN–KAZ turnover as the trade page shows it, with `mirror` as the two sides' reports.
    static func tradePage(mirror: [RecordedObservation] = [Fixture.figure]) -> TradePageData {
        let query = TradeQuery(reporter: "IRN", partner: "KAZ")
        return TradePageData(
            scorecard: Fixture.scorecard(), query: query, grain: .year, series: TradeSeries(query, by: .year, from: [Fixture.figure]),
            mirror: MirrorComparison("IRN", "KAZ", from: mirror))
    }

    @Test("trade: the pair's heading, the figure in the table with its source, the CSV link, no mirror said in words")
    func trade() {
        let page = Self.tradePage()
        let html = Fixture.request("/trade").trade(page).rendered
        #expect(page.isOwnPair)
        #expect(html.contains("<h2>Iran–Kazakhstan"))
        #expect(html.contains("<tr id=\"trade-series-2024\">") && html.contains("<summary>$340M</summary>"))
        #expect(html.contains("Tehran Times 11 Dec 2025"))
        #expect(html.contains("href=\"/trade.csv?reporter=IRN&amp;partner=KAZ&amp;flow=turnover&amp;commodity=TOTAL&amp;by=year\""))
        #expect(html.contains("<p class=\"note\" id=\"mirror\">"))
    }

    @Test("trade: a mirror with one side's report only shows its table and says why there is no gap to chart, never \"No figures yet.\"")
    func mirrorWithoutGap() {
        var export = Fixture.figure
        export.observation.flow = .export
        let html = Fixture.request("/trade").trade(Self.tradePage(mirror: [export])).rendered
        #expect(html.contains("<table id=\"mirror\">") && html.contains("id=\"mirror-no-gap\""))
        #expect(!html.contains("id=\"mirror-chart\"") && !html.contains("No figures yet."))
    }

    @Test("trade: with no schedule, the agreement's published coverage in a table, quoted and linked to its source, in place of \"no schedule\"")
    func publishedCoverage() {
        var page = Self.tradePage()
        page.publishedCoverage = [
            PublishedCoverage(
                id: "f125", reporter: "EAEU", partner: "IRN", measure: "lines", period: "2019-10..2025-05", value: 502,
                unit: "goods (EAEU <concessions>)", source: "Pressclub.world", url: "https://example.org/p", quote: "502 goods")
        ]
        let html = Fixture.request("/trade", .ru).trade(page).rendered
        #expect(html.contains("<table id=\"tariff-coverage\">") && html.contains("Тарифное покрытие, как опубликовано"))
        #expect(
            html.contains("goods (EAEU &lt;concessions&gt;)")
                && html.contains("<a href=\"https://example.org/p\" rel=\"noopener\">Pressclub.world</a>"))
        #expect(html.contains("Евразийский экономический союз – Иран") && !html.contains("Тарифный перечень ни одной"))
    }

    @Test(
        "what if: each project still to deliver listed by name with its year and what it changes, the delay asked selected; elements offered by name; no answer without a comparison"
    )
    func scenario() {
        let project = Project(
            id: "port-x", title: "Port <X> expansion", kind: "port", countries: ["KAZ"],
            effects: [ProjectEffect(element: "ink", figure: .capacityMt, change: .add, amount: 5.5)], status: .funded, completionYear: 2028,
            source: "s")
        let dossier = Dossier(partnership: Fixture.partnership, sources: [Fixture.source], projects: [project])
        let scorecard = Scorecard(ScorecardInput(dossier: dossier, asOf: Fixture.asOf, trade: { _, _, _ in [] }, flows: [], network: nil))
        var page = ScenarioPageData(
            scorecard: scorecard, projects: ["port-x"], elements: ["ink", "rail-east"], changes: [.delay(project: "port-x", years: 2)])
        page.names = ["ink": .name("Incheh Borun", ["fa": "اینچه‌برون"])]
        let html = Fixture.request("/scenario").scenario(page).rendered
        #expect(
            html.contains("Port &lt;X&gt; expansion") && html.contains("<td data-label=\"completion\">2028</td>")
                && html.contains("Incheh Borun: capacity (Mt a year) +5.5"))
        #expect(html.contains("<option value=\"port-x=2y\" selected>2 years later</option>"))
        #expect(html.contains("<option value=\"port-x=1y\">"))
        #expect(html.contains("<input type=\"checkbox\" name=\"cancel\" value=\"port-x\">"))
        #expect(html.contains("<option value=\"ink:capacity_mt=5\" label=\"Incheh Borun\">"))
        #expect(!html.contains("id=\"scenario-changes\""))
        let persian = Fixture.request("/scenario", .fa).scenario(page).rendered
        #expect(persian.contains("اینچه‌برون") && !persian.contains("Incheh Borun"))
    }

    @Test("the corridor: the route's problem said, places by name escaped, the network's sources")
    func corridor() {
        let page = CorridorPageData(
            report: Self.report(), network: Fixture.network, route: nil, routes: nil, routeProblem: .unknownPlace("Nowhere", suggestions: []))
        let html = Fixture.request("/corridor").corridor(page).rendered
        #expect(html.contains("<p class=\"problem\" id=\"route-problem\">no node has the id or name &#39;Nowhere&#39;</p>"))
        #expect(html.contains(">Incheh &lt;Borun&gt;</option>") && !html.contains("<Borun>"))
        #expect(html.contains("<li id=\"network-source-n1\"><a href=\"https://example.org/map\" rel=\"noopener\">Railway map</a></li>"))
    }

    @Test("the stylesheets come from Data/styles, inlined as they are: the report's alone in the report, all three in a page")
    func styles() {
        let (report, dashboard, check) = (BundledData.style("report"), BundledData.style("dashboard"), BundledData.style("check"))
        #expect(report.hasPrefix("body{") && !report.hasSuffix("\n") && dashboard.hasPrefix(".top{"))
        #expect(HTMLReport(Self.report()).html.rendered.contains("<style>\(report)</style>"))
        let page = Fixture.request("/projects").projects(ScorecardPageData(scorecard: Fixture.scorecard())).rendered
        #expect(page.contains("<style>\(report)\(dashboard)\(check)</style>") && check.hasPrefix(".article-text{"))
    }

    static func report() -> ReportData {
        let query = TradeQuery(reporter: "IRN", partner: "KAZ")
        return ReportData(
            scorecard: Fixture.scorecard(), series: TradeSeries(query, by: .year, from: [Fixture.figure]), flows: FlowReport(flows: []), capacity: [],
            composition: nil, generated: Fixture.asOf)
    }
}
