import CaravanCore
import Foundation
import Testing

@Suite("A pair's series")
struct TradeSeriesTests {
    @Test("a year is told by its own figure, before the sum of its months")
    func exactFigureFirst() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .export, "2024", 100)
        for month in 1...12 { try figures.add("KAZ", "IRN", .export, String(format: "2024-%02d", month), 9) }
        let series = TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export), by: .year, from: figures.rows)
        #expect(series.values == ["2024": 100])
        let monthly = TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export), by: .quarter, from: figures.rows)
        #expect(monthly.values == ["2024-Q1": 27, "2024-Q2": 27, "2024-Q3": 27, "2024-Q4": 27])
    }

    @Test("a year covered only in part is marked partial and never passed off as whole")
    func partialYear() throws {
        var figures = Figures()
        try figures.add("IRN", "KAZ", .turnover, "2024-01..2024-09", 130)
        try figures.add("IRN", "KAZ", .turnover, "2024", 340)
        try figures.add("IRN", "KAZ", .turnover, "2025-01..2025-09", 249.1)
        let series = TradeSeries(TradeQuery(reporter: "IRN", partner: "KAZ"), by: .year, from: figures.rows)
        let latest = try #require(series.point("2025"))
        #expect(latest.value.partial)
        #expect(latest.value.covered?.description == "2025-01..2025-09")
        #expect(latest.value.valueUSD == 249.1)
        #expect(latest.changeVersus?.description == "2024-01..2024-09")
        #expect(abs(latest.changePct! - (249.1 - 130) / 130 * 100) < 1e-9)
        #expect(series.point("2024")?.value.partial == false)
    }

    @Test("turnover is exports plus imports of one source and period, or a stated turnover")
    func turnover() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .export, "2023", 200, kind: .comtrade, provider: "UN Comtrade")
        try figures.add("KAZ", "IRN", .import, "2023", 50, kind: .comtrade, provider: "UN Comtrade")
        try figures.add("KAZ", "IRN", .export, "2022", 180, kind: .comtrade, provider: "UN Comtrade")
        try figures.add("IRN", "KAZ", .turnover, "2022", 521, provider: "Tehran Times")
        let series = TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN"), by: .year, from: figures.rows)
        #expect(series.values == ["2022": 521, "2023": 250])
        #expect(series.point("2023")?.value.sources.map(\.flow) == [.export, .import])
        #expect(series.point("2022")?.value.sources.first?.reporter == "IRN")
    }

    @Test("a reconciled source's import is its partner's export row")
    func reconciledImports() throws {
        var figures = Figures()
        try figures.add("IRN", "KAZ", .export, "2022", 40, kind: .baci, provider: "CEPII BACI HS92")
        try figures.add("KAZ", "IRN", .export, "2022", 300, kind: .baci, provider: "CEPII BACI HS92")
        let imports = TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .import), by: .year, from: figures.rows)
        #expect(imports.values == ["2022": 40])
        let turnover = TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN"), by: .year, from: figures.rows)
        #expect(turnover.values == ["2022": 340])
    }

    @Test("a revised figure supersedes the earlier one, except as of a date before it")
    func vintages() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .export, "2024", 300, recorded: 0)
        try figures.add("KAZ", "IRN", .export, "2024", 320, recorded: 30)
        let query = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export)
        #expect(TradeSeries(query, by: .year, from: figures.rows).values == ["2024": 320])
        var asOf = query
        asOf.asOf = Figures.recorded(10)
        #expect(TradeSeries(asOf, by: .year, from: figures.rows).values == ["2024": 300])
        asOf.asOf = Figures.recorded(-1)
        #expect(TradeSeries(asOf, by: .year, from: figures.rows).points.isEmpty)
    }

    @Test("a Solar Hijri figure is apportioned to Gregorian months by days, as an estimate")
    func apportioned() throws {
        var figures = Figures()
        try figures.add("IRN", "KAZ", .turnover, "SH1404-01", 310)
        let series = TradeSeries(TradeQuery(reporter: "IRN", partner: "KAZ"), by: .month, from: figures.rows)
        // Farvardin 1404 runs 21 March to 20 April 2025: 11 days in March, 20 in April.
        #expect(series.points.map(\.value.period.description) == ["2025-03", "2025-04"])
        #expect(abs(series.values["2025-03"]! - 110) < 1e-9)
        #expect(abs(series.values["2025-04"]! - 200) < 1e-9)
        #expect(series.points.allSatisfy { $0.value.estimate && $0.value.partial })
        #expect(series.points[0].value.sources[0].share.map { abs($0 - 11.0 / 31) < 1e-9 } == true)
    }

    @Test("a same-calendar figure wider than the period is never split")
    func noSplitWithinCalendar() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .export, "2014..2019", 3_080)
        let series = TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export), by: .year, from: figures.rows)
        #expect(series.points.isEmpty)
    }

    @Test("Solar Hijri years from Gregorian months: whole months inside, the straddling ones by days")
    func shYears() throws {
        var figures = Figures()
        for month in 1...12 { try figures.add("KAZ", "IRN", .export, String(format: "2025-%02d", month), 31) }
        let series = TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export), by: .shYear, from: figures.rows)
        let sh1404 = try #require(series.point("SH1404"))
        #expect(sh1404.value.partial && sh1404.value.estimate)
        #expect(sh1404.value.covered?.description == "SH1404-01-01..SH1404-10-10")
    }

    @Test("equal figures for the same period: the source with precedence is used, the others listed")
    func alternatives() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .turnover, "2022", 528, provider: "Prime Minister", published: "2023-04-27")
        try figures.add("KAZ", "IRN", .turnover, "2022", 530, kind: .comtrade, provider: "UN Comtrade")
        let point = try #require(TradeSeries(TradeQuery(reporter: "KAZ", partner: "IRN"), by: .year, from: figures.rows).point("2022"))
        #expect(point.value.valueUSD == 530)
        #expect(point.value.alternatives.map(\.valueUSD) == [528])
    }
}
