import CaravanCore
import CaravanDossier
import Testing

@Suite("Claims checked against other sources' figures")
struct ClaimTests {
    let ledger: FigureBook = {
        var ledger = FigureBook()
        ledger.add("2022", 528, provider: "Ministry")
        ledger.add("2019", 302, provider: "Ministry")
        ledger.add("2024", 340, provider: "Daily Paper")
        ledger.add("2021", 400, provider: "Daily Paper")
        ledger.add("2024-01..2024-09", 130, provider: "Ministry")
        ledger.add("2025-01..2025-09", 249, provider: "Ministry")
        ledger.add("2023-01..2023-06", 100, provider: "Ministry")
        return ledger
    }()

    func verdict(
        _ period: String, _ expectation: ClaimExpectation, metric: Metric = .trade(turnover), agreements: [Agreement] = []
    ) throws -> ClaimResult {
        let claim = Claim(id: "c", source: "paper", quote: "…", metric: metric, period: try Period(parsing: period), expectation: expectation)
        return scorecard(dossier(claims: [claim], agreements: agreements), ledger: ledger).claims[0]
    }

    @Test("a value within its tolerance, and one outside it")
    func value() throws {
        let close = try verdict("2022", .value(521, tolerancePct: 2))
        #expect(close.verdict == .consistent && close.computed == 528 && close.gap == 7)
        #expect(try verdict("2022", .value(500, tolerancePct: 2)).verdict == .inconsistent)
    }

    @Test("a claim is not confirmed by its own source's figure")
    func ownSource() throws {
        let result = try verdict("2021", .value(400, tolerancePct: 5))
        #expect(result.verdict == .unverifiable && result.reason.english == "only its own origin (Daily Paper) reports figures for 2021")
    }

    @Test("a change, a ratio and bounds")
    func relations() throws {
        let change = try verdict("2022", .change(percent: 38, versus: try Period(parsing: "2019"), tolerancePoints: 3))
        #expect(change.verdict == .inconsistent && abs(change.computed! - (528.0 / 302 - 1) * 100) < 1e-9)
        let ratio = try verdict("2025-01..2025-09", .ratio(2, versus: try Period(parsing: "2024-01..2024-09"), tolerance: 0.1))
        #expect(ratio.verdict == .consistent && abs(ratio.computed! - 249.0 / 130) < 1e-9)
        #expect(try verdict("2022", .below(400)).verdict == .inconsistent)
        #expect(try verdict("2022", .above(400)).verdict == .consistent)
    }

    @Test("unverifiable when only part of the period is known, or nothing measures it")
    func unverifiable() throws {
        let partial = try verdict("2023", .value(200, tolerancePct: 5))
        #expect(partial.verdict == .unverifiable && partial.reason.english == "the figures cover only part of 2023")
        #expect(try verdict("2025", .value(90, tolerancePct: 5), metric: .statement("tariffs")).verdict == .unverifiable)
    }

    @Test("agreements are counted by the documents signed in the period")
    func agreements() throws {
        let signed = [
            Agreement(
                id: "a", title: "Package", parties: ["KAZ", "IRN"], signed: "2025-12-11", domain: "several", status: .signed, count: 14,
                source: "ministry"),
            Agreement(
                id: "b", title: "Statement", parties: ["KAZ", "IRN"], signed: "2025-12-11", domain: "diplomacy", status: .signed, source: "ministry"),
            Agreement(id: "c", title: "Older", parties: ["KAZ", "IRN"], signed: "2024-07", domain: "transport", status: .signed, source: "ministry"),
        ]
        let result = try verdict("2025-12", .above(20), metric: .agreements, agreements: signed)
        #expect(result.verdict == .inconsistent && result.computed == 15)
    }
}
