/// The steps from one side's figure to the other's, worked out in one orientation — a direction
/// from its exporter to its importer, a whole turnover in the order of the economies' codes — each
/// amount from fixed quantities, never from a value the steps before it reached. Asked from the
/// other side, it is `reversed`: nothing is worked out again.
struct GapWalk {
    var from: GapFigure
    var to: GapFigure
    var steps: [GapStep] = []
    var unquantified: [GapStep] = []

    /// A step measured joins the steps; one named only, the unquantified.
    mutating func add(_ step: GapStep?) {
        guard let step else { return }
        if step.amountUSD == nil { unquantified.append(step) } else { steps.append(step) }
    }

    /// What the steps leave unexplained: the destination's figure less the origin's and every step,
    /// whole dollars, so exact.
    var residual: Double { steps.reduce(to.side.valueUSD - from.side.valueUSD) { $0 - ($1.amountUSD ?? 0) } }

    /// The same walk the other way round: the figures swapped, every amount's sign changed, nothing else.
    var reversed: GapWalk {
        var walk = GapWalk(from: to, to: from, steps: steps, unquantified: unquantified)
        // 0 − x rather than −x, so that a zero stays 0 and is never written -0.
        for index in walk.steps.indices { walk.steps[index].amountUSD = walk.steps[index].amountUSD.map { 0 - $0 } }
        return walk
    }

    /// The walk as asked from `economy`'s side.
    func asked(from economy: String) -> GapWalk { from.economy == economy ? self : reversed }
}
