import CaravanCore
import CaravanDossier
import Foundation

extension Workspace {
    /// The scorecard: the three tests, every target, and the claims' verdicts at a glance.
    public func scorecardPage(_ partnership: String? = nil, asOf: Date = Date()) async throws -> String {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let report = HTMLReport(.only(scorecard))
        let verdicts = Dictionary(grouping: scorecard.claims, by: \.verdict.rawValue).mapValues(\.count)
        let tally = ["consistent", "inconsistent", "unverifiable"].map { verdict in
            "<li><span class=\"\(verdict)\">\(verdicts[verdict] ?? 0) \(verdict)</span></li>"
        }
        let trade = scorecard.tests.trade
        let latest = trade.latest.map { latest in
            "<p id=\"latest\">Latest full year: \(HTML.escape(latest.period.description)) \(NumberText.grouped(latest.value)) USD — "
                + latest.sources.map { report.cite($0) }.joined(separator: "; ")
                + (trade.runRate.map { "; run-rate \(NumberText.grouped($0.fullYear)) USD for \($0.year) (\(HTML.escape($0.method)))" } ?? "")
                + "</p>"
        }
        let missing = scorecard.missingNote.map { "<p class=\"note\" id=\"missing-elements\">\(HTML.escape($0))</p>" }
        let body = """
            \(missing ?? "")
            \(report.tests)
            \(latest ?? "")
            <h2>Targets</h2>\(report.targetTable(scorecard.allTargets))
            <h2>Claims</h2><ul class="tally">\(tally.joined())</ul><p><a href="/claims?partnership=\(HTML.escape(scorecard.partnership.id))">Every claim, with its quote and sources</a></p>
            \(report.agreements)
            \(report.sources)
            """
        return DashboardFrame.page(.scorecard, partnership: scorecard.partnership, asOf: scorecard.asOf.description, body: body)
    }

    /// The projects: funding against budget and milestones against plan.
    public func projectsPage(_ partnership: String? = nil, asOf: Date = Date()) async throws -> String {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let report = HTMLReport(.only(scorecard))
        return DashboardFrame.page(
            .projects, partnership: scorecard.partnership, asOf: scorecard.asOf.description, body: report.projects + report.sources)
    }

    /// The claims: each verdict with its quote, what was expected and computed, and the sources.
    public func claimsPage(_ partnership: String? = nil, asOf: Date = Date()) async throws -> String {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let report = HTMLReport(.only(scorecard))
        return DashboardFrame.page(
            .claims, partnership: scorecard.partnership, asOf: scorecard.asOf.description, body: report.claims + report.sources)
    }
}

extension ReportData {
    /// A report of the scorecard alone, for the pages that show nothing more.
    static func only(_ scorecard: Scorecard) -> ReportData {
        ReportData(
            scorecard: scorecard, series: TradeSeries(TradeQuery(reporter: "", partner: ""), by: .year, from: []), flows: FlowReport(flows: []),
            capacity: [], composition: nil, generated: Date())
    }
}
