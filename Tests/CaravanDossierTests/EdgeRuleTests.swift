import CaravanCore
import CaravanDossier
import Testing

/// The rules at their edges: a tolerance met exactly, a publisher written differently, a month's
/// milestone, a figure from the other calendar.
@Suite("The rules at their edges")
struct EdgeRuleTests {
    func verdict(_ ledger: FigureBook, _ period: String, _ expectation: ClaimExpectation, source: String = "paper") throws -> ClaimResult {
        let claim = Claim(
            id: "c", source: source, quote: "…", metric: .trade(turnover), period: try Period(parsing: period), expectation: expectation)
        return scorecard(dossier(claims: [claim]), ledger: ledger).claims[0]
    }

    /// A ledger where 2024 is 1.2 times 2023 and 2.1 times 2022: +20% and a ratio of 2.1, up to rounding.
    var growth: FigureBook {
        var ledger = FigureBook()
        ledger.add("2022", 100, provider: "Ministry")
        ledger.add("2023", 175, provider: "Ministry")
        ledger.add("2024", 210, provider: "Ministry")
        return ledger
    }

    @Test("a change exactly at its tolerance is consistent; a hair beyond it is not")
    func changeAtTolerance() throws {
        let versus = try Period(parsing: "2023")
        let edge = try verdict(growth, "2024", .change(percent: 22, versus: versus, tolerancePoints: 2))
        #expect(edge.verdict == .consistent, "computed \(edge.computed ?? .nan)")
        #expect(try verdict(growth, "2024", .change(percent: 22, versus: versus, tolerancePoints: 1.999)).verdict == .inconsistent)
        #expect(try verdict(growth, "2024", .change(percent: 18, versus: versus, tolerancePoints: 2)).verdict == .consistent)
    }

    @Test("a ratio exactly at its tolerance is consistent, either side; a hair beyond is not")
    func ratioAtTolerance() throws {
        let versus = try Period(parsing: "2022")
        #expect(try verdict(growth, "2024", .ratio(2, versus: versus, tolerance: 0.1)).verdict == .consistent)
        #expect(try verdict(growth, "2024", .ratio(2.2, versus: versus, tolerance: 0.1)).verdict == .consistent)
        #expect(try verdict(growth, "2024", .ratio(2, versus: versus, tolerance: 0.0999)).verdict == .inconsistent)
    }

    @Test("a value exactly at its percentage tolerance is consistent")
    func valueAtTolerance() throws {
        #expect(try verdict(growth, "2024", .value(200, tolerancePct: 5)).verdict == .consistent)
        #expect(try verdict(growth, "2024", .value(200, tolerancePct: 4.99)).verdict == .inconsistent)
    }

    @Test("a publisher written in another case or spacing is still the claim's own source")
    func ownSourceLoosely() throws {
        var ledger = FigureBook()
        ledger.add("2024", 340, provider: "  daily   PAPER ")
        let result = try verdict(ledger, "2024", .value(340, tolerancePct: 1))
        #expect(result.verdict == .unverifiable)
    }

    @Test("agreements a claim's own publisher reports are not counted for it")
    func ownAgreements() throws {
        let signed = [
            Agreement(
                id: "a", title: "Own", parties: ["KAZ", "IRN"], signed: "2025-12-11", domain: "trade", status: .signed, count: 30, source: "paper"),
            Agreement(
                id: "b", title: "Other", parties: ["KAZ", "IRN"], signed: "2025-12-11", domain: "trade", status: .signed, count: 3, source: "ministry"
            ),
        ]
        let claim = Claim(id: "c", source: "paper", quote: "…", metric: .agreements, period: try Period(parsing: "2025-12"), expectation: .above(20))
        let result = scorecard(dossier(claims: [claim], agreements: signed)).claims[0]
        #expect(result.verdict == .inconsistent && result.computed == 3)
    }

    @Test("a milestone planned for a month and done within it is on time; done the month after, late")
    func monthMilestone() {
        func late(_ actual: String?) -> [LateMilestone] {
            let project = Project(
                id: "p", title: "Port", kind: "port", countries: ["KAZ"], budgetUSD: 100,
                funding: [FundingEvent(funder: "Bank", kind: .commitment, amountUSD: 100, date: "2024-01-01", source: "ministry")],
                milestones: [Milestone(name: "Berths", planned: "2025-06", actual: actual)], status: .underConstruction, source: "ministry")
            return scorecard(dossier(projects: [project]), asOf: "2025-06-20").tests.projects.projects[0].lateMilestones
        }
        #expect(late("2025-06-30").isEmpty)
        #expect(late(nil).isEmpty)
        #expect(late("2025-07-02").first?.daysLate == 2)
    }

    @Test("a claim judged on a figure apportioned from the other calendar says it is an estimate")
    func apportioned() throws {
        var ledger = FigureBook()
        ledger.add("SH1402", 365, provider: "Ministry")
        ledger.add("SH1403", 366, provider: "Ministry")
        let result = try verdict(ledger, "2024", .value(365, tolerancePct: 5))
        #expect(result.verdict == .consistent && result.estimate && result.reason.english.contains("an estimate"))
    }
}
