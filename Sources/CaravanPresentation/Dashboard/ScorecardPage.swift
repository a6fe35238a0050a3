import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

/// The dashboard's pages, each rendered from the value the service layer gathered for it
/// (`Workspace.scorecardPage`, `tradePage`…), in the language the request asked for.
public struct Dashboard: Sendable {
    let request: PageRequest
    var words: Words { request.words }

    public init(request: PageRequest) { self.request = request }

    /// The scorecard: the three tests, every target, and the claims' verdicts at a glance.
    public func scorecard(_ page: ScorecardPageData) -> HTML {
        let scorecard = page.scorecard
        let report = HTMLReport(.only(scorecard), words: words)
        let verdicts = Dictionary(grouping: scorecard.claims, by: \.verdict.rawValue).mapValues(\.count)
        let tally = ["consistent", "inconsistent", "contested", "unverifiable"].map { verdict -> HTML in
            "<li><span class=\"\(verdict)\">\(words.integer(verdicts[verdict] ?? 0)) \(words.status(verdict))</span></li>"
        }
        let trade = scorecard.tests.trade
        let own = trade.assessed.joined(separator: ", ")
        let cited = { (value: MeasuredValue) -> HTML in
            "\(words.amount(value.value)) — \(value.sources.map { report.cite($0) }.joined(separator: "; "))"
        }
        var latest: [HTML] = []
        if let value = trade.latest {
            let key = trade.assessed.isEmpty ? "scorecard.latest" : "scorecard.latest-other"
            latest.append("\(words(key, ["period": words.period(value.period), "own": own])) \(cited(value))")
        }
        if let value = trade.latestOwn {
            latest.append("\(words("scorecard.own-latest", ["period": words.period(value.period), "own": own])) \(cited(value))")
        }
        if let runRate = trade.runRate {
            let key = runRate.own ? "scorecard.own-run-rate" : "scorecard.run-rate"
            latest.append("\(words(key, ["value": words.money(runRate.fullYear), "year": words.integer(runRate.year), "own": own]))")
        }
        let headline: HTML = latest.isEmpty ? .empty : "<p id=\"latest\">\(latest.joined(separator: "<br>"))</p>"
        let missing: HTML = scorecard.missingNote.map { "<p class=\"note\" id=\"missing-elements\">\(words.english($0))</p>" } ?? ""
        let claims = request.href("/claims", [("partnership", scorecard.partnership.id)])
        let body: HTML = """
            \(missing)
            \(report.tests)
            \(headline)
            <h2>\(words("scorecard.targets"))</h2>\(report.targetTable(scorecard.allTargets))
            <h2>\(words("report.claims"))</h2><ul class="tally">\(tally)</ul><p><a href="\(claims)">\(words("scorecard.every-claim"))</a></p>
            \(report.agreements)
            \(report.sources)
            """
        return DashboardFrame.page(.scorecard, partnership: scorecard.partnership, asOf: scorecard.asOf, body: body, request: request)
    }

    /// The projects: funding against budget and milestones against plan.
    public func projects(_ page: ScorecardPageData) -> HTML {
        let scorecard = page.scorecard
        let report = HTMLReport(.only(scorecard), words: words)
        return DashboardFrame.page(
            .projects, partnership: scorecard.partnership, asOf: scorecard.asOf, body: report.projects + report.sources, request: request)
    }

    /// The claims: each verdict with its quote, what was expected and computed, and the sources.
    public func claims(_ page: ScorecardPageData) -> HTML {
        let scorecard = page.scorecard
        let report = HTMLReport(.only(scorecard), words: words)
        return DashboardFrame.page(
            .claims, partnership: scorecard.partnership, asOf: scorecard.asOf, body: report.claims + report.sources, request: request)
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
