import CaravanCore
import Foundation
import Testing

/// `trade gap` on hand-made ledgers: each step measured where the figures allow, named where they
/// do not, and A's figure plus every step plus the residual equal to B's, to the dollar.
@Suite("Why two sides' figures differ")
struct TradeGapTests {
    /// `observations` grouped by coverage, as the workspace gathers them.
    func gap(
        _ figures: Figures, a: String = "AAA", b: String = "BBB", period: String, flow: TradeFlow = .turnover
    ) throws -> TradeGap {
        let byCoverage = Dictionary(grouping: figures.rows) { $0.observation.commodity }
        return TradeGap(a: a, b: b, period: try Period(parsing: period), flow: flow, observations: byCoverage)
    }

    /// A's figure plus every step plus the residual is B's, in the answer and in each direction; and
    /// asked the other way round, the same answer with every amount's sign changed.
    func reconciles(_ gap: TradeGap, _ figures: Figures) throws {
        let a = try #require(gap.a?.valueUSD)
        let b = try #require(gap.b?.valueUSD)
        let residual = try #require(gap.residualUSD)
        #expect(a + gap.steps.reduce(0) { $0 + ($1.amountUSD ?? 0) } + residual == b)
        for direction in gap.directions {
            #expect(direction.a.valueUSD + direction.steps.reduce(0) { $0 + ($1.amountUSD ?? 0) } + direction.residualUSD == direction.b.valueUSD)
        }
        let q = gap.question
        let other = try self.gap(figures, a: q.b, b: q.a, period: q.period.description, flow: q.flow.mirrored)
        #expect(other.a?.valueUSD == b && other.b?.valueUSD == a && other.residualUSD == 0 - residual)
        #expect(other.steps.map(\.kind) == gap.steps.map(\.kind) && other.steps.map(\.method) == gap.steps.map(\.method))
        #expect(other.steps.map { $0.amountUSD.map { 0 - $0 } } == gap.steps.map(\.amountUSD))
        #expect(other.notQuantified.map(\.method) == gap.notQuantified.map(\.method))
        #expect(other.directions.map(\.residualUSD) == gap.directions.map { 0 - $0.residualUSD })
    }

    @Test("a calendar year against an Iranian year, measured on B's own months and days")
    func calendar() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 500_000_000, compiler: "AAA statistics")
        // B's customs: 1400 whole, the part of 1401 inside 2022 and the whole of 1401.
        try figures.add("BBB", "AAA", .turnover, "SH1400", 365_000_000, provider: "Paper one", compiler: "BBB customs")
        try figures.add("BBB", "AAA", .turnover, "SH1401-01-01..SH1401-10-10", 286_000_000, provider: "Paper two", compiler: "BBB customs")
        try figures.add("BBB", "AAA", .turnover, "SH1401", 400_000_000, provider: "Paper three", compiler: "BBB customs")
        let gap = try gap(figures, period: "2022")
        #expect(gap.b?.period.description == "SH1401")
        let calendar = try #require(gap.steps.first { $0.kind == .calendar })
        // B over 2022: 286M for 21 Mar–31 Dec plus 79 of 1400's 365 days at 1M a day.
        #expect(calendar.amountUSD == Double(400_000_000 - (286_000_000 + 79_000_000)))
        #expect(calendar.method.contains("BBB"))
        try reconciles(gap, figures)
    }

    @Test("non-oil against all goods: quantified from one compiler's two coverages, named when none gives both")
    func coverage() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 500_000_000, compiler: "AAA statistics")
        try figures.add("AAA", "BBB", .turnover, "2022", 420_000_000, commodity: "NONOIL", compiler: "AAA statistics")
        try figures.add("BBB", "AAA", .turnover, "2022", 430_000_000, commodity: "NONOIL", compiler: "BBB customs")
        let measured = try gap(figures, period: "2022")
        #expect(measured.steps.first { $0.kind == .coverage }?.amountUSD == -80_000_000)
        try reconciles(measured, figures)

        var bare = Figures()
        try bare.add("AAA", "BBB", .turnover, "2022", 500_000_000, compiler: "AAA statistics")
        try bare.add("BBB", "AAA", .turnover, "2022", 430_000_000, commodity: "NONOIL", compiler: "BBB customs")
        let named = try gap(bare, period: "2022")
        #expect(named.steps.allSatisfy { $0.kind != .coverage })
        #expect(named.notQuantified.contains { $0.kind == .coverage && $0.amountUSD == nil })
        try reconciles(named, bare)
    }

    @Test("exports FOB against imports CIF: the margin measured on the importer's own figure, whichever side asks")
    func valuation() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .export, "2022", 100_000_000, compiler: "AAA statistics")
        try figures.add("BBB", "AAA", .import, "2022", 110_000_000, compiler: "BBB customs")
        let exports = try gap(figures, period: "2022", flow: .export)
        #expect(exports.b?.flow == .import)
        let margin = (110_000_000 * (1 - 1 / MirrorRule.cifFOBFactor)).rounded()
        #expect(exports.steps.map(\.kind) == [.valuation] && exports.steps.first?.amountUSD == margin)
        #expect(exports.residualUSD == 110_000_000 - 100_000_000 - margin)
        try reconciles(exports, figures)
        // Asked from the importer's side: the same margin, taken away.
        let imports = try gap(figures, a: "BBB", b: "AAA", period: "2022", flow: .import)
        #expect(imports.steps.first?.amountUSD == 0 - margin)

        // An importer that values its imports FOB leaves nothing to explain by valuation.
        var fob = Figures()
        try fob.add("AAA", "BBB", .export, "2022", 100_000_000, compiler: "AAA statistics")
        try fob.add("BBB", "AAA", .import, "2022", 103_000_000, valuation: .fob, compiler: "BBB customs")
        let free = try gap(fob, period: "2022", flow: .export)
        #expect(free.steps.isEmpty && free.residualUSD == 3_000_000)
        try reconciles(free, fob)
    }

    @Test("a turnover whose side gives no split of its own: valuation not quantified, never on the other side's split")
    func noBorrowedSplit() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 300_000_000, provider: "Prime minister")
        try figures.add("BBB", "AAA", .turnover, "2022", 310_000_000, compiler: "BBB customs")
        try figures.add("BBB", "AAA", .export, "2022", 200_000_000, compiler: "BBB customs")
        try figures.add("BBB", "AAA", .import, "2022", 110_000_000, compiler: "BBB customs")
        let gap = try gap(figures, period: "2022")
        #expect(gap.directions.isEmpty && gap.directionsMissing?.contains("AAA's for 2022") == true)
        let valuation = try #require(gap.notQuantified.first { $0.kind == .valuation })
        #expect(valuation.method.contains("AAA's own imports from BBB for 2022") && !valuation.method.contains("BBB's own imports"))
        #expect(gap.steps.isEmpty && gap.residualUSD == 10_000_000)
        try reconciles(gap, figures)

        // Each side's own imports for its own period: the two margins, one added, one taken away.
        try figures.add("AAA", "BBB", .import, "2022", 190_000_000, provider: "Prime minister")
        let both = try self.gap(figures, period: "2022")
        let factor = MirrorRule.cifFOBFactor
        let expected = ((110_000_000 * (1 - 1 / factor)) - 190_000_000 * (1 - 1 / factor)).rounded()
        #expect(both.steps.first { $0.kind == .valuation }?.amountUSD == expected)
        #expect(both.directions.isEmpty, "AAA gives no exports: its directions are not told apart")
        try reconciles(both, figures)
    }

    @Test("a turnover both sides split: each direction reconciled on its own, the turnover their sum")
    func directions() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .export, "2022", 300_000_000, compiler: "AAA statistics")
        try figures.add("AAA", "BBB", .import, "2022", 100_000_000, compiler: "AAA statistics")
        try figures.add("AAA", "BBB", .reExport, "2022", 20_000_000, compiler: "AAA statistics")
        try figures.add("BBB", "AAA", .export, "SH1401", 90_000_000, compiler: "BBB customs")
        try figures.add("BBB", "AAA", .import, "SH1401", 290_000_000, compiler: "BBB customs")
        try figures.add("BBB", "AAA", .turnover, "SH1401", 380_000_000, provider: "Paper", compiler: "BBB customs")
        let gap = try gap(figures, a: "BBB", b: "AAA", period: "2022")
        #expect(gap.a?.valueUSD == 380_000_000 && gap.b?.valueUSD == 400_000_000)
        #expect(gap.directions.map(\.exporter) == ["AAA", "BBB"] && gap.directions.map(\.flow) == [.import, .export])
        let fromAAA = try #require(gap.directions.first)
        #expect(fromAAA.a.valueUSD == 290_000_000 && fromAAA.b.valueUSD == 300_000_000)
        let factor = MirrorRule.cifFOBFactor
        // From BBB's imports to AAA's exports: the margin taken away, AAA's re-exports put back.
        let kinds = fromAAA.steps.map(\.kind)
        #expect(kinds == [.valuation, .reExports])
        #expect(fromAAA.steps[0].amountUSD == 0 - (290_000_000 * (1 - 1 / factor)).rounded() && fromAAA.steps[1].amountUSD == 20_000_000)
        // Neither compiler tells the other calendar's year: named in each direction.
        #expect(gap.notQuantified.filter { $0.kind == .calendar }.map(\.direction?.exporter) == ["AAA", "BBB"])
        #expect(gap.steps.allSatisfy { $0.direction != nil } && gap.steps.count == 3)
        try reconciles(gap, figures)
    }

    @Test("part of a year against the whole: measured on the side that tells both whole")
    func partialPeriod() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 480_000_000, compiler: "AAA statistics")
        try figures.add("AAA", "BBB", .turnover, "2022-01..2022-09", 350_000_000, sourceID: 50, compiler: "AAA statistics")
        try figures.add("BBB", "AAA", .turnover, "2022-01..2022-09", 340_000_000, compiler: "BBB customs")
        let gap = try gap(figures, period: "2022-01..2022-09")
        #expect(gap.a?.period.description == "2022-01..2022-09")
        #expect(gap.steps.isEmpty || gap.steps.allSatisfy { $0.kind != .partialPeriod })
        let year = try self.gap(figures, period: "2022")
        #expect(year.b?.period.description == "2022-01..2022-09")
        #expect(year.steps.first { $0.kind == .partialPeriod }?.amountUSD == Double(350_000_000 - 480_000_000))
        try reconciles(year, figures)
    }

    @Test("official statistics before a newspaper's figure, and bounds or plans never chosen")
    func choice() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 500_000_000, compiler: "AAA statistics")
        try figures.add("BBB", "AAA", .turnover, "2022", 510_000_000, provider: "Daily paper")
        try figures.add("BBB", "AAA", .turnover, "SH1401", 320_000_000, provider: "Weekly", compiler: "BBB customs")
        try figures.add("BBB", "AAA", .turnover, "2022", 900_000_000, provider: "Minister", status: .plan)
        let gap = try gap(figures, period: "2022")
        #expect(gap.b?.valueUSD == 320_000_000 && gap.b?.official == true)
        #expect(gap.b?.alsoPublished.map(\.valueUSD) == [510_000_000])
        try reconciles(gap, figures)
    }

    @Test("a year is answered by a year of either calendar before a longer span that holds it")
    func wholeYear() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2021", 230_000_000)
        try figures.add("BBB", "AAA", .turnover, "2001..2021", 6_000_000_000, provider: "Paper", compiler: "BBB customs")
        try figures.add("BBB", "AAA", .turnover, "SH1400", 265_000_000, provider: "Other paper", compiler: "BBB customs")
        let gap = try gap(figures, period: "2021")
        #expect(gap.b?.period.description == "SH1400")
        try reconciles(gap, figures)
    }

    @Test("a side with no figure: no steps, no residual, and the answer says so")
    func missingSide() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 500_000_000)
        let gap = try gap(figures, period: "2022")
        #expect(gap.a != nil && gap.b == nil && gap.residualUSD == nil && gap.steps.isEmpty)
    }
}
