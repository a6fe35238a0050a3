import CaravanCore
import CaravanFetch
import CaravanImport
import CaravanSQLite
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The Comtrade client against a replay server on loopback: retries, resumes, and stores each answer once.
@Suite struct ComtradeFetchTests {
    /// Kazakhstan's and Iran's reports of their trade, 2019–2023, in the API's record format:
    /// Kazakhstan reports every year (HS 2017 to 2021, HS 2022 after), Iran 2019 and 2020 only.
    static func pairRecords(subheadings: Int = 0) -> [[String: Any]] {
        var records: [[String: Any]] = []
        func record(_ reporter: (Int, String), _ partner: (Int, String), _ year: Int, _ flow: String, _ code: String, _ value: Double) {
            let fields = ComtradeRows.row([
                "refYear": "\(year)", "period": "\(year)", "reporterCode": "\(reporter.0)", "reporterISO": reporter.1,
                "reporterDesc": reporter.1, "partnerCode": "\(partner.0)", "partnerISO": partner.1, "partnerDesc": partner.1,
                "flowCode": flow, "cmdCode": code, "aggrLevel": code == "TOTAL" ? "0" : "6",
                "classificationCode": year >= 2022 ? "H6" : "H5", "primaryValue": "\(Int(value))",
            ])
            var object: [String: Any] = [:]
            for (name, value) in zip(ComtradeRows.header, fields) {
                if let number = Int(value), !["cmdCode", "period", "customsCode", "mosCode"].contains(name) {
                    object[name] = number
                } else {
                    object[name] = value
                }
            }
            records.append(object)
        }
        let kaz = (398, "KAZ")
        let irn = (364, "IRN")
        for year in 2019...2023 {
            for (flow, base) in [("X", 400_000_000.0), ("M", 150_000_000.0)] {
                record(kaz, irn, year, flow, "TOTAL", base + Double(year - 2019) * 10_000_000)
                if year <= 2020 { record(irn, kaz, year, flow == "X" ? "M" : "X", "TOTAL", base * 1.1 + Double(year - 2019) * 5_000_000) }
                for index in 0..<subheadings { record(kaz, irn, year, flow, String(format: "%02d0110", 1 + index % 90), 1000 + Double(index)) }
            }
        }
        return records
    }

    let directory = TemporaryDirectory()

    func workspace(_ name: String = "fetch.sqlite") throws -> Workspace {
        Workspace(store: try SQLiteLedgerStore(path: directory.path(name)))
    }

    static func access(_ port: Int, key: String? = nil, timeout: Duration = .seconds(5), attempts: Int = 4) -> ComtradeAccess {
        ComtradeAccess(
            baseURL: "http://127.0.0.1:\(port)", key: key, callsPerSecond: 50, timeout: timeout, attempts: attempts, backoff: .milliseconds(20),
            longestWait: .seconds(3))
    }

    static let pair = ComtradeRequest(reporter: "KAZ", partner: "IRN", periods: (try? Period(parsing: "2019..2023"))!)

    /// Runs `body` with a replay server on loopback and its port.
    func serving(_ replay: ComtradeReplay, _ body: @Sendable @escaping (Int) async throws -> Void) async throws {
        let app = Application(router: replay.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body(client.port!) }
    }

    /// Every stored figure of the pair, as comparable text: who, what, when, how much, from which file.
    static func ledger(_ workspace: Workspace) async throws -> [String] {
        let rows =
            try await workspace.store.observations(between: "KAZ", and: "IRN", commodity: CommodityCode.total)
            + workspace.store.products(between: "KAZ", and: "IRN")
        return rows.map {
            let o = $0.observation
            return "\(o.reporter) \(o.partner) \(o.flow) \(o.commodity) \(o.period) \(o.valueUSD) \($0.source.file) \($0.source.edition ?? "-")"
        }.sorted()
    }

    @Test func fetchesBothSidesOnceAndResumesWithNothingToDo() async throws {
        let replay = ComtradeReplay(records: Self.pairRecords())
        let workspace = try workspace()
        try await serving(replay) { port in
            let fetch = try ComtradeFetch(Self.pair, access: Self.access(port))
            let outcome = try await fetch.run(into: workspace)
            // A call for each side's decade block: 2019, and 2020 on (Iran reported nothing after 2020).
            #expect(replay.dataCalls.count == 4)
            #expect(outcome.imported.count == 4)
            #expect(outcome.figures == 5 * 2 + 2 * 2)
            #expect(replay.dataCalls.allSatisfy { $0.hasPrefix("/public/v1/preview/C/A/HS?reporterCode=") })
            #expect(replay.dataCalls.contains { $0.contains("reporterCode=364&partnerCode=398&period=2020&") })
            #expect(replay.dataCalls.contains { $0.contains("reporterCode=398&partnerCode=364&period=2020,2021,2022,2023&") })
            let again = try await fetch.run(into: workspace)
            #expect(replay.dataCalls.count == 4, "a second run makes no data call")
            #expect(again.alreadyStored == 4 && again.imported.isEmpty)
        }
        let ledger = try await Self.ledger(workspace)
        #expect(ledger.count == 14)
        // Each figure keeps the edition its reporter declared it in, and the release is its vintage.
        #expect(ledger.contains { $0.hasPrefix("KAZ IRN export TOTAL 2022 430000000.0") && $0.hasSuffix("HS 2022") })
        #expect(ledger.contains { $0.hasPrefix("KAZ IRN export TOTAL 2021 420000000.0") && $0.hasSuffix("HS 2017") })
        let batches = try await workspace.batches()
        #expect(batches.allSatisfy { $0.recordedAt == ISO8601DateFormatter().date(from: "2024-07-01T00:00:00Z") })
    }

    @Test func retriesEveryPassingFaultAndStoresEachAnswerOnce() async throws {
        let clean = try workspace("clean.sqlite")
        try await serving(ComtradeReplay(records: Self.pairRecords())) { port in
            _ = try await ComtradeFetch(Self.pair, access: Self.access(port)).run(into: clean)
        }
        let replay = ComtradeReplay(records: Self.pairRecords())
        replay.inject([.tooMany(retryAfter: "1"), .serverError, .cutJSON, .brokenTransfer, .slow(.seconds(6))])
        let faulted = try workspace("faulted.sqlite")
        try await serving(replay) { port in
            // Tries to spare: on a loaded machine a sound answer may also outlast the 2 s.
            let outcome = try await ComtradeFetch(Self.pair, access: Self.access(port, timeout: .seconds(2), attempts: 10)).run(into: faulted)
            #expect(outcome.imported.count == 4)
        }
        // Five faults, then the four answers: each fault met with another try.
        #expect(replay.dataCalls.count >= 9)
        let arrivals = replay.arrivals
        #expect(arrivals[1] - arrivals[0] >= .milliseconds(950), "the retry waited as Retry-After asked")
        #expect(try await Self.ledger(faulted) == Self.ledger(clean))
        #expect(try await faulted.batches().count == 4)
    }

    @Test func anInterruptedFetchResumedStoresWhatAnUninterruptedOneDoes() async throws {
        let clean = try workspace("clean.sqlite")
        try await serving(ComtradeReplay(records: Self.pairRecords())) { port in
            _ = try await ComtradeFetch(Self.pair, access: Self.access(port)).run(into: clean)
        }
        let replay = ComtradeReplay(records: Self.pairRecords())
        let interrupted = try workspace("interrupted.sqlite")
        try await serving(replay) { port in
            let fetch = try ComtradeFetch(Self.pair, access: Self.access(port))
            replay.inject([.serverError, .serverError, .serverError, .serverError])
            let error = await #expect(throws: FetchError.self) { try await fetch.run(into: interrupted) }
            #expect(error?.reason == "HTTP 500: An unexpected error occurred. (after 4 tries)")
            #expect(error?.call == "figures of reporter 398 with 364 for 2019 (M,X)")
            replay.inject([.serverError])
            _ = try await fetch.run(into: interrupted)
        }
        #expect(try await Self.ledger(interrupted) == Self.ledger(clean))
        let stored = try await interrupted.batches().map(\.file)
        #expect(Set(stored).count == stored.count && stored.count == 4)
    }

    @Test func aRefusedKeyStopsAtOnceWithTheAPIsWordsAndNeverTheKey() async throws {
        let replay = ComtradeReplay(records: Self.pairRecords())
        let workspace = try workspace()
        try await serving(replay) { port in
            let fetch = try ComtradeFetch(Self.pair, access: Self.access(port, key: "wrong-key-7f3a"))
            let error = await #expect(throws: FetchError.self) { try await fetch.run(into: workspace) }
            #expect(error?.reason.contains("refused the key (HTTP 401: Access denied due to invalid subscription key") == true)
            #expect(error?.description.contains("wrong-key-7f3a") == false)
            #expect(error?.call == "releases of reporter 398 for 2019")
            let keyed = try await ComtradeFetch(Self.pair, access: Self.access(port, key: ComtradeReplay.validKey)).run(into: workspace)
            #expect(keyed.imported.count == 4)
            #expect(replay.dataCalls.allSatisfy { $0.hasPrefix("/data/v1/get/C/A/HS?") && $0.contains("maxRecords=100000") })
        }
    }

    @Test func aFullAnswerIsAskedAgainInSmallerCalls() async throws {
        // 70 subheadings × 2 flows: 140 records a year, 560 for 2020–2023, above the preview's 500 for one call.
        let replay = ComtradeReplay(records: Self.pairRecords(subheadings: 70))
        let workspace = try workspace()
        var subheadings = Self.pair
        subheadings.level = .subheadings
        let request = subheadings
        try await serving(replay) { port in
            let outcome = try await ComtradeFetch(request, access: Self.access(port)).run(into: workspace)
            #expect(outcome.figures == 700)
        }
        // The 2019 answer fits; 2020–2023 came back full and was asked again year by year.
        #expect(replay.dataCalls.filter { $0.contains("reporterCode=398") }.count == 2 + 4)
        #expect(try await workspace.store.products(between: "KAZ", and: "IRN").count == 700)
    }

    @Test func checkFetchesOnlyWhatWasRevisedAndRecordsTheRelease() async throws {
        let replay = ComtradeReplay(records: Self.pairRecords())
        let workspace = try workspace()
        try await serving(replay) { port in
            _ = try await ComtradeFetch(Self.pair, access: Self.access(port)).run(into: workspace)
            replay.release(reporter: 398, period: "2022", on: "2025-02-03T00:00:00")
            var check = Self.pair
            check.periods = nil
            let outcome = try await ComtradeFetch(check, access: Self.access(port)).run(into: workspace)
            #expect(outcome.imported.count == 1 && outcome.alreadyStored == 3)
            #expect(replay.dataCalls.last?.contains("reporterCode=398&partnerCode=364&period=2020,2021,2022,2023&") == true)
        }
        let newest = try await workspace.batches().map(\.recordedAt).max()
        #expect(newest == ISO8601DateFormatter().date(from: "2025-02-03T00:00:00Z"))
    }

    @Test func aRecordedRealAnswerIsStoredAsTheAPIGaveIt() async throws {
        let url = Bundle.module.url(forResource: "comtrade-api-v1-annual-CHN-2010", withExtension: "json", subdirectory: "Answers")!
        let answer = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let replay = ComtradeReplay(records: answer["data"] as! [[String: Any]])
        let workspace = try workspace()
        try await serving(replay) { port in
            let request = ComtradeRequest(reporter: "CHN", partner: "ARG", periods: try Period(parsing: "2010"))
            _ = try await ComtradeFetch(request, access: Self.access(port)).run(into: workspace)
        }
        let rows = try await workspace.store.observations(between: "CHN", and: "ARG", commodity: CommodityCode.total)
        // Only Argentina's rows are asked for: China's imports and exports, as the recorded answer gives them.
        #expect(rows.map { "\($0.observation.flow) \($0.observation.valueUSD)" }.sorted() == ["export 6115764185.0", "import 6804128143.0"])
        #expect(rows.allSatisfy { $0.source.edition == "HS 2007" && $0.source.provider == "UN Comtrade" })
    }
}

/// The plan alone: periods in either calendar, blocks, splits, codes.
@Suite struct ComtradePlanTests {
    let access = ComtradeAccess()

    @Test func iranianYearsBecomeTheGregorianYearsOrMonthsTheyTouch() throws {
        var request = ComtradeRequest(reporter: "KAZ", partner: "IRN", periods: try Period(parsing: "SH1400..SH1401"))
        #expect(request.periodCodes == ["2021", "2022", "2023"])
        request.periods = try Period(parsing: "SH1400")
        request.frequency = .monthly
        #expect(request.periodCodes == (3...12).map { String(format: "2021%02d", $0) } + ["202201", "202202", "202203"])
    }

    @Test func callsKeepWithinTwelvePeriodsByDecadeOrYear() throws {
        let fetch = try ComtradeFetch(
            ComtradeRequest(reporter: "FRA", partner: "USA", periods: try Period(parsing: "2008..2024")), access: access)
        // Comtrade's own codes: France 251 and the USA 842, not M49's 250 and 840.
        #expect(fetch.plan.codes.reporter == 251 && fetch.plan.codes.partner == 842)
        let periods = fetch.plan.steps(releases: nil).map { $0.call.value("period")! }
        let blocks = ["2008,2009", "2010,2011,2012,2013,2014,2015,2016,2017,2018,2019", "2020,2021,2022,2023,2024"]
        #expect(periods == blocks + blocks, "each side's calls, by decade")
        let call = fetch.plan.steps(releases: nil)[0].call
        #expect(fetch.plan.split(call)?.map { $0.value("period")! } == ["2008", "2009"])
        let single = fetch.plan.split(call)![0]
        #expect(fetch.plan.split(single)?.map { $0.value("flowCode")! } == ["M", "X"])
        #expect(fetch.plan.split(fetch.plan.split(single)![0]) == nil)
        #expect(throws: FetchError.self) { try ComtradeFetch(ComtradeRequest(reporter: "XXK", partner: "IRN", periods: nil), access: access) }
    }
}
