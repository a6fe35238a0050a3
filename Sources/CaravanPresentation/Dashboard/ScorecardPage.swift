import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

/// The dashboard's pages, each worked out from the workspace's answers and rendered here.
public struct Dashboard: Sendable {
    let workspace: Workspace

    public init(_ workspace: Workspace) { self.workspace = workspace }

    /// The scorecard: the three tests, every target, and the claims' verdicts at a glance.
    public func scorecard(_ partnership: String? = nil, asOf: Date = Date()) async throws -> HTML {
        let scorecard = try await workspace.scorecard(partnership, asOf: asOf)
        let report = HTMLReport(.only(scorecard))
        let verdicts = Dictionary(grouping: scorecard.claims, by: \.verdict.rawValue).mapValues(\.count)
        let tally = ["consistent", "inconsistent", "contested", "unverifiable"].map { verdict -> HTML in
            "<li><span class=\"\(verdict)\">\(verdicts[verdict] ?? 0) \(verdict)</span></li>"
        }
        let trade = scorecard.tests.trade
        var latest = HTML.empty
        if let value = trade.latest {
            let runRate: HTML = trade.runRate.map { "; run-rate \(NumberText.grouped($0.fullYear)) USD for \($0.year) (\($0.method))" } ?? ""
            latest = """
                <p id="latest">Latest full year: \(value.period.description) \(NumberText.grouped(value.value)) USD — \
                \(value.sources.map { report.cite($0) }.joined(separator: "; "))\(runRate)</p>
                """
        }
        let missing: HTML = scorecard.missingNote.map { "<p class=\"note\" id=\"missing-elements\">\($0)</p>" } ?? ""
        let claims = "/claims?partnership=" + DashboardFrame.percentEncoded(scorecard.partnership.id)
        let body: HTML = """
            \(missing)
            \(report.tests)
            \(latest)
            <h2>Targets</h2>\(report.targetTable(scorecard.allTargets))
            <h2>Claims</h2><ul class="tally">\(tally)</ul><p><a href="\(claims)">Every claim, with its quote and sources</a></p>
            \(report.agreements)
            \(report.sources)
            """
        return DashboardFrame.page(.scorecard, partnership: scorecard.partnership, asOf: scorecard.asOf.description, body: body)
    }

    /// The projects: funding against budget and milestones against plan.
    public func projects(_ partnership: String? = nil, asOf: Date = Date()) async throws -> HTML {
        let scorecard = try await workspace.scorecard(partnership, asOf: asOf)
        let report = HTMLReport(.only(scorecard))
        return DashboardFrame.page(
            .projects, partnership: scorecard.partnership, asOf: scorecard.asOf.description, body: report.projects + report.sources)
    }

    /// The claims: each verdict with its quote, what was expected and computed, and the sources.
    public func claims(_ partnership: String? = nil, asOf: Date = Date()) async throws -> HTML {
        let scorecard = try await workspace.scorecard(partnership, asOf: asOf)
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
