import CaravanCore
import CaravanDossier
import Testing

/// Claims judged when the two sides' figures disagree, when the claim's number belongs to another
/// period, and when a bloc's measure is read as one member's (docs/dossier.md).
@Suite("Claims against two sides' figures")
struct TwoSidesTests {
    func judged(
        _ ledger: FigureBook, _ period: String, _ expectation: ClaimExpectation, metric: Metric = .trade(turnover), agreements: [Agreement] = []
    )
        throws -> ClaimResult
    {
        let claim = Claim(id: "c", source: "paper", quote: "…", metric: metric, period: try Period(parsing: period), expectation: expectation)
        return scorecard(dossier(claims: [claim], agreements: agreements), ledger: ledger).claims[0]
    }

    @Test("each side's own figures judged apart: contested when one bears the claim out and the other does not")
    func contested() throws {
        var ledger = FigureBook()
        ledger.add("2022", 528, provider: "Statistics Office", reporter: "KAZ")
        ledger.add("2022", 320, provider: "Customs", reporter: "IRN")
        let result = try judged(ledger, "2022", .value(521, tolerancePct: 2))
        #expect(result.verdict == .contested, "\(result.reason)")
        #expect(result.sides.map(\.economy) == ["KAZ", "IRN"])
        #expect(result.sides.map(\.verdict) == [.consistent, .inconsistent])
        #expect(result.reason.english.contains("KAZ") && result.reason.english.contains("IRN"))

        var agreeing = FigureBook()
        agreeing.add("2022", 525, provider: "Statistics Office", reporter: "KAZ")
        agreeing.add("2022", 519, provider: "Customs", reporter: "IRN")
        #expect(try judged(agreeing, "2022", .value(521, tolerancePct: 2)).verdict == .consistent)
    }

    @Test("a number that is another calendar's figure is named as such, and the verdict does not rest on it")
    func otherCalendar() throws {
        var ledger = FigureBook()
        ledger.add("SH1403", 340, provider: "Chamber", reporter: "IRN")
        let result = try judged(ledger, "2024", .value(340, tolerancePct: 5))
        #expect(result.verdict == .unverifiable)
        #expect(result.matchesElsewhere.count == 1)
        #expect(result.reason.english.contains("SH1403") && result.reason.english.contains("other calendar"), "\(result.reason)")
    }

    @Test("a tariff share claimed for one member of a bloc's agreement is flagged as a difference of scope")
    func scope() throws {
        let fta = Agreement(
            id: "bloc-fta", title: "FTA", parties: ["ARM", "BLR", "KAZ", "KGZ", "RUS", "IRN"], signed: "2023-12-25", domain: "trade",
            status: .inForce, source: "ministry")
        let share = TariffShare(reporter: "KAZ", partner: "IRN", regime: nil, of: .lines)
        let flagged = try judged(FigureBook(), "2025", .value(90, tolerancePct: 5), metric: .tariffCoverage(share), agreements: [fta])
        #expect(flagged.scope?.contains("bloc-fta") == true)
        let bilateral = Agreement(
            id: "pair", title: "Pair", parties: ["KAZ", "IRN"], signed: "2023-12-25", domain: "trade", status: .inForce, source: "ministry")
        #expect(try judged(FigureBook(), "2025", .value(90, tolerancePct: 5), metric: .tariffCoverage(share), agreements: [bilateral]).scope == nil)
    }
}
