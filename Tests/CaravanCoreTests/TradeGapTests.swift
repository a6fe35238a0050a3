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

    func reconciles(_ gap: TradeGap) throws {
        let a = try #require(gap.a?.valueUSD)
        let b = try #require(gap.b?.valueUSD)
        let residual = try #require(gap.residualUSD)
        #expect(a + gap.steps.reduce(0) { $0 + ($1.amountUSD ?? 0) } + residual == b)
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
        try reconciles(gap)
    }

    @Test("non-oil against all goods: quantified from one compiler's two coverages, named when none gives both")
    func coverage() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 500_000_000, compiler: "AAA statistics")
        try figures.add("AAA", "BBB", .turnover, "2022", 420_000_000, commodity: "NONOIL", compiler: "AAA statistics")
        try figures.add("BBB", "AAA", .turnover, "2022", 430_000_000, commodity: "NONOIL", compiler: "BBB customs")
        let measured = try gap(figures, period: "2022")
        #expect(measured.steps.first { $0.kind == .coverage }?.amountUSD == -80_000_000)
        try reconciles(measured)

        var bare = Figures()
        try bare.add("AAA", "BBB", .turnover, "2022", 500_000_000, compiler: "AAA statistics")
        try bare.add("BBB", "AAA", .turnover, "2022", 430_000_000, commodity: "NONOIL", compiler: "BBB customs")
        let named = try gap(bare, period: "2022")
        #expect(named.steps.allSatisfy { $0.kind != .coverage })
        #expect(named.notQuantified.contains { $0.kind == .coverage && $0.amountUSD == nil })
        try reconciles(named)
    }

    @Test("exports FOB against imports CIF: the conventional factor on the flow, and on turnover by the split either side reports")
    func valuation() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .export, "2022", 100_000_000, compiler: "AAA statistics")
        try figures.add("BBB", "AAA", .import, "2022", 110_000_000, compiler: "BBB customs")
        let exports = try gap(figures, period: "2022", flow: .export)
        #expect(exports.b?.flow == .import)
        #expect(exports.steps.first { $0.kind == .valuation }?.amountUSD == (100_000_000 * (MirrorRule.cifFOBFactor - 1)).rounded())
        try reconciles(exports)

        var turnover = Figures()
        try turnover.add("AAA", "BBB", .turnover, "2022", 300_000_000, compiler: "AAA statistics")
        try turnover.add("BBB", "AAA", .export, "2022", 200_000_000, compiler: "BBB customs")
        try turnover.add("BBB", "AAA", .import, "2022", 100_000_000, compiler: "BBB customs")
        let split = try gap(turnover, period: "2022")
        let factor = MirrorRule.cifFOBFactor
        // B imports a third of the pair's trade: A's exports, FOB, a third of A's figure.
        let expected = (100_000_000 * (factor - 1) - 200_000_000 * (1 - 1 / factor)).rounded()
        #expect(abs((split.steps.first { $0.kind == .valuation }?.amountUSD ?? 0) - expected) <= 1)
        try reconciles(split)
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
        try reconciles(year)
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
        try reconciles(gap)
    }

    @Test("a year is answered by a year of either calendar before a longer span that holds it")
    func wholeYear() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2021", 230_000_000)
        try figures.add("BBB", "AAA", .turnover, "2001..2021", 6_000_000_000, provider: "Paper", compiler: "BBB customs")
        try figures.add("BBB", "AAA", .turnover, "SH1400", 265_000_000, provider: "Other paper", compiler: "BBB customs")
        let gap = try gap(figures, period: "2021")
        #expect(gap.b?.period.description == "SH1400")
        try reconciles(gap)
    }

    @Test("a side with no figure: no steps, no residual, and the answer says so")
    func missingSide() throws {
        var figures = Figures()
        try figures.add("AAA", "BBB", .turnover, "2022", 500_000_000)
        let gap = try gap(figures, period: "2022")
        #expect(gap.a != nil && gap.b == nil && gap.residualUSD == nil && gap.steps.isEmpty)
    }
}
