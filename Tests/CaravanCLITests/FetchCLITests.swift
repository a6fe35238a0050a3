import CaravanTestSupport
import Foundation
import Testing

@Suite("caravan fetch comtrade")
struct FetchCLITests {
    let cli = CLI()

    @Test("--dry-run prints the calls an Iranian-year request comes to, and makes none")
    func dryRun() throws {
        let result = try cli.run(
            "fetch", "comtrade", "--reporter", "KAZ", "--partner", "IRN", "--period", "SH1400..SH1401", "--api-url", "http://127.0.0.1:9", "--dry-run"
        )
        #expect(result.status == 0)
        #expect(result.stdout.contains("GET http://127.0.0.1:9/public/v1/getDA/C/A/HS?reporterCode=398&period=2021,2022,2023"))
        #expect(
            result.stdout.contains(
                "GET http://127.0.0.1:9/public/v1/preview/C/A/HS?reporterCode=364&partnerCode=398&period=2021,2022,2023&flowCode=M,X&cmdCode=TOTAL"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.path("env.sqlite")))
    }

    @Test("a request the API cannot answer is refused before any call, naming the option")
    func refused() throws {
        let unknown = try cli.run("fetch", "comtrade", "--reporter", "XXK", "--partner", "IRN", "--period", "2024")
        #expect(unknown.status == 64 && unknown.stderr.contains("--reporter: UN Comtrade has no economy with the ISO code 'XXK'"))
        let noPeriod = try cli.run("fetch", "comtrade", "--reporter", "KAZ", "--partner", "IRN")
        #expect(noPeriod.status == 64 && noPeriod.stderr.contains("give --period"))
        let badPeriod = try cli.run("fetch", "comtrade", "--reporter", "KAZ", "--partner", "IRN", "--period", "SH1404-13")
        #expect(badPeriod.status == 64 && badPeriod.stderr.contains("--period: there is no month 13"))
    }

    @Test("an API that cannot be reached ends the fetch with exit 1, naming the call, storing nothing")
    func unreachable() throws {
        let result = try cli.run(
            "fetch", "comtrade", "--reporter", "KAZ", "--partner", "IRN", "--period", "2024", "--api-url", "http://127.0.0.1:9", "--tries", "1",
            "--timeout", "2")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: releases of reporter 398 for 2024: the API's host refused the connection (after 1 try)"))
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(result.stderr)")
        #expect(result.stderr.contains("run the same command again to resume"))
    }

    @Test("a host name that does not resolve ends the fetch at once with exit 1, naming the host, with no retry")
    func unresolvable() throws {
        let started = ContinuousClock.now
        // RFC 6761: a name under .invalid never resolves.
        let result = try cli.run(
            "fetch", "comtrade", "--reporter", "KAZ", "--partner", "IRN", "--period", "2024", "--api-url", "http://comtrade.invalid")
        let took = ContinuousClock.now - started
        #expect(result.status == 1)
        #expect(result.stderr.contains("the host name comtrade.invalid does not resolve"), "\(result.stderr)")
        #expect(!result.stderr.contains("trying again"), "\(result.stderr)")
        // The default tries and waits between them come to 80 s; one look-up takes a fraction of that.
        #expect(took < .seconds(30), "took \(took)")
    }
}
