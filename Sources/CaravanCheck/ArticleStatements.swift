import CaravanArticle
import CaravanCore
import CaravanDossier
import Foundation

/// An article's findings as a dossier states them: each pinned figure, growth and count a claim,
/// each target with a year a target, and why the rest cannot be judged. The article is the
/// source of every one of them, so that its own figures never confirm it.
struct ArticleStatements {
    /// What one finding became.
    enum Statement {
        case claim(Claim)
        case target(Target)
        /// Listed, never guessed: what the text leaves open.
        case unpinned(Phrase)
    }

    /// The dossier id of the article among the sources.
    static let source = "article"

    let findings: [Finding]

    /// The statement of each finding, in their order; ids are `f1`, `f2`, … by that order.
    var statements: [Statement] {
        findings.enumerated().map { index, finding in statement(finding, id: "f\(index + 1)") }
    }

    private func statement(_ finding: Finding, id: String) -> Statement {
        switch finding.kind {
        case .figure: figure(finding, id: id)
        case .growth: growth(finding, id: id)
        case .target: target(finding, id: id)
        case .count: count(finding, id: id)
        }
    }

    private func figure(_ finding: Finding, id: String) -> Statement {
        guard let query = query(finding) else { return .unpinned(why(finding)) }
        guard let period = finding.period else { return .unpinned(Self.noPeriod) }
        guard let value = finding.valueUSD.map(\.double) else { return .unpinned(Self.noAmount) }
        return .claim(
            Claim(
                id: id, source: Self.source, quote: finding.quote, metric: .trade(query), period: period,
                expectation: Self.expectation(value, bound: finding.bound)))
    }

    private func growth(_ finding: Finding, id: String) -> Statement {
        guard let query = query(finding) else { return .unpinned(why(finding)) }
        guard let period = finding.period, let versus = finding.versus else { return .unpinned(Self.noComparedPeriods) }
        guard let pct = finding.pct.map(\.double) else { return .unpinned(Self.noAmount) }
        // A stated change is rounded by whoever wrote it: a tenth of it either way, a quarter when "about".
        let tolerance = finding.bound == .about ? max(5, abs(pct) / 4) : max(1, abs(pct) / 10)
        return .claim(
            Claim(
                id: id, source: Self.source, quote: finding.quote, metric: .trade(query), period: period,
                expectation: .change(percent: pct, versus: versus, tolerancePoints: tolerance)))
    }

    private func target(_ finding: Finding, id: String) -> Statement {
        // A target of tonnes names no element of the network whose freight it is.
        if finding.what == .tonnes { return .unpinned(Self.noElement) }
        guard let query = query(finding) else { return .unpinned(why(finding)) }
        guard let year = finding.year else { return .unpinned(Self.noYear) }
        guard let value = finding.valueUSD.map(\.double) else { return .unpinned(Self.noAmount) }
        return .target(Target(id: id, metric: .trade(query), value: value, deadline: year, source: Self.source, quote: finding.quote))
    }

    private func count(_ finding: Finding, id: String) -> Statement {
        guard let what = finding.what, [.agreements, .memoranda, .documents].contains(what) else {
            // Tonnes name no element of the network, and projects no project of the dossier.
            return .unpinned(Self.noElement)
        }
        guard let period = finding.period else { return .unpinned(Self.noPeriod) }
        guard let value = finding.value.map(\.double) else { return .unpinned(Self.noAmount) }
        return .claim(
            Claim(
                id: id, source: Self.source, quote: finding.quote, metric: .agreements, period: period,
                expectation: Self.expectation(value, bound: finding.bound)))
    }

    /// Why a finding names no trade: its pair, else its flow, is missing.
    private func why(_ finding: Finding) -> Phrase {
        finding.reporter == nil || finding.partner == nil ? Self.noPair : Self.noFlow
    }

    /// The trade a finding is of, when the text or the partnership gives both sides.
    private func query(_ finding: Finding) -> TradeQuery? {
        guard let reporter = finding.reporter, let partner = finding.partner, let flow = finding.flow else { return nil }
        return TradeQuery(reporter: reporter, partner: partner, flow: flow, commodity: finding.commodity ?? "TOTAL")
    }

    /// An amount as stated: "more than" and "under" are bounds; "about" is allowed 5%, an amount
    /// given as exact 2%, what rounding and the revisions between vintages account for.
    static func expectation(_ value: Double, bound: Bound) -> ClaimExpectation {
        switch bound {
        case .above: .above(value)
        case .below: .below(value)
        case .about: .value(value, tolerancePct: 5)
        case .exact: .value(value, tolerancePct: 2)
        }
    }

    static let noPair = Phrase("check.no-pair", "no pair of economies the text names")
    static let noPeriod = Phrase("check.no-period", "no period the text pins down")
    static let noComparedPeriods = Phrase("check.no-versus", "not both periods the change compares")
    static let noYear = Phrase("check.no-year", "a target with no year stated: nothing to be on track for")
    static let noAmount = Phrase("check.no-amount", "no amount")
    static let noFlow = Phrase("check.no-flow", "no flow the text names: exports, imports or trade")
    static let noElement = Phrase("check.no-element", "no network element or project the text names")
}

extension Decimal {
    var double: Double { NSDecimalNumber(decimal: self).doubleValue }
}
