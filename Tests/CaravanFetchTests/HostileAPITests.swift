import CaravanCore
import CaravanImport
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

@testable import CaravanFetch

/// The client against an API that means harm: whatever it sends, the fetch neither traps nor hangs
/// past its timeout, the key stays with the API's origin, and nothing of a refused answer is stored.
@Suite struct HostileAPITests {
    let fixture = ComtradeFetchTests()

    static func access(
        _ port: Int, key: String? = nil, timeout: Duration = .seconds(5), attempts: Int = 2, longestWait: Duration = .seconds(3)
    )
        -> ComtradeAccess
    {
        ComtradeAccess(
            baseURL: "http://127.0.0.1:\(port)", key: key, callsPerSecond: 50, timeout: timeout, attempts: attempts, backoff: .milliseconds(20),
            longestWait: longestWait)
    }

    @Test(arguments: ["1e21", "1e308", "Fri, 31 Dec 9999 23:59:59 GMT", "-5", "soon"])
    func noRetryAfterOverflowsAndTheLongestWaitHolds(_ asked: String) async throws {
        let replay = ComtradeReplay(records: ComtradeFetchTests.pairRecords())
        replay.inject([.tooMany(retryAfter: asked)])
        let workspace = try fixture.workspace()
        try await fixture.serving(replay) { port in
            let outcome = try await ComtradeFetch(ComtradeFetchTests.pair, access: Self.access(port, longestWait: .milliseconds(300)))
                .run(into: workspace)
            #expect(outcome.imported.count == 4)
        }
        // The refused call and its retry, 300 ms apart as the longest wait allows (slack for a loaded machine).
        let arrivals = replay.arrivals
        #expect(arrivals[1] - arrivals[0] < .seconds(5))
    }

    @Test func anAnswerTricklingInEndsAtTheTimeoutWholeExchangeIncluded() async throws {
        let replay = ComtradeReplay(records: ComtradeFetchTests.pairRecords())
        replay.inject([.drip(every: .milliseconds(200)), .drip(every: .milliseconds(200))])
        let workspace = try fixture.workspace()
        try await fixture.serving(replay) { port in
            let started = ContinuousClock.now
            let error = await #expect(throws: FetchError.self) {
                try await ComtradeFetch(ComtradeFetchTests.pair, access: Self.access(port, timeout: .seconds(1))).run(into: workspace)
            }
            // The drip never ends: two tries of 1 s each end it. The bound is slack for a machine running the whole suite.
            #expect(started.duration(to: .now) < .seconds(60))
            // A machine running the whole suite may starve the drip past the 1 s a read may wait: silence ends it then.
            #expect(
                ["no whole answer within 1 s (after 2 tries)", "the API went silent for longer than the timeout (after 2 tries)"]
                    .contains(error?.reason ?? ""))
            // On a loaded machine the availability call may outlast its 1 s too; either way the trickle ends.
            #expect(["figures of reporter 398 with 364 for 2019 (M,X)", "releases of reporter 398 for 2019"].contains(error?.call ?? ""))
        }
        #expect(try await workspace.batches().isEmpty)
    }

    @Test func theKeyNeverLeavesTheAPIsOriginAndAnAnswerIsStoredUnderWhereItCameFrom() async throws {
        let elsewhere = ComtradeReplay(records: ComtradeFetchTests.pairRecords())
        let api = ComtradeReplay(records: ComtradeFetchTests.pairRecords())
        let workspace = try fixture.workspace()
        try await fixture.serving(elsewhere) { otherPort in
            try await fixture.serving(api) { port in
                let key = ComtradeReplay.validKey
                // Within the origin: followed, the key sent again, the answer named after where it came from.
                let call = "/data/v1/get/C/A/HS?reporterCode=398&partnerCode=364&period=2019&flowCode=M,X&cmdCode=TOTAL"
                api.inject([.redirect(to: call + "&moved=1", status: .temporaryRedirect)])
                var first = ComtradeFetchTests.pair
                first.periods = try Period(parsing: "2019")
                _ = try await ComtradeFetch(first, access: Self.access(port, key: key)).run(into: workspace)
                #expect(try await workspace.batches().map(\.file).contains("comtrade:\(call)&moved=1"))
                // To another port of the same host, and to another host: refused, and nothing sent there.
                for location in ["http://127.0.0.1:\(otherPort)\(call)", "http://localhost:\(otherPort)\(call)", "//127.0.0.1:\(otherPort)/x"] {
                    api.inject([.redirect(to: location, status: .found)])
                    let error = await #expect(throws: FetchError.self) {
                        try await ComtradeFetch(ComtradeFetchTests.pair, access: Self.access(port, key: key)).run(into: workspace)
                    }
                    #expect(error?.reason.contains("to another origin") == true && error?.reason.contains("refused") == true)
                }
                #expect(api.keysSeen.allSatisfy { $0 == key } && !api.keysSeen.isEmpty)
            }
        }
        #expect(elsewhere.keysSeen.isEmpty && elsewhere.dataCalls.isEmpty)
        // Both sides' 2019, stored before the redirects elsewhere; nothing after.
        #expect(try await workspace.batches().count == 2)
    }

    @Test func aRedirectFromHTTPSToHTTPIsRefusedUnfollowed() throws {
        let origin = ComtradeOrigin("https://comtradeapi.un.org")
        #expect(throws: ComtradeClient.Failure.self) {
            try origin.redirect(from: "https://comtradeapi.un.org/data/v1/get", to: "http://comtradeapi.un.org/data/v1/get", status: 301)
        }
        let within = try origin.redirect(from: "https://comtradeapi.un.org/data/v1/get?a=1", to: "/data/v2/get?a=1&b=2", status: 302)
        #expect(within.target == "/data/v2/get?a=1&b=2" && within.url == "https://comtradeapi.un.org/data/v2/get?a=1&b=2")
        let mirror = ComtradeOrigin("http://mirror.example:8080/comtrade")
        #expect(try mirror.redirect(from: "http://mirror.example:8080/comtrade/x", to: "/comtrade/y?z=1", status: 307).target == "/y?z=1")
        #expect(throws: ComtradeClient.Failure.self) { try mirror.redirect(from: "http://mirror.example:8080/comtrade/x", to: "/y", status: 307) }
    }

    @Test func anAnswerPastItsLimitIsRefusedAsItArrives() async throws {
        let replay = ComtradeReplay(records: ComtradeFetchTests.pairRecords())
        replay.injectAvailability([.huge(bytes: 24 << 20)])
        let workspace = try fixture.workspace()
        try await fixture.serving(replay) { port in
            let error = await #expect(throws: FetchError.self) {
                // One try, and time enough to receive the whole 24 MiB on a loaded machine.
                try await ComtradeFetch(ComtradeFetchTests.pair, access: Self.access(port, timeout: .seconds(60), attempts: 1)).run(into: workspace)
            }
            #expect(error?.reason.hasPrefix("the answer runs past 16 MiB") == true)
        }
        #expect(replay.dataCalls.isEmpty)
    }

    @Test(arguments: [
        (#"{"data": [{"reporterCode": 398, "period": "2020&reporterCode=1"}]}"#, "lists the period '2020&reporterCode=1'"),
        (#"{"data": [{"reporterCode": 398, "period": "2021#frag"}]}"#, "lists the period '2021#frag'"),
        (#"{"data": [{"reporterCode": 398, "period": "../../x"}]}"#, "lists the period '../../x'"),
        (#"{"data": [{"reporterCode": 398, "period": "2020", "period": "2021"}]}"#, "the key 'period' appears twice in one object"),
        (String(repeating: "[", count: 70) + String(repeating: "]", count: 70), "the answer is not a JSON object"),
        (#"{"data": "# + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}", "nested deeper than 64 levels"),
    ])
    func anAvailabilityAnswerIsCheckedBeforeAnyOfItGoesIntoACall(_ answer: String, _ reason: String) async throws {
        let replay = ComtradeReplay(records: ComtradeFetchTests.pairRecords())
        replay.injectAvailability([.body(answer)])
        let workspace = try fixture.workspace()
        try await fixture.serving(replay) { port in
            var check = ComtradeFetchTests.pair
            check.periods = nil
            let error = await #expect(throws: FetchError.self) { try await ComtradeFetch(check, access: Self.access(port)).run(into: workspace) }
            #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "")")
            #expect(error?.call == "releases of reporter 398")
        }
        #expect(replay.dataCalls.isEmpty)
    }

    @Test func aRecordWithARepeatedKeyIsRefusedOnceNotRetriedAndNothingIsStored() async throws {
        let replay = ComtradeReplay(records: ComtradeFetchTests.pairRecords())
        let record = #"{"typeCode": "C", "freqCode": "A", "primaryValue": 100.0, "primaryValue": 999999999.0}"#
        replay.inject([.body(#"{"count": 1, "data": [\#n\#(record)]}"#)])
        let workspace = try fixture.workspace()
        try await fixture.serving(replay) { port in
            let error = await #expect(throws: FetchError.self) {
                try await ComtradeFetch(ComtradeFetchTests.pair, access: Self.access(port, attempts: 5)).run(into: workspace)
            }
            #expect(error?.reason == "the answer:2: the key 'primaryValue' appears twice in one object")
        }
        #expect(replay.dataCalls.count == 1, "a complete answer that is wrong is not asked for again")
        #expect(try await workspace.batches().isEmpty)
    }

    @Test func everyLineOfAnErrorKeepsWithinAHundredColumns() {
        let error = FetchError(
            call: "figures of reporter 398 with 364 for 2019 (M,X)",
            reason: String(repeating: "word ", count: 60) + String(repeating: "x", count: 250))
        let lines = error.description.split(separator: "\n")
        #expect(lines.count > 3 && lines.allSatisfy { $0.count <= FetchError.columns })
        #expect(lines.joined(separator: " ").replacingOccurrences(of: "  ", with: " ").contains(String(repeating: "word ", count: 3)))
    }

    @Test func answerFoldersOfFetchesKilledOutrightAreRemovedByTheNext() throws {
        let parent = URL(fileURLWithPath: fixture.directory.path("tmp"))
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        // No process has the largest pid; the test's own process is alive.
        let gone = parent.appendingPathComponent("caravan-fetch-2147483647-abc")
        let alive = parent.appendingPathComponent("caravan-fetch-\(getpid())-abc")
        for folder in [gone, alive] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let folder = try AnswerFolder(in: parent)
        #expect(!FileManager.default.fileExists(atPath: gone.path))
        #expect(FileManager.default.fileExists(atPath: alive.path) && FileManager.default.fileExists(atPath: folder.url.path))
        folder.remove()
        #expect(!FileManager.default.fileExists(atPath: folder.url.path))
    }
}
