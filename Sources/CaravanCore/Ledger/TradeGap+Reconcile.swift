import Foundation

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
        directions = []
        directionsMissing = nil
        steps = []
        notQuantified = []
        residualUSD = nil
        guard let chosenA, let chosenB else { return }
        let rules = GapRules(figures: figures, period: period, factor: cifFOBFactor)
        if flow == .turnover {
            reconcileTurnover(chosenA, chosenB, rules: rules)
        } else {
            // Reconciled from the exporter to the importer, whichever side asks.
            let (exports, imports) = flow.isOutward ? (chosenA, chosenB) : (chosenB, chosenA)
            let walk = rules.direction(exports: exports, imports: imports).asked(from: a)
            steps = walk.steps
            notQuantified = walk.unquantified
            residualUSD = walk.residual
        }
        notQuantified.append(rules.partnerAttribution)
    }

    /// Per direction where both sides tell their exports and imports apart for their periods, else whole.
    private mutating func reconcileTurnover(_ x: GapFigure, _ y: GapFigure, rules: GapRules) {
        let (first, second) = x.economy < y.economy ? (x, y) : (y, x)
        guard let splitFirst = rules.split(first), let splitSecond = rules.split(second) else {
            let lacking = [first, second].filter { rules.split($0) == nil }.map { side in
                "no exports and imports of \(side.economy)'s for \(side.side.period) from the same source as its turnover (\(side.compiler))"
            }
            directionsMissing = "The two directions are not told apart: " + lacking.joined(separator: "; ") + "."
            let walk = rules.turnover(first, second).asked(from: question.a)
            steps = walk.steps
            notQuantified = walk.unquantified
            residualUSD = walk.residual
            return
        }
        // The direction whose exporter is first by code, then the other, whichever side asks.
        let walks = [
            rules.direction(exports: splitFirst.exports, imports: splitSecond.imports),
            rules.direction(exports: splitSecond.exports, imports: splitFirst.imports),
        ]
        directions = walks.map { GapDirection($0, askedFrom: question.a) }
        let (ownA, ownB) = x.economy == question.a ? (x, y) : (y, x)
        let (splitA, splitB) = ownA.economy == first.economy ? (splitFirst, splitSecond) : (splitSecond, splitFirst)
        a = Self.whole(ownA, splitA)
        b = Self.whole(ownB, splitB)
        steps = directions.flatMap(\.steps)
        notQuantified = directions.flatMap(\.notQuantified)
        residualUSD = directions.reduce(0) { $0 + $1.residualUSD }
    }

    /// A side's turnover as the sum of its two directions; the turnover figure it stated, if it differs, among the others published.
    private static func whole(_ turnover: GapFigure, _ split: (exports: GapFigure, imports: GapFigure)) -> GapSide {
        var side = turnover.side
        side.valueUSD = split.exports.side.valueUSD + split.imports.side.valueUSD
        side.sources = split.exports.side.sources + split.imports.side.sources
        side.official = split.exports.side.official && split.imports.side.official
        side.alsoPublished = (turnover.side.sources + turnover.side.alsoPublished).filter { !side.sources.contains($0) }
        return side
    }
}

extension GapDirection {
    /// A direction's walk, reconciled from its exporter, as asked from `economy`'s side.
    init(_ walk: GapWalk, askedFrom economy: String) {
        let direction = GapStep.Direction(exporter: walk.from.economy, importer: walk.to.economy)
        let asked = walk.asked(from: economy)
        flow = asked.from.side.flow
        exporter = direction.exporter
        importer = direction.importer
        a = asked.from.side
        b = asked.to.side
        let labelled: (GapStep) -> GapStep = { step in
            var step = step
            step.direction = direction
            return step
        }
        steps = asked.steps.map(labelled)
        notQuantified = asked.unquantified.map(labelled)
        residualUSD = asked.residual
    }
}
