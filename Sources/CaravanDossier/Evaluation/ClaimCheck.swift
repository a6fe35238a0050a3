import CaravanCore
import CaravanNetwork
import Foundation

/// Claims checked against the data, in two steps: measuring (ClaimMeasurement.swift: what the
/// evidence of other origins gives) and judging (here: that value against what the claim says).
/// A claim is never confirmed by its own origin: the evidence of its publisher, of whom it quotes
/// or reprints, and of any outlet carrying the same article is set aside, and with no other
/// evidence the claim is unverifiable, never judged on a zero.
struct ClaimCheck {
    let dossier: Dossier
    /// The pair's figures the query reads, weighed by origin.
    let figures: (TradeQuery) -> WeighedFigures
    /// The growth rates and multiples stated for the query's pair.
    let relations: (TradeQuery) -> [RecordedRelativeFigure]
    let flows: [RecordedFreightFlow]
    let tariffs: [TariffShare: Result<TariffCoverage, TariffEvidenceMissing>]
    let asOf: Date

    /// The claim's origin chain: its source's publisher, whom it quotes and reprints, its article, and the claim's quote.
    func origin(of claim: Claim) -> Origin { dossier.origin(of: claim.source, quote: claim.quote) }

    func evaluate(_ claim: Claim) -> ClaimResult {
        let source = dossier.source(claim.source)
        let origin = origin(of: claim)
        let own = dossier.name(of: claim.source)
        var result = ClaimResult(
            id: claim.id, verdict: .unverifiable, quote: claim.quote, source: source.map(Provenance.init(source:)), metric: claim.metric,
            period: claim.period, expectation: claim.expectation, expected: claim.expectation.phrase(claim.metric).english, computed: nil, gap: nil,
            reason: Phrase("claim.unjudged", "not judged"), basis: [])
        if let versus = claim.expectation.versus { return relation(claim, versus: versus, origin: origin, own: own, result) }
        let current = measure(claim.metric, over: claim.period, apartFrom: origin, own: own)
        result.basis = current.basis
        result.setAside = current.setAside
        result.estimate = current.estimate
        guard let value = current.value else {
            result.reason = current.why ?? Phrase("claim.no-value", "no value")
            return result
        }
        if current.partial {
            // Part of the period already past a bound settles it; anything else waits for the whole.
            return judgedOnPart(result, value: value, why: current.why)
        }
        switch claim.expectation {
        case .value(let expected, let tolerance):
            return judged(result, value, gap: value - expected, Tolerance.within(value - expected, abs(expected) * tolerance / 100))
        case .below(let bound): return judged(result, value, gap: value - bound, value < bound)
        case .above(let bound): return judged(result, value, gap: value - bound, value > bound)
        case .change, .ratio: return result
        }
    }

    /// The verdict on a computed value, said with what it stands on.
    private func judged(_ result: ClaimResult, _ computed: Double, gap: Double, _ consistent: Bool, stated: Bool = false) -> ClaimResult {
        var result = result
        result.computed = computed
        result.gap = gap
        result.verdict = consistent ? .consistent : .inconsistent
        result.reason =
            consistent ? Phrase("claim.within", "within what the claim allows") : Phrase("claim.outside", "outside what the claim allows")
        if stated {
            result.reason = Phrase(
                "claim.on-stated", "{reason}, on a growth rate or multiple another source stated", ["reason": .phrase(result.reason)])
        }
        if result.estimate {
            result.reason = Phrase(
                "claim.on-estimate", "{reason} (on a figure apportioned by days from the other calendar: an estimate)",
                ["reason": .phrase(result.reason)])
        }
        return result
    }

    /// A change or a multiple against `versus`: from the amounts of both periods when figures of
    /// another origin tell both whole, else from a growth rate or multiple another origin stated
    /// for the same periods.
    private func relation(_ claim: Claim, versus: Period, origin: Origin, own: String, _ result: ClaimResult) -> ClaimResult {
        var result = result
        let current = measure(claim.metric, over: claim.period, apartFrom: origin, own: own)
        let base = measure(claim.metric, over: versus, apartFrom: origin, own: own)
        result.setAside = (current.setAside + base.setAside).uniqued
        var ratio: Double?
        var stated = false
        if let value = current.value, !current.partial, let baseValue = base.value, !base.partial, baseValue != 0 {
            ratio = value / baseValue
            result.basis = (current.basis + base.basis).uniqued
            result.estimate = current.estimate || base.estimate
        } else if case .trade(var query) = claim.metric {
            query.asOf = asOf
            let evidence = statedRelation(query, period: claim.period, versus: versus, apartFrom: origin)
            result.setAside += evidence.own.map(Provenance.init(relation:))
            if let best = evidence.best {
                ratio = best.figure.ratio
                stated = true
                result.basis = [Provenance(relation: best)]
            }
        }
        guard let ratio else {
            result.basis = (current.basis + base.basis).uniqued
            let missing = current.value == nil || current.partial ? current : base
            result.reason =
                missing.why
                ?? Phrase("claim.zero", "the value for {period} is zero", ["period": .period(versus)])
            return result
        }
        switch claim.expectation {
        case .change(let percent, _, let tolerance):
            let change = (ratio - 1) * 100
            return judged(result, change, gap: change - percent, Tolerance.within(change - percent, tolerance), stated: stated)
        case .ratio(let multiple, _, let tolerance):
            return judged(result, ratio, gap: ratio - multiple, Tolerance.within(ratio - multiple, tolerance), stated: stated)
        case .value, .below, .above:
            return result
        }
    }

    /// A claim judged on part of its period, trade never being negative: the part already beyond an
    /// `above` bound is consistent, already at a `below` bound or past a value's tolerance
    /// inconsistent; otherwise the claim waits for the whole period.
    private func judgedOnPart(_ result: ClaimResult, value: Double, why: Phrase?) -> ClaimResult {
        var result = result
        result.reason = why ?? Phrase("claim.no-value", "no value")
        switch result.expectation {
        case .above(let bound) where value > bound:
            result.verdict = .consistent
        case .below(let bound) where value >= bound:
            result.verdict = .inconsistent
        case .value(let expected, let tolerance) where value - expected > abs(expected) * tolerance / 100:
            result.verdict = .inconsistent
        default:
            return result
        }
        result.computed = value
        result.gap = nil
        result.reason = Phrase("claim.part-settles", "{reason}, and that part alone settles it", ["reason": .phrase(result.reason)])
        return result
    }

    /// A trade agreement in the dossier that binds `economy` to `partner` as one of several parties on its side.
    private func blocAgreement(of economy: String, with partner: String) -> Agreement? {
        let blocs = dossier.agreements.filter {
            $0.domain == "trade" && $0.parties.contains(economy) && $0.parties.contains(partner) && $0.parties.count > 2
        }
        return blocs.first { $0.status != .lapsed } ?? blocs.first
    }

    /// The rules for two sides and other calendars (docs/dossier.md): a value claim judged on each
    /// side's own figures apart is `contested` when the two verdicts differ; a claim the figures do
    /// not bear out for its own period names the figures its number matches for another.
    func judge(_ claim: Claim) -> ClaimResult {
        var result = evaluate(claim)
        if case .tariffCoverage(let share) = claim.metric, let bloc = blocAgreement(of: share.reporter, with: share.partner) {
            result.scope =
                "\(share.reporter) is one of \(bloc.parties.count - 1) parties on its side of \(bloc.id) (\(bloc.parties.joined(separator: ", "))): "
                + "a share stated for that agreement is the bloc's schedule, not \(share.reporter)'s alone"
        }
        guard case .trade(var query) = claim.metric, case .value(let expected, let tolerance) = claim.expectation else { return result }
        query.asOf = asOf
        let within = { (value: Double) in Tolerance.within(value - expected, abs(expected) * tolerance / 100) }
        result = judgedBySide(result, claim, query, within: within)
        guard result.verdict != .consistent && result.verdict != .contested else { return result }
        return matchedElsewhere(result, claim, query, within: within)
    }

    /// The claim judged on each side's own figures apart: `contested` when the two verdicts differ.
    private func judgedBySide(_ result: ClaimResult, _ claim: Claim, _ query: TradeQuery, within: (Double) -> Bool) -> ClaimResult {
        var result = result
        let origin = origin(of: claim)
        for economy in [query.reporter, query.partner] {
            guard let value = values(query, apartFrom: origin, reportedBy: economy).value(over: claim.period), !value.partial else { continue }
            result.sides.append(
                SideVerdict(
                    economy: economy, verdict: within(value.valueUSD) ? .consistent : .inconsistent, computed: value.valueUSD,
                    basis: value.sources.map(Provenance.init(citation:))))
        }
        guard result.sides.count == 2, result.sides[0].verdict != result.sides[1].verdict else { return result }
        result.verdict = .contested
        let sides = result.sides.map { side -> Phrase.Value in
            .phrase(
                Phrase(
                    "claim.side", "{economy}'s own figures: {value}, {verdict}",
                    [
                        "economy": .country(side.economy), "value": .usd(side.computed),
                        "verdict": .term(key: "status.\(side.verdict.rawValue)", english: side.verdict.rawValue),
                    ]))
        }
        result.reason = Phrase("summary.parts", "{parts}", ["parts": .list(sides, separator: "; ")])
        return result
    }

    /// A claim the figures do not bear out for its own period, with the figures its number matches
    /// for an overlapping period (of the other calendar, often) named.
    private func matchedElsewhere(_ result: ClaimResult, _ claim: Claim, _ query: TradeQuery, within: (Double) -> Bool) -> ClaimResult {
        var result = result
        let elsewhere = values(query, apartFrom: origin(of: claim)).outturns.filter { citation in
            citation.period != claim.period && citation.period.days.overlaps(claim.period.days) && within(citation.valueUSD)
        }
        result.matchesElsewhere = elsewhere.map(Provenance.init(citation:))
        guard let first = elsewhere.first else { return result }
        let why =
            first.period.calendar != claim.period.calendar
            ? Phrase("claim.other-calendar", "a period of the other calendar") : Phrase("claim.other-period", "another period")
        result.reason = Phrase(
            "claim.elsewhere", "{reason}; the claim's number is {provider}'s figure for {period} ({why}), not for {claimPeriod}",
            [
                "reason": .phrase(result.reason), "provider": .text(first.provider), "period": .period(first.period), "why": .phrase(why),
                "claimPeriod": .period(claim.period),
            ])
        return result
    }
}

/// A claim's tolerance, held exactly at its edge: the arithmetic leading to a gap (a change of
/// 1.2 − 1 = 0.19999999999999996) must not decide a verdict the figures do not.
enum Tolerance {
    /// Whether `gap` is within `allowed` either way, counting what differs only in the last few
    /// binary digits as equal.
    static func within(_ gap: Double, _ allowed: Double) -> Bool {
        abs(gap) <= allowed + max(abs(allowed), abs(gap)) * 1e-9
    }
}
