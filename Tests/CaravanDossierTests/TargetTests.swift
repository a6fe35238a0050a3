import CaravanCore
import CaravanDossier
import Foundation
import Testing

@Suite("Targets: status rules and growth arithmetic")
struct TargetTests {
    func target(_ value: Double, by deadline: Int, metric: Metric = .trade(turnover)) -> Target {
        Target(id: "t", metric: metric, value: value, deadline: deadline, source: "ministry")
    }

    func status(_ years: [(String, Double)], target value: Double, by deadline: Int, asOf: String = "2025-06-30") -> TargetResult {
        var ledger = FigureBook()
        for (period, amount) in years { ledger.add(period, amount) }
        return scorecard(dossier(targets: [target(value, by: deadline)]), ledger: ledger, asOf: asOf).tests.trade.targets[0]
    }

    @Test("compound growth and the year a trend reaches a level")
    func arithmetic() throws {
        #expect(abs(try #require(Growth.compound(from: 100, to: 121, years: 2)) - 10) < 1e-9)
        #expect(Growth.yearReached(from: 100, in: 2020, growingBy: 10, target: 133.1) == 2023)
        #expect(Growth.yearReached(from: 100, in: 2020, growingBy: 10, target: 133.2) == 2024)
        #expect(Growth.yearReached(from: 100, in: 2020, growingBy: -3, target: 150) == nil)
        #expect(Growth.compound(from: 0, to: 5, years: 3) == nil)
    }

    @Test(
        "a verdict is a sentence: a deadline passed reads 'missed in' with no growth rate, an open target says what was found against what and which outturn would change it"
    )
    func sentences() throws {
        let missed = status([("2019", 100e6), ("2021", 227e6)], target: 10e9, by: 2017)
        #expect(missed.sentence(asOfYear: 2025).english == "t: missed in 2017 — $227M in 2021 (Statistics Office), 2.3% of $10.0bn.")
        #expect(missed.change(asOfYear: 2025) == nil)
        let open = status([("2019", 300e6), ("2024", 340e6)], target: 400e6, by: 2026)
        #expect(
            open.sentence(asOfYear: 2025).english.hasPrefix(
                "t is off track: $340M in 2024 (Statistics Office), against $400M by 2026; growing 2.5% a year"))
        // On the path of 8.5% a year from $340M in 2024, 2025 needs $369M.
        #expect(
            open.change(asOfYear: 2025)?.english == "a 2025 outturn of $369M or more, on the path of 8.5% a year to $400M by 2026")
        let onCourse = status([("2022", 100e6), ("2024", 121e6)], target: 140e6, by: 2027)
        #expect(onCourse.status == .onTrack && onCourse.change(asOfYear: 2025)?.english.hasPrefix("a 2025 outturn below $127M") == true)
    }

    @Test("met: the latest full year reaches the target")
    func met() {
        #expect(status([("2023", 90), ("2024", 120)], target: 100, by: 2027).status == .met)
    }

    @Test("on track: the observed growth reaches the target by the deadline")
    func onTrack() throws {
        let result = status([("2020", 100), ("2024", 146.41)], target: 200, by: 2028)
        #expect(result.status == .onTrack)
        #expect(abs(try #require(result.observedGrowthPct) - 10) < 1e-9)
        #expect(abs(try #require(result.requiredGrowthPct) - (pow(200 / 146.41, 0.25) - 1) * 100) < 1e-9)
        #expect(result.projectedYear == 2028 && result.window == "2020..2024")
    }

    @Test("at risk: reached within two years after the deadline, or no trend to judge by")
    func atRisk() {
        #expect(status([("2020", 100), ("2024", 121.55)], target: 150, by: 2027).status == .atRisk)
        #expect(status([("2024", 100)], target: 150, by: 2027).status == .atRisk)
    }

    @Test("off track: too slow, falling, or past the deadline")
    func offTrack() {
        #expect(status([("2020", 100), ("2024", 101)], target: 200, by: 2027).status == .offTrack)
        #expect(status([("2020", 100), ("2024", 90)], target: 150, by: 2030).status == .offTrack)
        #expect(status([("2020", 100), ("2024", 146.41)], target: 200, by: 2024, asOf: "2025-06-30").status == .offTrack)
    }

    @Test("no data without figures")
    func noData() {
        #expect(status([], target: 100, by: 2030).status == .noData)
    }

    @Test("a partial year runs on by days, or by the seasonal shares of earlier complete years")
    func runRates() throws {
        var byDays = FigureBook()
        byDays.add("2024", 300)
        byDays.add("2025-01..2025-09", 273)
        let days = try #require(scorecard(dossier(targets: [target(1000, by: 2030)]), ledger: byDays).tests.trade.runRate)
        #expect(abs(days.fullYear - 365) < 1e-9 && days.method.english == "by days (273 of 365)")
        var seasonal = FigureBook()
        for month in 1...12 { seasonal.add(String(format: "2024-%02d", month), month <= 9 ? 1 : 3) }
        seasonal.add("2025-01..2025-09", 10)
        let season = try #require(scorecard(dossier(targets: [target(1000, by: 2030)]), ledger: seasonal).tests.trade.runRate)
        #expect(abs(season.fullYear - 20) < 1e-9 && season.method.english == "seasonal shares of 2024")
    }

    @Test("freight: off track when the network cannot carry the target in its year, whatever the trend")
    func freightCapacity() {
        let target = Target(id: "f", metric: .freight(element: "line"), value: 7_000_000, deadline: 2028, source: "ministry")
        let flows = [flow("2022", 2_000_000), flow("2024", 4_000_000)]
        let card = scorecard(dossier(targets: [target]), flows: flows, network: corridorNetwork)
        let result = card.tests.corridor.targets[0]
        #expect(result.capacity?.maxMt == 6 && result.capacity?.bottleneck == ["bc"])
        #expect(result.status == .offTrack && result.reason.english.hasPrefix("the network carries at most 6.0 Mt a year in 2028 (bottleneck: B–C)"))
        // The sentence names the corridor and its bottleneck, and says what would change the verdict.
        #expect(card.tests.corridor.summary.english.hasSuffix("The line carries at most 6 Mt a year in 2028 (bottleneck: B–C)."))
        #expect(result.change(asOfYear: 2026)?.english == "the network carrying 7 Mt a year by 2028: today's plans give 6 Mt (B–C)")
        let project = Project(
            id: "bc2", title: "Second track", kind: "railway", countries: ["KAZ"],
            effects: [ProjectEffect(element: "bc", figure: .capacityMt, change: .add, amount: 6)], status: .funded, completionYear: 2027,
            source: "ministry")
        let upgraded = scorecard(dossier(targets: [target], projects: [project]), flows: flows, network: corridorNetwork).tests.corridor.targets[0]
        #expect(upgraded.capacity?.maxMt == 8 && upgraded.capacity?.bottleneck == ["C"] && upgraded.capacity?.projectsApplied == ["bc2"])
        #expect(upgraded.status == .onTrack)
    }
}

@Suite("What if: a scenario beside the baseline, nothing stored changed")
struct ScenarioTests {
    /// The line A→B→C of `corridorNetwork` (ab 10, bc 6, port C 8), and a second track on bc
    /// (+6) finished in 2027: the corridor carries 6 Mt until 2026, then 8 (the port).
    let target = Target(id: "f", metric: .freight(element: "line"), value: 7_000_000, deadline: 2028, source: "ministry")
    let track = Project(
        id: "bc2", title: "Second track", kind: "railway", countries: ["KAZ"],
        effects: [ProjectEffect(element: "bc", figure: .capacityMt, change: .add, amount: 6)], status: .funded, completionYear: 2027,
        source: "ministry")

    func compare(_ changes: [Scenario.Change]) throws(ScenarioError) -> ScenarioComparison {
        let flows = [flow("2022", 2_000_000), flow("2024", 4_000_000)]
        let input = ScorecardInput(
            dossier: dossier(targets: [target], projects: [track]), asOf: moment("2025-06-30"), trade: { _, _, _ in [] }, flows: flows,
            network: corridorNetwork)
        return try ScenarioComparison(Scenario(changes), input: input)
    }

    @Test func delayingTheProjectThatLiftsTheBottleneckMovesTheCorridorTestAndItsYear() throws {
        let delayed = try compare([.delay(project: "bc2", years: 2)])
        #expect(delayed.baseline.corridor.status == .onTrack && delayed.scenario.corridor.status == .offTrack)
        #expect(delayed.baseline.targets[0].capacity?.maxMt == 8 && delayed.scenario.targets[0].capacity?.maxMt == 6)
        #expect(delayed.scenario.targets[0].capacity?.bottleneck == ["bc"])
        // 2025 to 2028, the target's year: the track counts from 2027, or from 2029 when delayed.
        #expect(delayed.baseline.capacity.map(\.maxMt) == [6, 6, 8, 8])
        #expect(delayed.scenario.capacity.map(\.maxMt) == [6, 6, 6, 6])
        #expect(delayed.baseline.capacity.map(\.bottleneck) == [["bc"], ["bc"], ["C"], ["C"]])
        #expect(delayed.changes == ["delay bc2 by 2 years"])
        let cancelled = try compare([.cancel(project: "bc2")])
        #expect(cancelled.scenario.capacity.map(\.maxMt) == [6, 6, 6, 6] && cancelled.scenario.corridor.status == .offTrack)
    }

    @Test("when nothing moves, the answer says why: the changes touch elements off the bottleneck, which it names")
    func nothingChangesSaysWhy() throws {
        #expect(try compare([.delay(project: "bc2", years: 2)]).unchanged == nil)
        // Port A lies off the line's bottleneck (bc, then C): more of it changes no status and no year's capacity.
        let aside = try compare([.add(element: "A", figure: .capacityMt, amount: 4)])
        #expect(aside.unchanged?.english == "Nothing changes: the bottleneck of The line is B–C, C, and these changes touch only A.")
        // Lifting bc (6 → 9) before the track hands the bottleneck to port C (8) from 2027: later years move, so something changes.
        #expect(try compare([.add(element: "bc", figure: .capacityMt, amount: 3)]).unchanged == nil)
        // Two links of 6 Mt: lifting one hands the bottleneck to the other, and the line carries no more.
        var even = corridorNetwork
        even.nodes[2].capacityMt = nil
        even.links[0].capacityMt = 6
        let input = ScorecardInput(
            dossier: dossier(targets: [target]), asOf: moment("2025-06-30"), trade: { _, _, _ in [] }, flows: [flow("2024", 4_000_000)],
            network: even)
        let moved = try ScenarioComparison(Scenario([.add(element: "ab", figure: .capacityMt, amount: 3)]), input: input)
        #expect(moved.unchanged?.english == "Nothing changes: lifting A–B moves the bottleneck of The line to B–C, which carries no more.")
    }

    @Test func addedCapacityCountsFromNowAndMovesTheBottleneck() throws {
        // C's port +4 (to 12): with the track, ab's 10 binds; without it, bc's 6 until 2027.
        let added = try compare([.add(element: "C", figure: .capacityMt, amount: 4)])
        #expect(added.scenario.capacity.map(\.maxMt) == [6, 6, 10, 10])
        #expect(added.scenario.capacity.last?.bottleneck == ["ab"])
        #expect(added.scenario.corridor.status == .onTrack && added.baseline.projects.status == added.scenario.projects.status)
    }

    @Test func aChangeTheDossierOrNetworkCannotTakeIsRefusedInWords() {
        #expect(throws: ScenarioError.self) { try compare([.delay(project: "nope", years: 1)]) }
        #expect(throws: ScenarioError.self) { try compare([.add(element: "Z", figure: .capacityMt, amount: 1)]) }
        do throws(ScenarioError) {
            _ = try compare([.cancel(project: "nope")])
            Issue.record("an unknown project was taken")
        } catch {
            #expect(error.description == "cancel nope: the dossier has no project 'nope'; it has bc2" && error.kind == "cancel")
        }
    }
}

@Suite("The nowcast: seasonal shares with their spread, and its backtest")
struct NowcastTests {
    /// Months of 2021–2023 by hand: January–September hold 50%, 60% and 40% of each year.
    static func seasons() -> FigureBook {
        var book = FigureBook()
        for (year, (early, late)) in [2021: (50.0, 50.0), 2022: (60.0, 40.0), 2023: (40.0, 60.0)] {
            for month in 1...12 { book.add(String(format: "\(year)-%02d", month), month <= 9 ? early / 9 : late / 3) }
        }
        return book
    }

    @Test func aPartialYearIsProjectedWithTheMeanShareAndItsSpread() throws {
        var book = Self.seasons()
        book.add("2024-01..2024-09", 30)
        let target = Target(id: "t", metric: .trade(turnover), value: 1000, deadline: 2030, source: "ministry")
        let runRate = try #require(scorecard(dossier(targets: [target]), ledger: book, asOf: "2024-12-01").tests.trade.runRate)
        // Mean share 0.5: 60. At the largest share (0.6) 50, at the smallest (0.4) 75.
        #expect(abs(runRate.fullYear - 60) < 1e-9)
        #expect(abs(runRate.low! - 50) < 1e-9 && abs(runRate.high! - 75) < 1e-9)
        #expect(runRate.method.english == "seasonal shares of 2021, 2022, 2023")
    }

    @Test func monthsReadFromThePartnersReportAreFlaggedAsMirror() throws {
        var book = Self.seasons()
        // Kazakhstan has not reported 2024 yet; Iran has, for nine months.
        book.add("2024-01..2024-09", 30, reporter: "IRN")
        let target = Target(id: "t", metric: .trade(turnover), value: 1000, deadline: 2030, source: "ministry")
        let runRate = try #require(scorecard(dossier(targets: [target]), ledger: book, asOf: "2024-12-01").tests.trade.runRate)
        #expect(runRate.mirror.map(\.description) == ["2024-01..2024-09"] && abs(runRate.fullYear - 60) < 1e-9)
        book.add("2024-01..2024-09", 31)
        let own = try #require(scorecard(dossier(targets: [target]), ledger: book, asOf: "2024-12-01").tests.trade.runRate)
        #expect(own.mirror.isEmpty && abs(own.fullYear - 62) < 1e-9)
    }

    @Test func theBacktestTriesEveryCutOffWithOnlyTheYearsBefore() {
        let backtest = NowcastBacktest(turnover, calendar: .gregorian, observations: Self.seasons().rows)
        // 2021 has no earlier year: by days. 2022 takes 2021's shares; 2023 takes 2021's and 2022's.
        #expect(backtest.trials.count == 3 * 11 && backtest.cutOffs.map(\.trials) == Array(repeating: 3, count: 11))
        let nine = backtest.trials.filter { $0.months == 9 }
        #expect(nine.map(\.nowcast.method.english) == ["by days (273 of 365)", "seasonal shares of 2021", "seasonal shares of 2021, 2022"])
        // 2022: 60 so far over 2021's 0.5 is 120, against 100: 20% off. 2023: 40 over 0.55 is 72.7, an interval 66.7–80 that misses 100.
        #expect(abs(nine[1].nowcast.fullYear - 120) < 1e-9 && abs(nine[1].nowcastError - 20) < 1e-9 && nine[1].held == nil)
        #expect(abs(nine[2].nowcast.fullYear - 40 / 0.55) < 1e-9 && nine[2].held == false)
        #expect(backtest.cutOffs[8].intervals == 1 && backtest.cutOffs[8].held == 0)
    }

    @Test("a run-rate takes the last three years known exactly, passing over a year in between with no figures")
    func aGapYearIsPassedOver() throws {
        var book = FigureBook()
        // January–September hold 70%, 60%, 40% and 50% of 2019, 2020, 2021 and 2023; 2022 is not in the ledger.
        for (year, early) in [2019: 70.0, 2020: 60.0, 2021: 40.0, 2023: 50.0] {
            for month in 1...12 { book.add(String(format: "\(year)-%02d", month), month <= 9 ? early / 9 : (100 - early) / 3) }
        }
        book.add("2024-01..2024-09", 30)
        let target = Target(id: "t", metric: .trade(turnover), value: 1000, deadline: 2030, source: "ministry")
        let runRate = try #require(scorecard(dossier(targets: [target]), ledger: book, asOf: "2024-12-01").tests.trade.runRate)
        // 2020, 2021 and 2023, not 2019: a mean share of 0.5 gives 60; the largest (0.6) 50, the smallest (0.4) 75.
        #expect(runRate.method.english == "seasonal shares of 2020, 2021, 2023")
        #expect(abs(runRate.fullYear - 60) < 1e-9 && abs(runRate.low! - 50) < 1e-9 && abs(runRate.high! - 75) < 1e-9)
    }

    @Test("each trial reads earlier years as published by the end of its cut-off month: not a later revision, not an undated figure recorded since")
    func theBacktestReadsOnlyWhatWasKnownAtEachCutOff() throws {
        var book = FigureBook()
        // 2021 as first published (100, January–September half of it), and revised after 2022's cut-off (110, 60%).
        for month in 1...12 { book.add(String(format: "2021-%02d", month), month <= 9 ? 50.0 / 9 : 50.0 / 3, published: "2022-02-15") }
        for month in 1...12 {
            book.add(String(format: "2021-%02d", month), month <= 9 ? 66.0 / 9 : 44.0 / 3, published: "2022-11", recorded: "2023-01-01")
        }
        // 2020 carries no date of publication and was recorded long after: no trial of 2022 could have read it.
        for month in 1...12 { book.add(String(format: "2020-%02d", month), month <= 9 ? 40.0 / 9 : 60.0 / 3, recorded: "2026-01-01") }
        book.add("2022-01..2022-09", 30, published: "2022-10-20")
        book.add("2022", 70, published: "2023-02-01")
        let backtest = NowcastBacktest(turnover, calendar: .gregorian, observations: book.rows)
        let trial = try #require(backtest.trials.last)
        #expect(trial.year == .year(2022) && trial.months == 9 && trial.knownBy.description == "2022-09-30")
        // 30 over the first vintage's share of 0.5: 60 (the revision's 0.6 would give 50; with 2020's 0.4 too, 66.7).
        #expect(trial.nowcast.method.english == "seasonal shares of 2021" && abs(trial.nowcast.fullYear - 60) < 1e-9)
        #expect(trial.outturn == 70 && trial.soFar == 30)
        // The outturn of 2021 itself is the revision, as the ledger reads it.
        let year2021 = try #require(backtest.trials.first { $0.year == .year(2021) })
        #expect(abs(year2021.outturn - 110) < 1e-9 && year2021.nowcast.method.english.hasPrefix("by days"))
        // A month of publication counts from its last day; no date, from the day of recording.
        let revised = try #require(book.rows.first { $0.source.published == "2022-11" })
        let january2020 = try Period(parsing: "2020-01")
        let undated = try #require(book.rows.first { $0.observation.period == january2020 })
        #expect(revised.knownFrom == (try Period(parsing: "2022-11-30")).days.lowerBound)
        #expect(undated.knownFrom == (try Period(parsing: "2026-01-01")).days.lowerBound)
    }

    /// Twelve years of a strong season (a quarter of the year's trade in December) with a level that
    /// drifts and noise of ±4%: the seasonal nowcast errs by 1%, by days by 19%; its interval holds
    /// the outturn about as often as the range of three draws holds a fourth.
    @Test func onAKnownSeasonTheNowcastBeatsDaysAndItsIntervalMostlyHolds() {
        var book = FigureBook()
        var state: UInt64 = 2025
        func noise() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        for year in 2010...2021 {
            for month in 1...12 {
                let season = month == 12 ? 3.3 : 0.9 + 0.02 * Double(month)
                // Each month published in the month after it, as a statistics office would.
                let published = month == 12 ? "\(year + 1)-01" : String(format: "\(year)-%02d", month + 1)
                book.add(
                    String(format: "\(year)-%02d", month), 1_000_000 * Double(year - 2000) * season * (1 + 0.08 * noise()), published: published)
            }
        }
        let backtest = NowcastBacktest(turnover, calendar: .gregorian, observations: book.rows)
        #expect(backtest.trials.count == 12 * 11)
        let seasonal = backtest.trials.filter { $0.year.first >= 2013 }
        let nowcastError = seasonal.map(\.nowcastError).reduce(0, +) / Double(seasonal.count)
        let daysError = seasonal.map(\.byDaysError).reduce(0, +) / Double(seasonal.count)
        #expect(nowcastError < daysError / 3, "nowcast \(nowcastError)% against by days \(daysError)%")
        let intervals = seasonal.compactMap(\.held)
        let held = Double(intervals.filter { $0 }.count) / Double(intervals.count)
        // The range of three years' shares holds a fourth's (n − 1)/(n + 1) = half the time: 43 of 99 here.
        #expect(intervals.count == seasonal.count && held > 0.3 && held < 0.7, "the interval held \(held)")
    }
}
