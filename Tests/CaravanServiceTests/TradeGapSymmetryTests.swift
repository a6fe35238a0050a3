import CaravanCore
import CaravanPresentation
import CaravanSQLite
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

/// `trade gap` asked both ways round on the bundled figures, imported into a SQLite file: every
/// step's amount and the residual change sign and nothing else.
@Suite("Why two sides' figures differ, the same from either side, on the bundled figures")
struct TradeGapSymmetryTests {
    let directory = TemporaryDirectory()
    let workspace: Workspace

    init() throws { workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("gap.sqlite"))) }

    /// Every Gregorian and Solar Hijri year the pair's figures touch, and every period they name.
    func periods(_ a: String, _ b: String) async throws -> [Period] {
        var named = Set<Period>()
        for commodity in [CommodityCode.total, "NONOIL"] {
            for row in try await workspace.store.observations(between: a, and: b, commodity: commodity) { named.insert(row.observation.period) }
        }
        var periods = named
        for period in named {
            for calendar in [CalendarSystem.gregorian, .solarHijri] {
                let first = Period.unit(.year, containing: period.days.lowerBound, in: calendar).first
                let last = Period.unit(.year, containing: period.days.upperBound, in: calendar).first
                for year in first...last { periods.insert(Period(.year, year, in: calendar)) }
            }
        }
        return periods.sorted { ($0.days.lowerBound, $0.days.upperBound) < ($1.days.lowerBound, $1.days.upperBound) }
    }

    @Test("every bundled pair, flow, coverage and period: gap(a, b) is gap(b, a) with a and b swapped and every amount negated")
    func antisymmetric() async throws {
        _ = try await workspace.importBundledData()
        var answered = 0
        for (a, b) in [("IRN", "KAZ"), ("IRN", "TKM")] {
            for period in try await periods(a, b) {
                for flow in [TradeFlow.turnover, .export, .import] {
                    for commodity in [CommodityCode.total, "NONOIL"] {
                        let gap = try await workspace.gap(GapRequest(a: a, b: b, period: period, flow: flow, commodity: commodity))
                        let other = try await workspace.gap(GapRequest(a: b, b: a, period: period, flow: flow.mirrored, commodity: commodity))
                        let asked = "\(a)–\(b) \(flow.rawValue) \(commodity) \(period)"
                        #expect((gap.a == nil) == (other.b == nil) && (gap.b == nil) == (other.a == nil), "\(asked)")
                        guard let x = gap.a, let y = gap.b, let residual = gap.residualUSD else { continue }
                        answered += 1
                        #expect(other.a?.valueUSD == y.valueUSD && other.b?.valueUSD == x.valueUSD, "\(asked)")
                        #expect(other.a?.period == y.period && other.b?.period == x.period && other.a?.commodity == y.commodity, "\(asked)")
                        #expect(other.residualUSD == 0 - residual, "\(asked)")
                        #expect(other.steps.map(\.kind) == gap.steps.map(\.kind), "\(asked)")
                        #expect(other.steps.map { $0.amountUSD.map { 0 - $0 } } == gap.steps.map(\.amountUSD), "\(asked)")
                        #expect(other.steps.map(\.method) == gap.steps.map(\.method), "\(asked)")
                        #expect(other.notQuantified.map(\.method) == gap.notQuantified.map(\.method), "\(asked)")
                        #expect(other.directionsMissing == gap.directionsMissing, "\(asked)")
                        #expect(other.directions.map { 0 - $0.residualUSD } == gap.directions.map(\.residualUSD), "\(asked)")
                        #expect(x.valueUSD + gap.steps.reduce(0) { $0 + ($1.amountUSD ?? 0) } + residual == y.valueUSD, "\(asked)")
                    }
                }
            }
        }
        // The property is tried on the answers that have both sides, not vacuously.
        #expect(answered >= 20, "only \(answered) questions had both sides")
    }

    @Test("Kazakhstan's 2022 turnover against IRICA's 1401: KAZ reports no split of its own, so valuation is not quantified")
    func noSplitFromTheOtherSide() async throws {
        _ = try await workspace.importBundledData()
        let gap = try await workspace.gap(GapRequest(a: "KAZ", b: "IRN", period: .year(2022)))
        #expect(gap.a?.valueUSD == 528_000_000 && gap.b?.valueUSD == 320_140_000 && gap.b?.commodity == "NONOIL")
        #expect(gap.directions.isEmpty && gap.directionsMissing?.contains("KAZ's for 2022") == true)
        #expect(gap.steps.map(\.kind) == [.calendar])
        let valuation = try #require(gap.notQuantified.first { $0.kind == .valuation })
        #expect(valuation.method.contains("KAZ's own imports from IRN for 2022"), "\(valuation.method)")
        #expect(gap.notQuantified.map(\.kind) == [.coverage, .valuation, .partnerAttribution])
    }

    @Test("a turnover both sides split, read from a file: told by direction in the table, each direction's residual summing to B's figure")
    func byDirection() async throws {
        let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote,compiler,status"
        let rows = [
            "KAZ,UZB,export,TOTAL,2023,300000000,,,Stat bulletin,,,,KAZ statistics,",
            "KAZ,UZB,import,TOTAL,2023,100000000,,,Stat bulletin,,,,KAZ statistics,",
            "UZB,KAZ,export,TOTAL,2023,95000000,,,Customs release,,,,UZB customs,",
            "UZB,KAZ,import,TOTAL,2023,330000000,,,Customs release,,,,UZB customs,",
        ]
        _ = try await workspace.importFile(directory.write("split.csv", ([header] + rows).joined(separator: "\n")))
        let gap = try await workspace.gap(GapRequest(a: "UZB", b: "KAZ", period: .year(2023)))
        #expect(gap.a?.valueUSD == 425_000_000 && gap.b?.valueUSD == 400_000_000 && gap.directionsMissing == nil)
        #expect(gap.directions.map { "\($0.exporter)→\($0.importer)" } == ["KAZ→UZB", "UZB→KAZ"])
        #expect(gap.steps.map(\.kind) == [.valuation, .valuation] && gap.steps.compactMap(\.direction?.exporter) == ["KAZ", "UZB"])
        let table = gap.table.rendered(.text)
        #expect(table.contains("KAZ→UZB valuation") && table.contains("UZB→KAZ residual"), "\(table)")
        // The running total, through both directions' steps and residuals, ends at B's figure.
        let lastRunning = table.split(separator: "\n").last { $0.contains("UZB→KAZ residual") }
        #expect(lastRunning?.contains("400,000,000") == true, "\(table)")
        let other = try await workspace.gap(GapRequest(a: "KAZ", b: "UZB", period: .year(2023)))
        #expect(other.steps.map { $0.amountUSD.map { 0 - $0 } } == gap.steps.map(\.amountUSD) && other.residualUSD == gap.residualUSD.map { 0 - $0 })
    }

    @Test("a side without a figure is named with its own flow, whichever side asks: Kazakhstan's exports, not its imports")
    func missingSide() async throws {
        _ = try await workspace.importBundledData()
        let asked = try await workspace.gap(GapRequest(a: "KAZ", b: "IRN", period: .year(2021), flow: .export))
        let other = try await workspace.gap(GapRequest(a: "IRN", b: "KAZ", period: .year(2021), flow: .import))
        #expect(asked.a == nil && other.b == nil && asked.b?.valueUSD == other.a?.valueUSD)
        for gap in [asked, other] {
            #expect(gap.table.rendered(.text).contains("KAZ reports no export figure of its own touching 2021"), "\(gap.table.rendered(.text))")
        }
    }
}
