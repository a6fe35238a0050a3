import CaravanCore
import Foundation
import Testing

@Suite("Tariff schedules and coverage")
struct TariffTests {
    static func day(_ text: String) throws -> Day { try Period(parsing: text).days.lowerBound }

    static func entry(
        _ code: String, mfn: Double, preferential: Double?, from: String = "2025-05-15", recorded: Double = 0
    ) throws
        -> RecordedTariffLine
    {
        RecordedTariffLine(
            TariffLine(reporter: "KAZ", regime: "IRN", code: code, mfnPct: mfn, preferentialPct: preferential, effectiveFrom: try day(from)),
            source: SourceRecord(id: 1, kind: .tariffs, provider: "Gazette", recordedAt: Date(timeIntervalSince1970: recorded), file: "t.csv"),
            line: 2)
    }

    @Test("a heading's rate reaches its subheadings unless one has its own; the entry in force on the day wins")
    func inheritance() throws {
        let lines = [
            try Self.entry("10", mfn: 5, preferential: 0), try Self.entry("1006", mfn: 10, preferential: 10),
            try Self.entry("100610", mfn: 10, preferential: 2), try Self.entry("1001", mfn: 5, preferential: 3, from: "2027-01-01"),
            try Self.entry("84", mfn: 8, preferential: nil, from: "2020-01-01"), try Self.entry("84", mfn: 6, preferential: nil, from: "2024-01-01"),
        ]
        let schedule = TariffSchedule(reporter: "KAZ", regime: "IRN", on: try Self.day("2026-01-01"), lines: lines)
        #expect(schedule.entry(for: "100111")?.tariff.code == "10", "1001's entry is not in force until 2027")
        #expect(schedule.entry(for: "100610")?.tariff.preferentialPct == 2)
        #expect(schedule.entry(for: "847130")?.tariff.mfnPct == 6)
        #expect(schedule.entry(for: "270900") == nil)
        let later = TariffSchedule(reporter: "KAZ", regime: "IRN", on: try Self.day("2027-06-01"), lines: lines)
        #expect(later.entry(for: "100111")?.tariff.preferentialPct == 3)
        #expect(TariffSchedule(reporter: "KAZ", regime: "IRN", on: try Self.day("2019-01-01"), lines: lines).isEmpty)
    }

    @Test("a line is liberalized at a preferential rate of 0 or below MFN; the margin is MFN less it")
    func liberalized() {
        let day = Day(number: 0)
        #expect(TariffLine(reporter: "K", regime: "I", code: "10", mfnPct: 5, preferentialPct: 0, effectiveFrom: day).liberalized)
        #expect(TariffLine(reporter: "K", regime: "I", code: "10", mfnPct: 0, preferentialPct: 0, effectiveFrom: day).liberalized)
        #expect(TariffLine(reporter: "K", regime: "I", code: "10", mfnPct: 5, preferentialPct: 4, effectiveFrom: day).marginPct == 1)
        #expect(!TariffLine(reporter: "K", regime: "I", code: "10", mfnPct: 5, preferentialPct: 5, effectiveFrom: day).liberalized)
        #expect(!TariffLine(reporter: "K", regime: "I", code: "10", mfnPct: 5, preferentialPct: nil, effectiveFrom: day).liberalized)
    }

    @Test("90% of lines liberalized can carry 30% of trade: the two shares differ as the schedule and trade say")
    func coverage() throws {
        let subheadings = (1...10).map { String(format: "1001%02d", $0) }
        // Nine lines free, one (the one most traded) kept at MFN.
        let lines =
            try subheadings.dropLast().map { try Self.entry($0, mfn: 10, preferential: 0) } + [try Self.entry("100110", mfn: 10, preferential: 10)]
        var trade = Dictionary(uniqueKeysWithValues: subheadings.dropLast().map { ($0, 30.0 / 9) })
        trade["100110"] = 70
        let schedule = TariffSchedule(reporter: "KAZ", regime: "IRN", on: try Self.day("2026-01-01"), lines: lines)
        let coverage = TariffCoverage(
            schedule, partner: "IRN", subheadings: subheadings + ["270900"], trade: trade, period: try Period(parsing: "2024"))
        #expect(coverage.lines.total == 11 && coverage.lines.withRate == 10 && coverage.lines.liberalized == 9)
        #expect(abs((coverage.lines.liberalizedPct ?? 0) - 90) < 1e-9 && abs((coverage.lines.meanMarginPct ?? 0) - 9) < 1e-9)
        let traded = try #require(coverage.trade)
        #expect(abs(traded.totalUSD - 100) < 1e-9 && abs((traded.liberalizedPct ?? 0) - 30) < 1e-9)
        #expect(abs((traded.weightedMarginPct ?? 0) - 3) < 1e-9)
        let untraded = TariffCoverage(schedule, partner: "IRN", subheadings: subheadings, trade: nil, period: try Period(parsing: "2024"))
        #expect(untraded.trade == nil && untraded.sources.map(\.provider) == ["Gazette"])
    }
}
