import CaravanCore
import Foundation
import Testing

/// Which figure answers for one period, flow and coverage: an official compiler's release, then a
/// quote naming its compiler, then dated quotes newest first, then undated ones.
@Suite("Precedence among figures for the same period")
struct PrecedenceTests {
    let turnover = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .turnover)

    func answer(_ figures: Figures, _ period: String = "2018") throws -> PeriodValue {
        try #require(Ledger.value(of: turnover, over: try Period(parsing: period), from: figures.rows))
    }

    @Test("an undated press figure ranks as the oldest: a statistics committee's dated figure answers, whatever was imported later")
    func undatedLoses() throws {
        var figures = Figures()
        try figures.add(
            "KAZ", "IRN", .turnover, "2018", 422_000_000, provider: "Kazakhstan Statistics Committee via Kursiv", published: "2020-01-08",
            recorded: 0, compiler: "Kazakhstan Statistics Committee")
        // Imported later and undated: before, its import date made it the newest.
        try figures.add("KAZ", "IRN", .turnover, "2018", 516_300_000, provider: "Persia Digest", recorded: 30)
        let value = try answer(figures)
        #expect(value.valueUSD == 422_000_000 && value.sources.map(\.precedence) == [.namesCompiler])
        #expect(value.alternatives.map(\.valueUSD) == [516_300_000] && value.alternatives.map(\.precedence) == [.undated])
    }

    @Test("the order in one sentence: compiler's release, names its compiler, dated newest first, undated")
    func tiers() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .turnover, "2018", 1, provider: "Undated paper")
        try figures.add("KAZ", "IRN", .turnover, "2018", 2, provider: "Old paper", published: "2019-01-01")
        try figures.add("KAZ", "IRN", .turnover, "2018", 3, provider: "New paper", published: "2024-01-01")
        #expect(try answer(figures).valueUSD == 3)
        try figures.add("KAZ", "IRN", .turnover, "2018", 4, provider: "Agency", compiler: "Statistics Committee")
        #expect(try answer(figures).valueUSD == 4)
        try figures.add("KAZ", "IRN", .turnover, "2018", 5, provider: "Statistics Committee", compiler: "statistics  committee")
        let official = try answer(figures)
        #expect(official.valueUSD == 5 && official.sources.first?.precedence == .official)
        #expect(official.alternatives.map(\.precedence) == [.namesCompiler, .dated, .dated, .undated])
        #expect(official.alternatives.map(\.valueUSD) == [4, 3, 2, 1])
    }

    @Test("an official figure of the partner's report answers before the reporter's own undated quote")
    func officialBeforeSide() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .turnover, "2018", 500, provider: "Undated paper")
        try figures.add("IRN", "KAZ", .turnover, "2018", 450, kind: .comtrade, provider: "UN Comtrade")
        #expect(try answer(figures).valueUSD == 450)
        // Within one tier, the reporter's own report still comes first.
        try figures.add("KAZ", "IRN", .turnover, "2018", 470, kind: .comtrade, provider: "UN Comtrade")
        #expect(try answer(figures).valueUSD == 470)
    }

    @Test("a year's exports and imports are its turnover's components, not rival figures")
    func components() throws {
        var figures = Figures()
        try figures.add("KAZ", "IRN", .turnover, "2018", 422_000_000, provider: "Agency", published: "2020-01-08", compiler: "Statistics Committee")
        try figures.add("KAZ", "IRN", .turnover, "2018", 516_300_000, provider: "Persia Digest", sourceID: 7)
        try figures.add("KAZ", "IRN", .export, "2018", 426_700_000, provider: "Persia Digest", sourceID: 7)
        try figures.add("KAZ", "IRN", .import, "2018", 89_500_000, provider: "Persia Digest", sourceID: 7)
        let value = try answer(figures)
        #expect(value.valueUSD == 422_000_000)
        #expect(value.alternatives.map(\.valueUSD) == [516_300_000])
        #expect(value.components.map(\.flow) == [.export, .import] && value.components.map(\.valueUSD) == [426_700_000, 89_500_000])
        let json = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        #expect(json.contains("\"components\"") && json.contains("\"precedence\":\"names-compiler\""))
    }
}
