/// Each step's rule. An amount is the difference of two fixed quantities measured on one side's own
/// figures (or a margin on one side's own figure), so the walk the other way round is the same
/// arithmetic with the sign changed; a step without the figures it needs is named, not guessed.
extension GapRules {
    /// Two coverages (all goods against non-oil): measured on one compiler's own figures of both for its own period.
    func coverage(_ from: GapFigure, _ to: GapFigure) -> GapStep? {
        let (here, there) = (from.side.commodity, to.side.commodity)
        guard here != there else { return nil }
        for side in measuringOrder(from, to, needs: { $0.side.commodity != commodity }) {
            guard let valueThere = figures.value(of: side, commodity: there), let valueHere = figures.value(of: side, commodity: here) else {
                continue
            }
            let what = "\(side.economy)'s own \(side.side.flow.rawValue) figures for \(side.side.period) (\(side.compiler))"
            let notes = [(here, valueHere), (there, valueThere)].compactMap { Self.definition(of: $0, by: side.compiler, value: $1) }
            return GapStep(
                kind: .coverage, amountUSD: (valueThere.valueUSD - valueHere.valueUSD).rounded(),
                method: "\(what): \(here) \(NumberText.grouped(valueHere.valueUSD)), \(there) \(NumberText.grouped(valueThere.valueUSD))"
                    + notes.map { "; \($0)" }.joined(),
                sources: valueThere.sources + valueHere.sources)
        }
        let groups = [from, to].compactMap { side in
            Self.definition(of: side.side.commodity, by: side.compiler, value: nil).map { "\(side.economy)'s \($0)" }
        }
        return GapStep(
            kind: .coverage, amountUSD: nil,
            method: "\(from.economy)'s figure counts \(here), \(to.economy)'s \(there)" + groups.map { "; \($0)" }.joined()
                + "; no compiler gives both for one period, and no product-level figures of the pair tell them apart",
            sources: [])
    }

    /// What a named group means in a figure: its compiler's own definition when stated, the ledger's when summed from products.
    private static func definition(of coverage: String, by compiler: String, value: PeriodValue?) -> String? {
        guard coverage != CommodityCode.total, !coverage.allSatisfy(\.isNumber) else { return nil }
        if let value, value.sources.contains(where: { $0.note?.hasPrefix("sum of ") == true }) {
            return "\(coverage) summed from its product-level figures by the ledger's group (Data/groups)"
        }
        return "\(coverage) is \(compiler)'s own definition of its coverage, not necessarily the ledger's group of that name"
    }

    /// The freight and insurance a CIF figure carries over the FOB value of the same goods: none when valued FOB.
    private func margin(on valueUSD: Double, sources: [Citation]) -> Double {
        sources.allSatisfy { $0.valuation == .fob } ? 0 : valueUSD * (1 - 1 / factor)
    }

    private var convention: String {
        "× (1 − 1/\(factor)), \(factor) being the conventional CIF/FOB factor of the IMF's Direction of Trade Statistics "
            + "(IMTS 2010: imports valued CIF, exports FOB)"
    }

    /// One direction: the importer's CIF figure carries the margin over the exporter's FOB one.
    func valuation(exports: GapFigure, imports: GapFigure) -> GapStep? {
        let margin = margin(on: imports.side.valueUSD, sources: imports.side.sources)
        guard margin != 0 else { return nil }
        return GapStep(
            kind: .valuation, amountUSD: margin.rounded(),
            method: "\(imports.economy)'s imports from \(exports.economy), \(NumberText.grouped(imports.side.valueUSD)), carry "
                + "\(NumberText.grouped(margin)) of freight and insurance over \(exports.economy)'s exports FOB: \(convention)",
            sources: [])
    }

    /// A whole turnover: each side's own imports, for its own period, carry the margin over the
    /// other's exports; without either side's own imports it is not quantified, never split on the other side's figures.
    func valuation(turnover first: GapFigure, _ second: GapFigure) -> GapStep {
        let imports = [first, second].map { figures.value(of: $0, flow: .import, apportioned: false) }
        guard let intoFirst = imports[0], let intoSecond = imports[1] else {
            let missing = zip([first, second], imports).filter { $0.1 == nil }.map { side, _ in
                "\(side.economy)'s own imports from \(side.partner) for \(side.side.period) (\(side.compiler))"
            }
            return GapStep(
                kind: .valuation, amountUSD: nil,
                method: "imports are valued CIF and exports FOB, but \(missing.joined(separator: " and ")) are not in the ledger; "
                    + "the margin is measured on each importer's own figure, never on a split taken from the other side",
                sources: [])
        }
        let (valueFirst, valueSecond) = (intoFirst.valueUSD.rounded(), intoSecond.valueUSD.rounded())
        let (marginFirst, marginSecond) = (margin(on: valueFirst, sources: intoFirst.sources), margin(on: valueSecond, sources: intoSecond.sources))
        func carry(_ importer: GapFigure, _ value: Double, _ margin: Double) -> String {
            "\(importer.economy)'s own imports from \(importer.partner) for \(importer.side.period), \(NumberText.grouped(value)), "
                + "carry \(NumberText.grouped(margin)) over \(importer.partner)'s exports FOB"
        }
        return GapStep(
            kind: .valuation, amountUSD: (marginSecond - marginFirst).rounded(),
            method: "\(carry(second, valueSecond, marginSecond)); \(carry(first, valueFirst, marginFirst)): each \(convention)",
            sources: intoSecond.sources + intoFirst.sources)
    }

    /// Two periods (a year of the other calendar, part of a period): measured on one compiler's own
    /// figures of both, with the ledger's rules for telling a period.
    func timing(_ from: GapFigure, _ to: GapFigure) -> GapStep? {
        let (here, there) = (from.side.period, to.side.period)
        guard here != there else { return nil }
        let kind: GapStep.Kind = here.calendar != there.calendar ? .calendar : .partialPeriod
        for side in measuringOrder(from, to, needs: { $0.side.period != period }) {
            guard let valueThere = figures.value(of: side, over: there), let valueHere = figures.value(of: side, over: here) else { continue }
            let how =
                valueThere.estimate || valueHere.estimate
                ? "by the months it reports where they fit, and by days where a figure of the other calendar must be split"
                : "from its own figures for both periods"
            // The measuring side's own period first, whichever side is A.
            let values = [(here, valueHere), (there, valueThere)].sorted { ($0.0 == side.side.period ? 0 : 1) < ($1.0 == side.side.period ? 0 : 1) }
            return GapStep(
                kind: kind, amountUSD: (valueThere.valueUSD - valueHere.valueUSD).rounded(),
                method: "\(side.economy)'s \(side.side.commodity) \(side.side.flow.rawValue) figures (\(side.compiler)) give "
                    + values.map { "\(NumberText.grouped($0.1.valueUSD)) for \($0.0)" }.joined(separator: " and ") + ", \(how)",
                sources: valueThere.sources + valueHere.sources)
        }
        return GapStep(
            kind: kind, amountUSD: nil,
            method:
                "\(from.economy)'s figure is for \(here), \(to.economy)'s for \(there): neither side's compiler gives figures covering both whole",
            sources: [])
    }

    /// One direction: the exporter counts its re-exports to the importer, which credits them to their
    /// country of origin; measured only where the exporter reports them for its period.
    func reExports(exports: GapFigure, imports: GapFigure) -> GapStep? {
        guard exports.side.flow == .export, let reExports = figures.value(of: exports, flow: .reExport, apportioned: false) else { return nil }
        let value = reExports.valueUSD.rounded()
        return GapStep(
            kind: .reExports, amountUSD: 0 - value,
            method: "\(exports.economy)'s exports include \(NumberText.grouped(value)) of re-exports to \(imports.economy) for "
                + "\(exports.side.period) (\(exports.compiler)), goods of other origin that \(imports.economy) credits to their country of origin",
            sources: reExports.sources)
    }

    /// A whole turnover: each side's re-exports leave the other's imports from it; measured only where both report theirs.
    func reExports(turnover first: GapFigure, _ second: GapFigure) -> GapStep? {
        guard let ofFirst = figures.value(of: first, flow: .reExport, apportioned: false),
            let ofSecond = figures.value(of: second, flow: .reExport, apportioned: false)
        else { return nil }
        let (valueFirst, valueSecond) = (ofFirst.valueUSD.rounded(), ofSecond.valueUSD.rounded())
        return GapStep(
            kind: .reExports, amountUSD: valueSecond - valueFirst,
            method: "\(first.economy) re-exports \(NumberText.grouped(valueFirst)) to \(second.economy) and \(second.economy) "
                + "\(NumberText.grouped(valueSecond)) to \(first.economy), each counted in its exports and credited by the importer "
                + "to the goods' country of origin",
            sources: ofSecond.sources + ofFirst.sources)
    }
}
