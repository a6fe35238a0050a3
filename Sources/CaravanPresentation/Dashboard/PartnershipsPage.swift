import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// Every partnership in the store, each with its three tests, linking to its scorecard.
    public func partnerships(_ page: PartnershipsPageData) -> HTML {
        let scorecards = page.scorecards
        let rows = scorecards.map { scorecard -> [HTML] in
            let tests = scorecard.tests
            let link: HTML = "<a href=\"\(request.href("/", [("partnership", scorecard.partnership.id)]))\">\(words.title(scorecard.partnership))</a>"
            let sources = scorecard.sources.map { HTML.link($0.publisher ?? $0.id, $0.url) }
            let cited: HTML =
                "\(words("partnerships.sources", ["count": words.integer(sources.count)])): \(Array(sources.prefix(3)).joined(separator: "; "))"
            return [link, "\(scorecard.partnership.economies.map(words.country).joined(separator: " – "))", cited]
                + [tests.trade.status, tests.projects.status, tests.corridor.status].map { words.badge($0.rawValue) }
        }
        let body: HTML = """
            <h2>\(words("tab.partnerships"))</h2>
            \(HTML.table(["partnership", "economies", "sources", "trade", "projects", "corridor"].map { words("column.\($0)") }, rows, id: "partnerships", lead: [0]))
            """
        return DashboardFrame.page(.partnerships, partnership: nil, asOf: scorecards.first?.asOf, body: body, request: request)
    }
}
