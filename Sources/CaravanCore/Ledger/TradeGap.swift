import Foundation

/// Why two sides' figures for the same trade differ (`caravan trade gap`): each side's own figure
/// for the question, then the steps that take side A's figure to side B's — each with its amount,
/// its method and what it stands on — and what is left unexplained. The amounts are whole dollars,
/// so `a + Σ steps + residual = b` holds exactly. The rules: docs/ledger.md.
public struct TradeGap: Sendable, Encodable {
    public var question: Question
    public var a: GapSide?
    public var b: GapSide?
    public var steps: [GapStep]
    /// Differences that exist between the two figures but that the ledger cannot put a number on.
    public var notQuantified: [GapStep]
    /// B's figure minus A's and every step; nil when a side has no figure.
    public var residualUSD: Double?

    public struct Question: Sendable, Encodable {
        public var a: String
        public var b: String
        public var period: Period
        /// The flow from A's side: A's exports are B's imports.
        public var flow: TradeFlow
        public var commodity: String
    }

    enum CodingKeys: String, CodingKey {
        case question, a, b, steps
        case notQuantified = "not_quantified"
        case residualUSD = "residual_usd"
    }
}

/// One side's own figure for the question: its flow, coverage and period as that side published them.
public struct GapSide: Sendable, Encodable {
    public var economy: String
    public var flow: TradeFlow
    /// What the figure counts: `TOTAL`, a named group (`NONOIL`), an HS code.
    public var commodity: String
    public var period: Period
    public var valueUSD: Double
    /// True when the figure is official statistics: a statistical office's or customs' own
    /// release, or its figures as quoted with the compiler named.
    public var official: Bool
    /// Whose statistics, as the source names them.
    public var compiler: String?
    public var sources: [Citation]
    /// The side's other figures that touch the question, not chosen.
    public var alsoPublished: [Citation]

    enum CodingKeys: String, CodingKey {
        case economy, flow, commodity, period, official, compiler, sources
        case valueUSD = "value_usd"
        case alsoPublished = "also_published"
    }
}

/// A step from one side's figure to the other's.
public struct GapStep: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        /// One figure is for a year of the other calendar.
        case calendar
        /// One figure counts fewer goods (non-oil against all goods, one product).
        case coverage
        /// Imports are valued CIF, exports FOB.
        case valuation
        /// One figure covers only part of the other's period.
        case partialPeriod = "partial-period"
    }

    public var kind: Kind
    /// Nil when the step is named but not quantified.
    public var amountUSD: Double?
    public var method: String
    public var sources: [Citation]

    enum CodingKeys: String, CodingKey {
        case kind, method, sources
        case amountUSD = "amount_usd"
    }
}

extension TradeGap {
    /// Works the gap out from the pair's stored figures, `observations[commodity]` holding the
    /// pair's figures of each coverage the ledger has (both directions).
    /// - Complexity: O(c·f log f) for c coverages and f figures of the pair.
    public init(
        a: String, b: String, period: Period, flow: TradeFlow = .turnover, commodity: String = CommodityCode.total,
        observations: [String: [RecordedObservation]], cifFOBFactor: Double = MirrorRule.cifFOBFactor
    ) {
        self.init(
            a: a, b: b, period: period, flow: flow, figures: SideFigures(observations: observations, commodity: commodity),
            cifFOBFactor: cifFOBFactor)
    }

    /// The gap of the latest calendar year for which both sides give a figure of one whole year (of either calendar),
    /// looking back from the last year the figures touch; nil when no year has both.
    public static func latest(
        a: String, b: String, flow: TradeFlow = .turnover, commodity: String = CommodityCode.total,
        observations: [String: [RecordedObservation]], cifFOBFactor: Double = MirrorRule.cifFOBFactor
    ) -> TradeGap? {
        let years = (observations[commodity] ?? []).map {
            Period.unit(.year, containing: $0.observation.period.days.upperBound, in: .gregorian).first
        }
        guard let last = years.max(), let first = years.min() else { return nil }
        // One set of side figures for every year tried: each side's facts are sorted out once.
        let figures = SideFigures(observations: observations, commodity: commodity)
        for year in stride(from: last, through: first, by: -1) {
            let gap = TradeGap(a: a, b: b, period: Period(.year, year, in: .gregorian), flow: flow, figures: figures, cifFOBFactor: cifFOBFactor)
            if let x = gap.a, let y = gap.b, x.period.grain == .year, y.period.grain == .year, x.period.isSingleUnit, y.period.isSingleUnit {
                return gap
            }
        }
        return nil
    }

    init(a: String, b: String, period: Period, flow: TradeFlow, figures: SideFigures, cifFOBFactor: Double) {
        question = Question(a: a, b: b, period: period, flow: flow, commodity: figures.commodity)
        let chosenA = figures.choose(a, partner: b, flow: flow, for: period)
        let chosenB = figures.choose(b, partner: a, flow: flow.mirrored, for: period)
        self.a = chosenA?.side
        self.b = chosenB?.side
        steps = []
        notQuantified = []
        residualUSD = nil
        guard let chosenA, let chosenB else { return }
        var gap = GapWork(a: chosenA, b: chosenB, figures: figures)
        gap.coverage()
        gap.valuation(factor: cifFOBFactor)
        gap.period()
        steps = gap.steps
        notQuantified = gap.unquantified
        let explained = steps.reduce(chosenA.side.valueUSD.rounded()) { $0 + ($1.amountUSD ?? 0) }
        residualUSD = chosenB.side.valueUSD.rounded() - explained
        self.a?.valueUSD.round()
        self.b?.valueUSD.round()
    }
}

extension TradeFlow {
    /// The same goods seen from the other side: one's exports are the other's imports.
    public var mirrored: TradeFlow {
        switch self {
        case .export: .import
        case .import: .export
        case .reExport: .reImport
        case .reImport: .reExport
        case .turnover: .turnover
        }
    }

}

/// A side's chosen figure and the facts it was chosen among.
struct ChosenFigure {
    var side: GapSide
    var fact: Fact
    /// The figures of the same compiler and coverage: what else that side says of other periods.
    var kin: [Fact]
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

    /// The side's figure that best answers the question: official statistics first, then the asked
    /// coverage, then one unit of the asked grain (a year of either calendar for a year), then the
    /// most days in common with the asked period, then the length nearest it.
    func choose(_ reporter: String, partner: String, flow: TradeFlow, for period: Period) -> ChosenFigure? {
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
        let kin = candidates.first { $0.coverage == best.commodity }!.facts.filter { $0.compilerKey == best.fact.compilerKey }
        let others = candidates.flatMap(\.facts).filter { $0.period.days.overlaps(period.days) && $0.citations != best.fact.citations }
        let side = GapSide(
            economy: reporter, flow: flow, commodity: best.commodity, period: best.fact.period, valueUSD: best.fact.valueUSD,
            official: best.fact.isOfficial, compiler: best.fact.citations.first?.compiler, sources: best.fact.citations,
            alsoPublished: others.flatMap(\.citations))
        return ChosenFigure(side: side, fact: best.fact, kin: kin)
    }
}

extension Fact {
    /// Official statistics: a declaration to UN Comtrade, or a figure whose compiler is named.
    var isOfficial: Bool {
        citations.allSatisfy { $0.compiler != nil || $0.kind == .comtrade || $0.kind == .comtradeLegacy }
    }

    /// Who stands behind the figure: its compiler, else its provider.
    var compilerKey: String {
        citations.first.map { $0.compiler ?? $0.provider } ?? ""
    }
}

/// The steps worked out in order, each on the value the steps before it reached.
private struct GapWork {
    let a: ChosenFigure
    let b: ChosenFigure
    let figures: SideFigures
    var steps: [GapStep] = []
    var unquantified: [GapStep] = []

    init(a: ChosenFigure, b: ChosenFigure, figures: SideFigures) {
        self.a = a
        self.b = b
        self.figures = figures
    }

    /// A's value with the steps so far.
    var reached: Double { steps.reduce(a.side.valueUSD.rounded()) { $0 + ($1.amountUSD ?? 0) } }

    /// The same compiler's figures of another coverage for the same period, on either side.
    mutating func coverage() {
        let (from, to) = (a.side.commodity, b.side.commodity)
        guard from != to else { return }
        for (side, period) in [(a, a.side.period), (b, b.side.period)] {
            let sameCompiler: (Fact) -> Bool = { $0.compilerKey == side.fact.compilerKey }
            let fromFacts = figures.facts(side.side.economy, partner: other(side), flow: side.side.flow, commodity: from).filter(sameCompiler)
            let toFacts = figures.facts(side.side.economy, partner: other(side), flow: side.side.flow, commodity: to).filter(sameCompiler)
            guard let fromValue = PeriodValue(period, facts: fromFacts), !fromValue.partial,
                let toValue = PeriodValue(period, facts: toFacts), !toValue.partial
            else { continue }
            steps.append(
                GapStep(
                    kind: .coverage, amountUSD: (toValue.valueUSD - fromValue.valueUSD).rounded(),
                    method: "\(to) against \(from): the difference between \(side.side.economy)'s own \(from) and \(to) figures for \(period)",
                    sources: toValue.sources + fromValue.sources))
            return
        }
        unquantified.append(
            GapStep(
                kind: .coverage, amountUSD: nil,
                method:
                    "\(a.side.economy)'s figure counts \(from), \(b.side.economy)'s \(to); neither side's compiler gives both for one period, "
                    + "and no product-level figures of the pair are stored to tell them apart",
                sources: []))
    }

    /// Exports FOB against imports CIF, by the conventional factor; for turnover, on the split
    /// between the two directions that either side reports.
    mutating func valuation(factor: Double) {
        let margin = factor - 1
        let method: String
        let amount: Double
        switch a.side.flow {
        case .export, .reExport:
            amount = reached * margin
            method = "\(a.side.economy)'s exports FOB, \(b.side.economy)'s imports CIF: × \(factor), the conventional CIF/FOB factor"
        case .import, .reImport:
            amount = -reached * (1 - 1 / factor)
            method = "\(a.side.economy)'s imports CIF, \(b.side.economy)'s exports FOB: ÷ \(factor), the conventional CIF/FOB factor"
        case .turnover:
            guard let split = exportShare() else {
                unquantified.append(
                    GapStep(
                        kind: .valuation, amountUSD: nil,
                        method: "exports are valued FOB and imports CIF, but neither side reports the two directions for its period",
                        sources: []))
                return
            }
            let exports = reached * split.share
            amount = exports * margin - (reached - exports) * (1 - 1 / factor)
            method =
                "\(a.side.economy)'s exports (FOB) become \(b.side.economy)'s imports (CIF) at × \(factor), its imports (CIF) "
                + "\(b.side.economy)'s exports (FOB) at ÷ \(factor), the conventional factor; the split between the two, "
                + "\(NumberText.fixed(split.share * 100, decimals: 1))% exports, from \(split.whose)"
        }
        steps.append(GapStep(kind: .valuation, amountUSD: amount.rounded(), method: method, sources: []))
    }

    /// A's exports as a share of its turnover with B: from A's own two flows for its period, else from B's read the other way.
    private func exportShare() -> (share: Double, whose: String)? {
        for (side, exportFlow) in [(a, TradeFlow.export), (b, TradeFlow.import)] {
            let period = side.side.period
            let economy = side.side.economy
            let sameCompiler: (Fact) -> Bool = { $0.compilerKey == side.fact.compilerKey }
            let flows = [exportFlow, exportFlow.mirrored].map { flow in
                PeriodValue(
                    period,
                    facts: figures.facts(economy, partner: other(side), flow: flow, commodity: side.side.commodity).filter(sameCompiler))
            }
            guard let toB = flows[0], let toA = flows[1], !toB.partial, !toA.partial, toB.valueUSD + toA.valueUSD > 0 else { continue }
            return (toB.valueUSD / (toB.valueUSD + toA.valueUSD), "\(economy)'s own figures for \(period)")
        }
        return nil
    }

    /// A's period to B's: measured on the figures of the side that tells both periods whole —
    /// B's first, since B's figure is where the steps end.
    mutating func period() {
        let (from, to) = (a.side.period, b.side.period)
        guard from != to else { return }
        let kind: GapStep.Kind = from.calendar != to.calendar ? .calendar : .partialPeriod
        for side in [b, a] {
            guard let there = PeriodValue(to, facts: side.kin), !there.partial, let here = PeriodValue(from, facts: side.kin), !here.partial
            else { continue }
            let how =
                there.estimate || here.estimate
                ? "by the months it reports where they fit, and by days where a figure of the other calendar must be split"
                : "from its own figures for both periods"
            steps.append(
                GapStep(
                    kind: kind, amountUSD: (there.valueUSD - here.valueUSD).rounded(),
                    method:
                        "\(to) against \(from), measured on \(side.side.economy)'s \(side.side.commodity) figures (\(side.fact.compilerKey)), \(how)",
                    sources: there.sources + here.sources))
            return
        }
        unquantified.append(
            GapStep(
                kind: kind, amountUSD: nil,
                method: "\(to) against \(from): neither side's compiler gives figures covering both periods whole", sources: []))
    }

    private func other(_ side: ChosenFigure) -> String { side.side.economy == a.side.economy ? b.side.economy : a.side.economy }
}
