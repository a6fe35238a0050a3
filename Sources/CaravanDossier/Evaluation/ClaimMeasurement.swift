import CaravanCore
import Foundation

/// What the evidence of other origins than a claim's gives for one period.
struct Measurement {
    /// Nil when no evidence of another origin tells the period: never a zero.
    var value: Double?
    var basis: [Provenance] = []
    /// The claim's own evidence for the period, set aside.
    var setAside: [Provenance] = []
    /// Why there is no value, or why it is only part of one.
    var why: Phrase?
    /// True when the value covers only part of the period: a lower bound on the whole.
    var partial = false
    /// True when part of the value was apportioned by days from the other calendar.
    var estimate = false
}

/// The evidence a claim is measured on, metric by metric, never its own origin's (docs/dossier.md).
extension ClaimCheck {
    func measure(_ metric: Metric, over period: Period, apartFrom origin: Origin, own: String) -> Measurement {
        switch metric {
        case .trade(let query): trade(query, over: period, apartFrom: origin, own: own)
        case .freight(let element): freight(element, over: period, apartFrom: origin, own: own)
        case .agreements: agreements(over: period, apartFrom: origin, own: own)
        case .funding(let ids): funding(ids, over: period, apartFrom: origin, own: own)
        case .tariffCoverage(let share): tariffCoverage(share, apartFrom: origin, own: own)
        case .statement: Measurement(why: Phrase("claim.statement", "the claim states nothing the ledger, the network or the dossier measures"))
        }
    }

    private func trade(_ query: TradeQuery, over period: Period, apartFrom origin: Origin, own: String) -> Measurement {
        var query = query
        query.asOf = asOf
        let ownValue = values(query, apartFrom: origin, own: true).value(over: period)
        var measured = Measurement(setAside: ownValue?.sources.map(Provenance.init(citation:)) ?? [])
        guard let value = values(query, apartFrom: origin).value(over: period) else {
            measured.why = Self.nothingElse(period, own: own, setAside: measured.setAside, what: Phrase("claim.what-figures", "figures"))
            return measured
        }
        measured.value = value.valueUSD
        measured.basis = value.sources.map(Provenance.init(citation:))
        measured.partial = value.partial
        measured.estimate = value.estimate
        if value.partial { measured.why = Phrase("claim.partial", "the figures cover only part of {period}", ["period": .period(period)]) }
        return measured
    }

    private func freight(_ element: String, over period: Period, apartFrom origin: Origin, own: String) -> Measurement {
        let matching = flows.filter { $0.flow.element == element && $0.flow.period == period }
        let (independent, owned) = matching.partitioned { !origin.isShared(with: Origin($0.source, quote: $0.flow.note)) }
        var measured = Measurement(setAside: owned.map(Provenance.init(flow:)))
        guard let best = independent.min(by: FreightFlows.precedes) else {
            measured.why = Self.nothingElse(
                period, own: own, setAside: measured.setAside,
                what: Phrase("claim.what-flows", "flows through {element}", ["element": .text(element)]))
            return measured
        }
        measured.value = best.flow.tonnes
        measured.basis = [Provenance(flow: best)]
        return measured
    }

    private func agreements(over period: Period, apartFrom origin: Origin, own: String) -> Measurement {
        let signed = dossier.agreements.filter { DateText.day($0.signed).map(period.days.contains) ?? false }
        let (independent, owned) = signed.partitioned { !isShared(origin, $0.source) }
        var measured = Measurement(setAside: sources(of: owned.map(\.source)))
        guard !independent.isEmpty else {
            measured.why = Self.nothingElse(period, own: own, setAside: measured.setAside, what: Phrase("claim.what-agreements", "agreements signed"))
            return measured
        }
        measured.value = Double(independent.reduce(0) { $0 + $1.count })
        measured.basis = sources(of: independent.map(\.source))
        return measured
    }

    private func funding(_ ids: [String], over period: Period, apartFrom origin: Origin, own: String) -> Measurement {
        let events = dossier.projects.filter { ids.contains($0.id) }.flatMap(\.funding)
            .filter { $0.kind == .commitment && (DateText.day($0.date).map(period.days.contains) ?? false) }
        let (independent, owned) = events.partitioned { !isShared(origin, $0.source) }
        var measured = Measurement(setAside: sources(of: owned.map(\.source)))
        guard !independent.isEmpty else {
            measured.why = Self.nothingElse(period, own: own, setAside: measured.setAside, what: Phrase("claim.what-funding", "funding committed"))
            return measured
        }
        measured.value = independent.reduce(0) { $0 + $1.amountUSD }
        measured.basis = sources(of: independent.map(\.source))
        return measured
    }

    private func tariffCoverage(_ share: TariffShare, apartFrom origin: Origin, own: String) -> Measurement {
        switch tariffs[share] ?? .failure(TariffEvidenceMissing("the tariff coverage was not worked out")) {
        case .failure(let missing): return Measurement(why: Phrase("claim.tariff-missing", "{reason}", ["reason": .text(missing.reason)]))
        case .success(let coverage):
            let basis = coverage.sources.map(Provenance.init(record:))
            if !coverage.sources.isEmpty, coverage.sources.allSatisfy({ origin.isShared(with: Origin($0)) }) {
                return Measurement(
                    setAside: basis,
                    why: Phrase("claim.own-schedule", "only its own origin ({own}) gives the tariff schedule", ["own": .text(Self.names(basis))]))
            }
            switch share.of {
            case .lines:
                guard let pct = coverage.lines.liberalizedPct else {
                    return Measurement(basis: basis, why: Phrase("claim.no-rate", "the schedule gives no rate for any line"))
                }
                return Measurement(value: pct, basis: basis)
            case .trade:
                guard let trade = coverage.trade else {
                    return Measurement(
                        basis: basis,
                        why: Phrase(
                            "claim.no-imports", "no {reporter} imports from {partner} at the subheading level are stored",
                            ["reporter": .country(share.reporter), "partner": .country(share.partner)]))
                }
                guard let pct = trade.liberalizedPct else {
                    return Measurement(basis: basis, why: Phrase("claim.no-rated-imports", "none of the imports falls in a line the schedule rates"))
                }
                return Measurement(value: pct, basis: basis)
            }
        }
    }

    /// No evidence of another origin: unverifiable, saying who of the claim's own origin alone reports it.
    private static func nothingElse(_ period: Period, own: String, setAside: [Provenance], what: Phrase) -> Phrase {
        !setAside.isEmpty
            ? Phrase(
                "claim.only-own", "only its own origin ({own}) reports {what} for {period}",
                ["own": .text(names(setAside)), "what": .phrase(what), "period": .period(period)])
            : Phrase(
                "claim.no-other", "no {what} for {period} from a source other than {own}",
                ["own": .text(own), "what": .phrase(what), "period": .period(period)])
    }

    /// The publishers of some evidence, each once, in order.
    private static func names(_ evidence: [Provenance]) -> String {
        var seen = Set<String>()
        return evidence.map(\.provider).filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    /// The flow's values from the pair's rows of other origins than `origin` (with `own`, of that
    /// origin only), of one reporter's only when given.
    func values(_ query: TradeQuery, apartFrom origin: Origin, own: Bool = false, reportedBy economy: String? = nil) -> FlowValues {
        figures(query).values(query, apartFrom: origin, own: own, reportedBy: economy)
    }

    /// The growth rates and multiples stated for exactly `period` against `versus`, outturns recorded
    /// by the as-of moment: the best of another origin by precedence, and the claim's own origin's.
    func statedRelation(
        _ query: TradeQuery, period: Period, versus: Period, apartFrom origin: Origin
    ) -> (best: RecordedRelativeFigure?, own: [RecordedRelativeFigure]) {
        let matching = relations(query).filter { stated in
            stated.figure.answers(query) && stated.figure.period == period && stated.figure.versus == versus && stated.source.status == .outturn
                && (query.asOf.map { stated.source.recordedAt <= $0 } ?? true)
        }
        let (independent, owned) = matching.partitioned { !origin.isShared(with: Origin($0.source, quote: $0.figure.note)) }
        let best = independent.min { a, b in
            let (x, y) = (Precedence(a.source), Precedence(b.source))
            if x != y { return x < y }
            return (a.source.published ?? "", a.source.recordedAt) > (b.source.published ?? "", b.source.recordedAt)
        }
        return (best, owned)
    }

    /// Whether a dossier source is of the claim's origin chain.
    private func isShared(_ origin: Origin, _ id: String) -> Bool {
        dossier.source(id).map { origin.isShared(with: $0.chain) } ?? false
    }

    private func sources(of ids: [String]) -> [Provenance] {
        ids.compactMap { dossier.source($0) }.map(Provenance.init(source:))
    }
}

extension Array where Element: Hashable {
    /// Each element once, in order: a figure cited for both periods of a change is one source.
    var uniqued: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Array {
    /// The elements that satisfy `isIncluded` and those that do not, each in order.
    func partitioned(_ isIncluded: (Element) -> Bool) -> ([Element], [Element]) {
        var yes: [Element] = []
        var no: [Element] = []
        for element in self {
            if isIncluded(element) { yes.append(element) } else { no.append(element) }
        }
        return (yes, no)
    }
}
