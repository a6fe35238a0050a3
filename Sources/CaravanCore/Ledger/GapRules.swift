/// How a gap is reconciled: which walks, which steps in which order, and which side each step is
/// measured on — every choice made by a rule that does not look at which side is A.
struct GapRules {
    let figures: SideFigures
    /// The question's period: a side whose own figure is for another needs the timing step.
    let period: Period
    /// CIF over FOB (MirrorRule.cifFOBFactor, the IMF DOTS convention).
    let factor: Double

    /// The question's coverage: a side whose own figure counts another needs the coverage step.
    var commodity: String { figures.commodity }

    /// The two figures in the order a step is tried on them: first a side whose own figure needs the
    /// adjustment, then official statistics, then by economy code.
    func measuringOrder(_ x: GapFigure, _ y: GapFigure, needs: (GapFigure) -> Bool) -> [GapFigure] {
        [x, y].sorted { (needs($0) ? 0 : 1, $0.side.official ? 0 : 1, $0.economy) < (needs($1) ? 0 : 1, $1.side.official ? 0 : 1, $1.economy) }
    }

    /// One direction's goods, from the exporter's figure (FOB) to the importer's (CIF).
    func direction(exports: GapFigure, imports: GapFigure) -> GapWalk {
        var walk = GapWalk(from: exports, to: imports)
        walk.add(coverage(exports, imports))
        walk.add(valuation(exports: exports, imports: imports))
        walk.add(timing(exports, imports))
        walk.add(reExports(exports: exports, imports: imports))
        return walk
    }

    /// A turnover against a turnover, its two directions not told apart, from the side first by code.
    func turnover(_ first: GapFigure, _ second: GapFigure) -> GapWalk {
        var walk = GapWalk(from: first, to: second)
        walk.add(coverage(first, second))
        walk.add(valuation(turnover: first, second))
        walk.add(timing(first, second))
        walk.add(reExports(turnover: first, second))
        return walk
    }

    /// A side's exports and imports for the period and coverage its turnover figure answers, by the
    /// same compiler and none split from the other calendar; nil when it does not give both.
    func split(_ turnover: GapFigure) -> (exports: GapFigure, imports: GapFigure)? {
        guard let exports = figures.value(of: turnover, flow: .export, apportioned: false),
            let imports = figures.value(of: turnover, flow: .import, apportioned: false)
        else { return nil }
        func figure(_ value: PeriodValue, _ flow: TradeFlow) -> GapFigure {
            var side = turnover.side
            side.flow = flow
            side.valueUSD = value.valueUSD.rounded()
            side.official = value.sources.allSatisfy(\.isOfficial)
            side.sources = value.sources
            side.alsoPublished = []
            return GapFigure(side: side, compiler: turnover.compiler, partner: turnover.partner)
        }
        return (figure(exports, .export), figure(imports, .import))
    }

    /// Imports credited to the country of origin, exports to the last known destination: named, never measured.
    var partnerAttribution: GapStep {
        GapStep(
            kind: .partnerAttribution, amountUSD: nil,
            method:
                "imports are credited to the country of origin and exports to the last known destination (IMTS 2010): goods "
                + "consigned through a transit country or re-exported by a third one can be one side's trade with this partner "
                + "and the other's with another; the ledger holds no figures by consignment to measure it",
            sources: [])
    }
}
