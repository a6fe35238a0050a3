import CaravanCore
import CaravanDossier
import CaravanNetwork
import Foundation
import Testing

/// Evidence weighed as a fact-checker would: never the claim's own origin, never absence read as zero.
@Suite("Independent evidence: a claim's own origin never confirms it, and no evidence is no verdict")
struct IndependenceTests {
    let sources = [
        DossierSource(id: "paper", title: "Leaders meet", publisher: "Daily Paper", url: "https://daily.example/news/12345/leaders-meet"),
        DossierSource(id: "ministry", title: "Bulletin", publisher: "Ministry"),
        DossierSource(id: "reprint", title: "Leaders meet", publisher: "Weekly Digest", via: ["Daily Paper"]),
        DossierSource(id: "quoting", title: "Customs say", publisher: "Agency", origin: ["Customs Office"]),
    ]

    func card(
        claims: [Claim] = [], targets: [Target] = [], agreements: [Agreement] = [], projects: [Project] = [], ledger: FigureBook = FigureBook(),
        flows: [RecordedFreightFlow] = [], tariffs: [TariffShare: Result<TariffCoverage, TariffEvidenceMissing>] = [:],
        relations: [RecordedRelativeFigure] = []
    ) -> Scorecard {
        let dossier = Dossier(
            partnership: Partnership(id: "p", title: "P", economies: ["KAZ", "IRN"], corridor: "line"), sources: sources, targets: targets,
            claims: claims, agreements: agreements, projects: projects)
        let rows = ledger.rows
        return Scorecard(
            ScorecardInput(
                dossier: dossier, asOf: moment("2025-12-31"), trade: { _, _, _ in rows }, relations: { _, _ in relations }, flows: flows,
                network: corridorNetwork, tariffs: tariffs))
    }

    func claim(_ metric: Metric, _ period: String, _ expectation: ClaimExpectation, source: String = "paper", quote: String = "…") throws -> Claim {
        Claim(id: "c", source: source, quote: quote, metric: metric, period: try Period(parsing: period), expectation: expectation)
    }

    func agreement(_ id: String, count: Int, source: String) -> Agreement {
        Agreement(
            id: id, title: id, parties: ["KAZ", "IRN"], signed: "2025-12-11", domain: "several", status: .signed, count: count, source: source)
    }

    @Test("a count whose only evidence is its own source is unverifiable, not a count of zero; another source's count judges it")
    func count() throws {
        let over20 = try claim(.agreements, "2025-12", .above(20))
        let alone = card(claims: [over20], agreements: [agreement("package", count: 14, source: "paper")]).claims[0]
        #expect(alone.verdict == .unverifiable && alone.computed == nil)
        #expect(alone.reason.english == "only its own origin (Daily Paper) reports agreements signed for 2025-12")
        #expect(alone.setAside.map(\.provider) == ["Daily Paper"])
        let none = card(claims: [over20]).claims[0]
        #expect(none.verdict == .unverifiable && none.reason.english == "no agreements signed for 2025-12 from a source other than Daily Paper")
        let counted = card(claims: [over20], agreements: [agreement("package", count: 14, source: "ministry")]).claims[0]
        #expect(counted.verdict == .inconsistent && counted.computed == 14)
    }

    @Test("an amount whose only evidence is its own source is unverifiable")
    func amount() throws {
        let project = Project(
            id: "port", title: "Port", kind: "port", countries: ["KAZ"], budgetUSD: 100,
            funding: [FundingEvent(funder: "Bank", kind: .commitment, amountUSD: 80, date: "2025-03-01", source: "paper")], status: .funded,
            source: "ministry")
        let committed = try claim(.funding(projects: ["port"]), "2025", .value(80, tolerancePct: 5))
        let result = card(claims: [committed], projects: [project]).claims[0]
        #expect(result.verdict == .unverifiable && result.reason.english == "only its own origin (Daily Paper) reports funding committed for 2025")
        let trade = try claim(.trade(turnover), "2021", .value(400, tolerancePct: 5))
        var ledger = FigureBook()
        ledger.add("2021", 400, provider: "Daily Paper")
        #expect(card(claims: [trade], ledger: ledger).claims[0].verdict == .unverifiable)
    }

    @Test("a share whose only evidence is its own source's schedule is unverifiable")
    func share() throws {
        let line = RecordedTariffLine(
            TariffLine(
                reporter: "KAZ", regime: "IRN", code: "100110", mfnPct: 10, preferentialPct: 0,
                effectiveFrom: try Period(parsing: "2025-01-01").days.lowerBound),
            source: SourceRecord(id: 1, kind: .tariffs, provider: "Daily Paper", recordedAt: moment("2025-01-01"), file: "t.csv"), line: 2)
        let schedule = TariffSchedule(reporter: "KAZ", regime: "IRN", on: try Period(parsing: "2025-06-01").days.lowerBound, lines: [line])
        let coverage = TariffCoverage(schedule, partner: "IRN", subheadings: ["100110"], trade: nil, period: try Period(parsing: "2025"))
        let share = TariffShare(reporter: "KAZ", partner: "IRN", of: .lines)
        let ninety = try claim(.tariffCoverage(share), "2025", .value(90, tolerancePct: 5))
        let own = card(claims: [ninety], tariffs: [share: .success(coverage)]).claims[0]
        #expect(own.verdict == .unverifiable && own.reason.english == "only its own origin (Daily Paper) gives the tariff schedule")
        let fromMinistry = try claim(.tariffCoverage(share), "2025", .value(90, tolerancePct: 5), source: "ministry")
        #expect(card(claims: [fromMinistry], tariffs: [share: .success(coverage)]).claims[0].verdict == .inconsistent)
    }

    @Test("a reprint does not confirm: the same quote, the same article address, or a source that names what it reprints")
    func reprint() throws {
        let quote = "trade between the two countries reached 528 million dollars last year"
        var ledger = FigureBook()
        ledger.add("2022", 528, provider: "Syndicate", quote: "Officials said trade between the two countries reached 528 million dollars last year.")
        let sameQuote = try claim(.trade(turnover), "2022", .value(528, tolerancePct: 1), quote: quote)
        let quoted = card(claims: [sameQuote], ledger: ledger).claims[0]
        #expect(quoted.verdict == .unverifiable && quoted.setAside.map(\.provider) == ["Syndicate"])

        var address = FigureBook()
        address.add("2022", 528, provider: "Mirror Site", url: "https://www.daily.example/news/12345/")
        #expect(card(claims: [try claim(.trade(turnover), "2022", .value(528, tolerancePct: 1))], ledger: address).claims[0].verdict == .unverifiable)

        var via = FigureBook()
        via.add("2022", 528, provider: "Daily Paper")
        let reprinted = try claim(.trade(turnover), "2022", .value(528, tolerancePct: 1), source: "reprint")
        #expect(card(claims: [reprinted], ledger: via).claims[0].verdict == .unverifiable)
        via.add("2022", 529, provider: "Ministry")
        let confirmed = card(claims: [reprinted], ledger: via).claims[0]
        #expect(confirmed.verdict == .consistent && confirmed.computed == 529 && confirmed.setAside.map(\.provider) == ["Daily Paper"])
    }

    @Test("a source that names its origin is not confirmed by that origin's figures, quoted by whoever")
    func origin() throws {
        var ledger = FigureBook()
        ledger.add("2022", 528, provider: "Financial Weekly", compiler: "Customs Office")
        let claimed = try claim(.trade(turnover), "2022", .value(528, tolerancePct: 1), source: "quoting")
        let result = card(claims: [claimed], ledger: ledger).claims[0]
        #expect(result.verdict == .unverifiable && result.reason.english == "only its own origin (Financial Weekly) reports figures for 2022")
    }

    @Test("a bound settled by part of its period: the part already above it, or already past a value's tolerance")
    func partSettles() throws {
        var ledger = FigureBook()
        ledger.add("2025-01..2025-09", 450, provider: "Ministry")
        let above = card(claims: [try claim(.trade(turnover), "2025", .above(400))], ledger: ledger).claims[0]
        #expect(above.verdict == .consistent && above.reason.english == "the figures cover only part of 2025, and that part alone settles it")
        #expect(card(claims: [try claim(.trade(turnover), "2025", .below(400))], ledger: ledger).claims[0].verdict == .inconsistent)
        #expect(card(claims: [try claim(.trade(turnover), "2025", .value(400, tolerancePct: 5))], ledger: ledger).claims[0].verdict == .inconsistent)
        #expect(card(claims: [try claim(.trade(turnover), "2025", .above(500))], ledger: ledger).claims[0].verdict == .unverifiable)
    }

    @Test("the trade test heads with the latest year others give, the article's own figure beside it, and says what stands on the article alone")
    func tradeTest() throws {
        var ledger = FigureBook()
        ledger.add("2019", 300, provider: "Ministry")
        ledger.add("2022", 528, provider: "Ministry")
        ledger.add("2024", 340, provider: "Daily Paper")
        ledger.add("2025-01..2025-09", 249, provider: "Daily Paper")
        let target = Target(id: "t", metric: .trade(turnover), value: 1_000, deadline: 2028, source: "paper", quote: "a target")
        let trade = card(targets: [target], ledger: ledger).tests.trade
        #expect(trade.latest?.value == 528 && trade.latest?.own == false)
        #expect(trade.latestOwn?.value == 340 && trade.latestOwn?.period.description == "2024")
        #expect(trade.runRate?.own == true && trade.assessed == ["Daily Paper"])
        #expect(trade.summary.english.contains("Trade is off track: $528 in 2022 (Ministry); Daily Paper's own figure: $340 in 2024 (Daily Paper)"))
        #expect(trade.summary.english.hasSuffix("reaching $1000 by 2028 needs 31.0% a year, against 2.5% a year observed."))
        let judged = try #require(trade.targets.first)
        #expect(judged.ownYears == [2024, 2025] && judged.latest?.own == true)
        #expect(judged.reason.english.hasSuffix("(on Daily Paper's own figures for 2024, 2025: no other source gives them)"))
        // A year others tell whole is never taken from the article, however recent its figure.
        ledger.add("2024", 300, provider: "Ministry")
        let told = card(targets: [target], ledger: ledger).tests.trade
        #expect(told.latest?.value == 300 && told.latestOwn == nil && told.targets.first?.ownYears == [2025])
    }

    func stated(
        _ ratio: Double, _ provider: String, period: String = "2025-01..2025-10", versus: String = "2024-01..2024-10"
    ) throws
        -> RecordedRelativeFigure
    {
        RecordedRelativeFigure(
            RelativeFigure(
                reporter: "IRN", partner: "KAZ", flow: .turnover, commodity: "TOTAL", period: try Period(parsing: period),
                versus: try Period(parsing: versus), ratio: ratio, stated: .change, note: "turnover up"),
            source: SourceRecord(id: 40, kind: .figures, provider: provider, recordedAt: moment("2025-12-01"), file: "r.csv"), line: 2)
    }

    @Test("a growth rate another origin stated checks a change claim; the claim's own origin's does not; amounts come first")
    func relativeFigures() throws {
        let grew40 = try claim(
            .trade(turnover), "2025-01..2025-10", .change(percent: 40, versus: try Period(parsing: "2024-01..2024-10"), tolerancePoints: 5))
        let confirmed = card(claims: [grew40], relations: [try stated(1.4, "Akorda")]).claims[0]
        #expect(confirmed.verdict == .consistent && abs((confirmed.computed ?? 0) - 40) < 1e-9)
        #expect(confirmed.reason.english == "within what the claim allows, on a growth rate or multiple another source stated")
        #expect(confirmed.basis.map(\.provider) == ["Akorda"])
        #expect(card(claims: [grew40], relations: [try stated(1.1, "Akorda")]).claims[0].verdict == .inconsistent)
        let doubled = try claim(.trade(turnover), "2025-01..2025-10", .ratio(2, versus: try Period(parsing: "2024-01..2024-10"), tolerance: 0.25))
        #expect(card(claims: [doubled], relations: [try stated(1.4, "Akorda")]).claims[0].verdict == .inconsistent)
        // The claim's own publisher stating it again confirms nothing.
        let own = card(claims: [grew40], relations: [try stated(1.4, "Daily Paper")]).claims[0]
        #expect(own.verdict == .unverifiable && own.setAside.map(\.provider) == ["Daily Paper"])
        // Another period's growth is not this period's.
        #expect(
            card(claims: [grew40], relations: [try stated(1.4, "Akorda", period: "2025-01..2025-09", versus: "2024-01..2024-09")]).claims[0].verdict
                == .unverifiable)
        // Both periods told whole by another origin's amounts: those decide.
        var ledger = FigureBook()
        ledger.add("2024-01..2024-10", 100, provider: "Ministry")
        ledger.add("2025-01..2025-10", 200, provider: "Ministry")
        let amounts = card(claims: [grew40], ledger: ledger, relations: [try stated(1.4, "Akorda")]).claims[0]
        #expect(amounts.verdict == .inconsistent && amounts.computed == 100)
    }

    @Test("a growth rate another origin stated between two whole years is the trend when the figures give none")
    func statedTrend() throws {
        var ledger = FigureBook()
        ledger.add("2022", 528, provider: "Ministry")
        let target = Target(id: "t", metric: .trade(turnover), value: 1_000, deadline: 2028, source: "paper", quote: "a target")
        #expect(card(targets: [target], ledger: ledger).tests.trade.targets[0].observedGrowthPct == nil)
        let grew = try stated(1.2, "Prime Minister", period: "2022", versus: "2021")
        let judged = card(targets: [target], ledger: ledger, relations: [grew]).tests.trade.targets[0]
        #expect(abs((judged.observedGrowthPct ?? 0) - 20) < 1e-9 && judged.window == "2021..2022 (stated by Prime Minister)")
        #expect(judged.reason.english.contains("growing 20.0% a year (2021..2022, as Prime Minister stated it)"))
        // The target's own source stating it is no trend.
        #expect(
            card(targets: [target], ledger: ledger, relations: [try stated(1.2, "Daily Paper", period: "2022", versus: "2021")]).tests.trade.targets[
                0
            ].observedGrowthPct == nil)
    }

    @Test("a freight target reads the tonnes others report before its own source's")
    func freight() throws {
        let target = Target(id: "f", metric: .freight(element: "line"), value: 15_000_000, deadline: 2027, source: "paper", quote: "15 Mt")
        func report(_ tonnes: Double, _ provider: String, id: Int64) -> RecordedFreightFlow {
            RecordedFreightFlow(
                FreightFlow(element: "line", period: (try? Period(parsing: "2024"))!, tonnes: tonnes),
                source: SourceRecord(id: id, kind: .freight, provider: provider, recordedAt: moment("2025-01-0\(id)"), file: "flows.csv"), line: 2)
        }
        let own = card(targets: [target], flows: [report(2_000_000, "Daily Paper", id: 2)]).tests.corridor.targets[0]
        #expect(own.latest?.value == 2_000_000 && own.latest?.own == true && own.ownYears == [2024])
        let other = card(targets: [target], flows: [report(2_000_000, "Daily Paper", id: 2), report(1_600_000, "Railways", id: 1)])
            .tests.corridor.targets[0]
        #expect(other.latest?.value == 1_600_000 && other.latest?.own == false && other.ownYears.isEmpty)
    }
}
