import CaravanCore
import CaravanNetwork
import Foundation

/// Claims checked against the data. A claim is never confirmed by its own source: figures from
/// the claim's publisher are set aside, so a newspaper repeating its own number proves nothing.
struct ClaimCheck {
    let dossier: Dossier
    let trade: (TradeQuery) -> [RecordedObservation]
    let flows: [RecordedFreightFlow]
    let tariffs: [TariffShare: Result<TariffCoverage, TariffEvidenceMissing>]
    let asOf: Date
    /// A flow's values, kept for the claims that ask the same question of the same rows.
    let kept = KeptResults<ValuesQuestion, FlowValues>()

    func evaluate(_ claim: Claim) -> ClaimResult {
        let source = dossier.source(claim.source)
        var result = ClaimResult(
            id: claim.id, verdict: .unverifiable, quote: claim.quote, source: source.map(Provenance.init(source:)), metric: claim.metric,
            period: claim.period, expectation: claim.expectation, expected: claim.expectation.description, computed: nil, gap: nil,
            reason: Phrase("claim.unjudged", "not judged"), basis: [])
        let own = source?.publisher
        // Whether a publisher is the claim's own: named alike, whatever the case and spacing.
        let isOwn: (String?) -> Bool = { publisher in
            guard let own, let publisher else { return false }
            return Publisher.same(own, publisher)
        }
        let measure: (Period) -> (value: Double?, basis: [Provenance], why: Phrase?)
        switch claim.metric {
        case .trade(var query):
            query.asOf = asOf
            let values = values(query, apartFrom: own)
            measure = { period in
                guard let value = values.value(over: period) else {
                    return (
                        nil, [],
                        own.map {
                            Phrase(
                                "claim.no-figure", "no figure for {period} from a source other than {own}",
                                ["period": .period(period), "own": .text($0)])
                        }
                            ?? Phrase(
                                "claim.no-figure-at-all", "no figure for {period} from a source other than the claim's", ["period": .period(period)])
                    )
                }
                if value.partial {
                    return (
                        nil, value.sources.map(Provenance.init(citation:)),
                        Phrase("claim.partial", "the figures cover only part of {period}", ["period": .period(period)])
                    )
                }
                if value.estimate { result.estimate = true }
                return (value.valueUSD, value.sources.map(Provenance.init(citation:)), nil)
            }
        case .freight(let element):
            measure = { period in
                let matching = flows.filter { $0.flow.element == element && $0.flow.period == period && !isOwn($0.source.provider) }
                guard let latest = matching.max(by: { $0.source.recordedAt < $1.source.recordedAt }) else {
                    return (
                        nil, [],
                        Phrase(
                            "claim.no-flow", "no flow through {element} reported for {period} by another source",
                            ["element": .text(element), "period": .period(period)])
                    )
                }
                return (latest.flow.tonnes, [Provenance(flow: latest)], nil)
            }
        case .agreements:
            measure = { period in
                let signed = dossier.agreements.filter {
                    (DateText.day($0.signed).map(period.days.contains) ?? false) && !isOwn(dossier.source($0.source)?.publisher)
                }
                return (
                    Double(signed.reduce(0) { $0 + $1.count }), signed.compactMap { dossier.source($0.source) }.map(Provenance.init(source:)), nil
                )
            }
        case .funding(let ids):
            measure = { period in
                let events = dossier.projects.filter { ids.contains($0.id) }.flatMap(\.funding)
                    .filter {
                        $0.kind == .commitment && (DateText.day($0.date).map(period.days.contains) ?? false)
                            && !isOwn(dossier.source($0.source)?.publisher)
                    }
                return (events.reduce(0) { $0 + $1.amountUSD }, events.compactMap { dossier.source($0.source) }.map(Provenance.init(source:)), nil)
            }
        case .tariffCoverage(let share):
            measure = { _ in
                switch tariffs[share] ?? .failure(TariffEvidenceMissing("the tariff coverage was not worked out")) {
                case .failure(let missing): return (nil, [], Phrase("claim.tariff-missing", "{reason}", ["reason": .text(missing.reason)]))
                case .success(let coverage):
                    let basis = coverage.sources.map(Provenance.init(record:))
                    switch share.of {
                    case .lines:
                        return (coverage.lines.liberalizedPct, basis, Phrase("claim.no-rate", "the schedule gives no rate for any line"))
                    case .trade:
                        guard let trade = coverage.trade else {
                            return (
                                nil, basis,
                                Phrase(
                                    "claim.no-imports", "no {reporter} imports from {partner} at the subheading level are stored",
                                    ["reporter": .country(share.reporter), "partner": .country(share.partner)])
                            )
                        }
                        return (
                            trade.liberalizedPct, basis, Phrase("claim.no-rated-imports", "none of the imports falls in a line the schedule rates")
                        )
                    }
                }
            }
        case .statement:
            result.reason = Phrase("claim.statement", "the claim states nothing the ledger, the network or the dossier measures")
            return result
        }
        let current = measure(claim.period)
        result.basis = current.basis
        guard let value = current.value else {
            result.reason = current.why ?? Phrase("claim.no-value", "no value")
            return result
        }
        // The comparison period's value, its sources added to the basis; nil (with why) when there is none to divide by.
        func measured(_ versus: Period) -> Double? {
            let base = measure(versus)
            result.basis += base.basis
            guard let baseValue = base.value, baseValue != 0 else {
                result.reason = base.why ?? Phrase("claim.zero", "the value for {period} is zero", ["period": .period(versus)])
                return nil
            }
            return baseValue
        }
        let computed: Double
        let consistent: Bool
        switch claim.expectation {
        case .value(let expected, let tolerance):
            computed = value
            result.gap = value - expected
            consistent = Tolerance.within(value - expected, abs(expected) * tolerance / 100)
        case .below(let bound):
            computed = value
            result.gap = value - bound
            consistent = value < bound
        case .above(let bound):
            computed = value
            result.gap = value - bound
            consistent = value > bound
        case .change(let percent, let versus, let tolerance):
            guard let baseValue = measured(versus) else { return result }
            computed = (value / baseValue - 1) * 100
            result.gap = computed - percent
            consistent = Tolerance.within(computed - percent, tolerance)
        case .ratio(let ratio, let versus, let tolerance):
            guard let baseValue = measured(versus) else { return result }
            computed = value / baseValue
            result.gap = computed - ratio
            consistent = Tolerance.within(computed - ratio, tolerance)
        }
        result.computed = computed
        result.verdict = consistent ? .consistent : .inconsistent
        result.reason =
            consistent ? Phrase("claim.within", "within what the claim allows") : Phrase("claim.outside", "outside what the claim allows")
        if result.estimate {
            result.reason = Phrase(
                "claim.on-estimate", "{reason} (on a figure apportioned by days from the other calendar: an estimate)",
                ["reason": .phrase(result.reason)])
        }
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
        let publisher = dossier.source(claim.source)?.publisher
        let within = { (value: Double) in Tolerance.within(value - expected, abs(expected) * tolerance / 100) }
        for economy in [query.reporter, query.partner] {
            guard let value = values(query, apartFrom: publisher, reportedBy: economy).value(over: claim.period), !value.partial else { continue }
            result.sides.append(
                SideVerdict(
                    economy: economy, verdict: within(value.valueUSD) ? .consistent : .inconsistent, computed: value.valueUSD,
                    basis: value.sources.map(Provenance.init(citation:))))
        }
        if result.sides.count == 2, result.sides[0].verdict != result.sides[1].verdict {
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
        }
        guard result.verdict != .consistent && result.verdict != .contested else { return result }
        let elsewhere = values(query, apartFrom: publisher).outturns.filter { citation in
            citation.period != claim.period && citation.period.days.overlaps(claim.period.days) && within(citation.valueUSD)
        }
        result.matchesElsewhere = elsewhere.map(Provenance.init(citation:))
        if let first = elsewhere.first {
            let why =
                first.period.calendar != claim.period.calendar
                ? Phrase("claim.other-calendar", "a period of the other calendar") : Phrase("claim.other-period", "another period")
            result.reason = Phrase(
                "claim.elsewhere", "{reason}; the claim's number is {provider}'s figure for {period} ({why}), not for {claimPeriod}",
                [
                    "reason": .phrase(result.reason), "provider": .text(first.provider), "period": .period(first.period), "why": .phrase(why),
                    "claimPeriod": .period(claim.period),
                ])
        }
        return result
    }

    /// The flow's values from the pair's rows apart from the publisher's (and of one reporter's
    /// only, when given), worked out once for every claim that asks.
    private func values(_ query: TradeQuery, apartFrom publisher: String?, reportedBy economy: String? = nil) -> FlowValues {
        kept.result(for: ValuesQuestion(query: query, publisher: publisher, economy: economy)) {
            let rows = rows(query, apartFrom: publisher)
            return Ledger.values(of: query, from: economy.map { economy in rows.filter { $0.observation.reporter == economy } } ?? rows)
        }
    }

    /// The pair's rows from sources other than the claim's publisher, each provider compared once.
    private func rows(_ query: TradeQuery, apartFrom publisher: String?) -> [RecordedObservation] {
        let rows = trade(query)
        guard let publisher else { return rows }
        // A pair has a handful of providers, each over long runs of rows: collected without hashing every row.
        var providers: [String] = []
        for row in rows where providers.last != row.source.provider && !providers.contains(row.source.provider) {
            providers.append(row.source.provider)
        }
        let key = Publisher.key(publisher)
        let owned = providers.filter { Publisher.key($0) == key }
        return owned.isEmpty ? rows : rows.filter { !owned.contains($0.source.provider) }
    }
}

/// What a claim asks of the figures: a flow, from rows apart from a publisher's, of one reporter's or both.
struct ValuesQuestion: Hashable {
    let query: TradeQuery
    let publisher: String?
    let economy: String?
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

/// Publishers compared as people write them: "Tehran Times", "tehran  times " are one.
enum Publisher {
    static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).joined(separator: " ")
    }
}
