import CaravanCore
import Testing

@Suite("Comparisons and mirrors")
struct ComparisonTests {
    @Test("compare defaults to the same period a year earlier")
    func compareDefault() throws {
        var figures = Figures()
        try figures.add("IRN", "KAZ", .turnover, "2025-01..2025-09", 249.1)
        try figures.add("IRN", "KAZ", .turnover, "2024-01..2024-09", 127)
        let comparison = TradeComparison(
            TradeQuery(reporter: "IRN", partner: "KAZ"), period: try Period(parsing: "2025-01..2025-09"), from: figures.rows)
        #expect(comparison.versus.description == "2024-01..2024-09")
        #expect(abs(comparison.changeUSD! - 122.1) < 1e-9)
        #expect(abs(comparison.changePct! - 122.1 / 127 * 100) < 1e-9)
    }

    @Test("a period only partly covered is compared with nothing")
    func comparePartial() throws {
        var figures = Figures()
        try figures.add("IRN", "KAZ", .turnover, "2025-01..2025-09", 249.1)
        try figures.add("IRN", "KAZ", .turnover, "2024", 340)
        let comparison = TradeComparison(TradeQuery(reporter: "IRN", partner: "KAZ"), period: .year(2025), from: figures.rows)
        #expect(comparison.current?.partial == true)
        #expect(comparison.changePct == nil)
    }

    @Test("the mirror sets each side's report side by side, with the CIF/FOB ratio and the importer's figure brought to FOB")
    func mirror() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .export, "2023", 100, kind: .comtrade, provider: "UN Comtrade", valuation: .fob)
        try figures.add("IRN", "KAZ", .import, "2023", 112, kind: .comtrade, provider: "UN Comtrade", valuation: .cif)
        try figures.add("IRN", "KAZ", .export, "2023", 40, kind: .comtrade, provider: "UN Comtrade", valuation: .fob)
        try figures.add("KAZ", "IRN", .export, "2024", 90, kind: .baci, provider: "CEPII BACI HS92")
        let mirror = MirrorComparison("KAZ", "IRN", from: figures.rows)
        #expect(mirror.flows.count == 2)
        let kazToIran = try #require(mirror.flows.first { $0.exporter == "KAZ" })
        #expect(kazToIran.gapUSD == 12)
        #expect(kazToIran.cifFOBRatio == 1.12)
        #expect(kazToIran.rule == .importerCIFToFOB)
        #expect(abs(kazToIran.bestEstimateUSD - 112 / 1.06) < 1e-9)
        let iranToKaz = try #require(mirror.flows.first { $0.exporter == "IRN" })
        #expect(iranToKaz.rule == .exporterFOB && iranToKaz.bestEstimateUSD == 40 && iranToKaz.importerReport == nil)
    }

    @Test("the mirror of one product compares that product's figures, not the totals")
    func mirrorCommodity() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .export, "2023", 100, commodity: "1001", kind: .comtrade, provider: "UN Comtrade", valuation: .fob)
        try figures.add("IRN", "KAZ", .import, "2023", 110, commodity: "1001", kind: .comtrade, provider: "UN Comtrade", valuation: .cif)
        try figures.add("KAZ", "IRN", .export, "2023", 900, kind: .comtrade, provider: "UN Comtrade", valuation: .fob)
        let wheat = MirrorComparison("KAZ", "IRN", commodity: "1001", from: figures.rows)
        #expect(wheat.commodity == "1001" && wheat.flows.count == 1)
        #expect(wheat.flows.first?.exporterReport?.valueUSD == 100 && wheat.flows.first?.importerReport?.valueUSD == 110)
        #expect(MirrorComparison("KAZ", "IRN", from: figures.rows).flows.first?.exporterReport?.valueUSD == 900)
    }
}
