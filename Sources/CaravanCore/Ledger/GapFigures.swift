import Foundation

/// One side's figure for one flow in a gap, and whose it is: a step measured on this side reads
/// only this compiler's figures.
struct GapFigure {
    var side: GapSide
    /// Its compiler, else its provider.
    var compiler: String
    var partner: String

    var economy: String { side.economy }
}

/// The pair's outturns by coverage, current vintages only, each side's own reports apart.
struct SideFigures {
    let observations: [String: [RecordedObservation]]
    let commodity: String
    /// Facts already sorted out, shared by every gap worked out from these figures.
    let kept = KeptResults<TradeQuery, [Fact]>()

    /// A side's own figures of one flow and coverage: neither the partner's report nor a reconciled database's.
    func facts(_ reporter: String, partner: String, flow: TradeFlow, commodity: String) -> [Fact] {
        let query = TradeQuery(reporter: reporter, partner: partner, flow: flow, commodity: commodity)
        return kept.result(for: query) {
            let rows = (observations[commodity] ?? []).filter { !$0.source.kind.isReconciled }
            return Ledger.facts(for: query, from: rows).filter { $0.rank.partnerSide == 0 }
        }
    }

    /// What `figure`'s own compiler gives for `period`, of `flow` and `commodity` (by default the
    /// figure's own), when its figures tell the whole period; with `apportioned` false, only
    /// when no figure of the other calendar had to be split for it.
    func value(
        of figure: GapFigure, flow: TradeFlow? = nil, commodity: String? = nil, over period: Period? = nil, apportioned: Bool = true
    ) -> PeriodValue? {
        let facts = facts(
            figure.economy, partner: figure.partner, flow: flow ?? figure.side.flow, commodity: commodity ?? figure.side.commodity)
        let own = facts.filter { $0.compilerKey == figure.compiler }
        guard let value = PeriodValue(period ?? figure.side.period, facts: own), !value.partial, apportioned || !value.estimate else {
            return nil
        }
        return value
    }

    /// The side's figure that best answers the question: official statistics first, then the asked
    /// coverage, then one unit of the asked grain (a year of either calendar for a year), then the
    /// most days in common with the asked period, then the length nearest it. Nothing in it
    /// depends on which side is A.
    func choose(_ reporter: String, partner: String, flow: TradeFlow, for period: Period) -> GapFigure? {
        // The side's figures of each coverage, the asked one first, read once.
        let candidates = ([commodity] + observations.keys.filter { $0 != commodity }.sorted()).map { coverage in
            (coverage: coverage, facts: facts(reporter, partner: partner, flow: flow, commodity: coverage))
        }
        var best: (key: [Int], fact: Fact, commodity: String)?
        for (coverage, facts) in candidates {
            for fact in facts {
                guard let common = fact.period.days.intersection(period.days) else { continue }
                let sameGrain = period.isSingleUnit && fact.period.isSingleUnit && fact.period.grain == period.grain
                let key = [
                    fact.isOfficial ? 0 : 1, coverage == commodity ? 0 : 1, sameGrain ? 0 : 1, -common.dayCount,
                    abs(fact.period.days.dayCount - period.days.dayCount),
                ]
                if best == nil || key.lexicographicallyPrecedes(best!.key) || (key == best!.key && fact.rank < best!.fact.rank) {
                    best = (key, fact, coverage)
                }
            }
        }
        guard let best else { return nil }
        let others = candidates.flatMap(\.facts).filter { $0.period.days.overlaps(period.days) && $0.citations != best.fact.citations }
        let side = GapSide(
            economy: reporter, flow: flow, commodity: best.commodity, period: best.fact.period, valueUSD: best.fact.valueUSD.rounded(),
            official: best.fact.isOfficial, compiler: best.fact.citations.first?.compiler, sources: best.fact.citations,
            alsoPublished: others.flatMap(\.citations))
        return GapFigure(side: side, compiler: best.fact.compilerKey, partner: partner)
    }
}

extension Citation {
    /// Official statistics: a declaration to UN Comtrade, or a figure whose compiler is named.
    var isOfficial: Bool { precedence.isOfficialStatistics }
}

extension Fact {
    var isOfficial: Bool { citations.allSatisfy(\.isOfficial) }

    /// Who stands behind the figure: its compiler, else its provider.
    var compilerKey: String {
        citations.first.map { $0.compiler ?? $0.provider } ?? ""
    }
}
