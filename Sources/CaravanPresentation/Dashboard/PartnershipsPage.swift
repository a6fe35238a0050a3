import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// Every partnership in the store compared in numbers — its latest trade, what its nearest
    /// target needs against what is observed, corridor tonnes against target and capacity, projects
    /// still to deliver — with its three tests, linking to its scorecard.
    public func partnerships(_ page: PartnershipsPageData) -> HTML {
        let scorecards = page.scorecards
        let rows = scorecards.map { scorecard -> [HTML] in
            let tests = scorecard.tests
            let link: HTML = "<a href=\"\(request.href("/", [("partnership", scorecard.partnership.id)]))\">\(words.title(scorecard.partnership))</a>"
            let sources = scorecard.sources.map { HTML.link($0.publisher ?? $0.id, $0.url) }
            let cited: HTML =
                "\(words("partnerships.sources", ["count": words.integer(sources.count)])): \(Array(sources.prefix(3)).joined(separator: "; "))"
            return [
                "\(link)<br><small>\(scorecard.partnership.economies.map(words.country).joined(separator: " – "))</small>",
                "\(words.badge(tests.trade.status.rawValue)) \(latestTrade(tests.trade, asOfYear: scorecard.asOfYear))",
                "\(words.badge(tests.corridor.status.rawValue)) \(freight(tests.corridor, asOfYear: scorecard.asOfYear))",
                "\(words.badge(tests.projects.status.rawValue)) \(projects(tests.projects))", cited,
            ]
        }
        let body: HTML = """
            <h2>\(words("tab.partnerships"))</h2>
            \(HTML.table(["partnership", "trade", "corridor", "projects", "sources"].map { words("column.\($0)") }, rows, id: "partnerships", lead: [0]))
            """
        return DashboardFrame.page(.partnerships, partnership: nil, asOf: scorecards.first?.asOf, body: body, request: request)
    }

    /// `$528M in 2022; reaching $400M by 2026 needs 8.5% a year, against 2.4% a year observed`.
    private func latestTrade(_ test: TradeTest, asOfYear: Int) -> String {
        let latest = (test.latest ?? test.latestOwn).map {
            words("partnerships.latest", ["value": words.money($0.value), "period": words.period($0.period)])
        }
        return [latest, words.say(TradeTest.next(test.targets, asOfYear: asOfYear))].compactMap { $0 }.joined(separator: words.punctuated("; "))
    }

    /// `1.6 Mt in 2024 against 15 Mt by 2027; at most 10 Mt a year`.
    private func freight(_ test: CorridorTest, asOfYear: Int) -> String {
        guard let target = test.targets.nearestOpen(asOfYear: asOfYear) ?? test.targets.first else { return words("partnerships.no-freight-targets") }
        let carried = target.latest.map {
            words("partnerships.latest", ["value": words.say(.megatonnes($0.value / 1e6)), "period": words.period($0.period)])
        }
        let capacity = target.capacity.flatMap(\.maxMt).map { words("partnerships.capacity", ["capacity": words.say(.megatonnes($0))]) }
        let goal = words("partnerships.target", ["level": words.say(.megatonnes(target.value / 1e6)), "deadline": words.integer(target.deadline)])
        return [carried, goal, capacity].compactMap { $0 }.joined(separator: words.punctuated("; "))
    }

    /// `2 of 6 still to deliver`.
    private func projects(_ test: ProjectsTest) -> String {
        let open = test.projects.filter { $0.declared != .operational && $0.declared != .cancelled }.count
        return words("partnerships.projects", ["open": words.integer(open), "count": words.integer(test.projects.count)])
    }
}
