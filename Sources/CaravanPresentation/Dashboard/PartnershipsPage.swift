import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// Every partnership in the store, each with its three tests, linking to its scorecard.
    public func partnerships(asOf: Date = Date()) async throws -> HTML {
        let scorecards = try await workspace.partnerships(asOf: asOf)
        let rows = scorecards.map { scorecard -> [HTML] in
            let tests = scorecard.tests
            let link: HTML = "<a href=\"/?partnership=\(DashboardFrame.percentEncoded(scorecard.partnership.id))\">\(scorecard.partnership.title)</a>"
            let sources = scorecard.sources.map { HTML.link($0.publisher ?? $0.id, $0.url) }
            let cited: HTML = "\(sources.count) sources: \(Array(sources.prefix(3)))"
            return [link, "\(scorecard.partnership.economies.joined(separator: "–"))", cited]
                + [tests.trade.status, tests.projects.status, tests.corridor.status].map { "<span class=\"\($0.rawValue)\">\($0.rawValue)</span>" }
        }
        let body: HTML = """
            <h2>Partnerships</h2>
            \(HTML.table(["partnership", "economies", "sources", "trade", "projects", "corridor"], rows, id: "partnerships"))
            """
        return DashboardFrame.page(.partnerships, partnership: nil, asOf: scorecards.first?.asOf.description ?? "now", body: body)
    }
}
