import ArgumentParser
import CaravanCore
import CaravanFetch
import CaravanService
import Foundation

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch official statistics from their publishers' APIs into the ledger.",
        subcommands: [FetchComtradeCommand.self])
}

struct FetchComtradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comtrade",
        abstract: "Fetch a pair's goods trade from UN Comtrade, both sides' reports, importing each answer as it arrives.",
        discussion: """
            Asks the API which of the pair's datasets are released, then calls for each block of periods not yet stored \
            at its latest release: at most 12 periods a call, at --rate calls a second, retrying 429 and 5xx answers \
            (honouring Retry-After), broken connections and cut-off answers. Each answer is one import, recorded with \
            its release date as its vintage; a fetch stopped part-way resumes where it stopped. Without $COMTRADE_KEY \
            the public preview endpoints are used (500 records an answer); with it, the data endpoints. \
            The key is sent in a header and never printed or stored. See docs/fetch.md.
            """)

    @Option(help: "The reporting economy, ISO 3166 alpha-3 (KAZ); its partner's reports are fetched too.")
    var reporter: String

    @Option(help: "The partner economy, ISO 3166 alpha-3 (IRN).")
    var partner: String

    @Option(help: "The periods: 2015..2024, 2023-01..2023-12, or Iranian years SH1400..SH1403 (turned into the months or years the API knows).")
    var period: String?

    @Option(name: .customLong("freq"), help: "A (annual) or M (monthly).")
    var frequency: String = "A"

    @Option(help: "TOTAL, or 2, 4 or 6 for every chapter, heading or subheading.")
    var level: String = "TOTAL"

    @Option(help: "Comtrade flow codes, comma-separated: M, X, RM, RX.")
    var flow: String = "M,X"

    @Flag(help: "Fetch only what was released or revised since the last fetch; without --period, over every period the API lists.")
    var check = false

    @Flag(name: .customLong("dry-run"), help: "Print the calls the fetch would make, and make none.")
    var dryRun = false

    @Option(name: .customLong("api-url"), help: "The API's address (default: $COMTRADE_API_URL, else https://comtradeapi.un.org).")
    var apiURL: String?

    @Option(help: "Calls started a second at most (UN Comtrade allows one).")
    var rate: Double = 1

    @Option(help: "Seconds one call may take.")
    var timeout: Int = 120

    @Option(help: "Tries per call before the fetch stops.")
    var tries: Int = 5

    @OptionGroup var store: StoreOptions
    @OptionGroup var watches: WatchOptions

    func validate() throws {
        if period == nil && !check { throw ValidationError("give --period (2015..2024, SH1400..SH1403), or --check to take every released period") }
        if let period { _ = try Self.periods(period) }
        if ComtradeRequest.Frequency(rawValue: frequency) == nil { throw ValidationError("--freq: '\(frequency)' is neither A nor M") }
        if ComtradeRequest.Level(rawValue: level) == nil { throw ValidationError("--level: '\(level)' is none of TOTAL, 2, 4, 6") }
        for code in flow.split(separator: ",") where !["M", "X", "RM", "RX"].contains(code) {
            throw ValidationError("--flow: '\(code)' is none of M, X, RM, RX")
        }
        if !(rate > 0 && rate <= 100) { throw ValidationError("--rate: give a number of calls a second above 0, at most 100") }
        if !(1...3600).contains(timeout) { throw ValidationError("--timeout: give 1 to 3600 seconds") }
        if !(1...20).contains(tries) { throw ValidationError("--tries: give 1 to 20") }
        if let apiURL, !(apiURL.hasPrefix("http://") || apiURL.hasPrefix("https://")) {
            throw ValidationError("--api-url: '\(apiURL)' is not an http:// or https:// address")
        }
    }

    private static func periods(_ text: String) throws -> Period {
        do { return try Period(parsing: text) } catch { throw ValidationError("--period: \(error.reason)") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let request = ComtradeRequest(
            reporter: reporter.uppercased(), partner: partner.uppercased(), periods: try period.map(Self.periods),
            frequency: ComtradeRequest.Frequency(rawValue: frequency)!, level: ComtradeRequest.Level(rawValue: level)!,
            flows: flow.split(separator: ",").map(String.init))
        let key = environment["COMTRADE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let access = ComtradeAccess(
            baseURL: apiURL ?? environment["COMTRADE_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? ComtradeAccess.defaultURL, key: key,
            callsPerSecond: rate, timeout: .seconds(timeout), attempts: tries)
        let fetch: ComtradeFetch
        do { fetch = try ComtradeFetch(request, access: access) } catch { throw ValidationError("\(error.call): \(error.reason)") }
        if dryRun {
            print(FetchText.dryRun(fetch))
            return
        }
        let workspace = try await store.writableWorkspace()
        do {
            let outcome = try await fetch.run(into: workspace, report: FetchText.progress(terminal: isatty(STDERR_FILENO) == 1))
            print(FetchText.outcome(outcome))
            await workspace.sendOwed(allowingPrivate: watches.allowsPrivate)
        } catch let error as FetchError {
            await workspace.sendOwed(allowingPrivate: watches.allowsPrivate)
            let said = FetchError.wrapped("error: \(error.call): \(error.reason)")
            FileHandle.standardError.write(Data("\(said)\n(what was stored before stays; run the same command again to resume)\n".utf8))
            throw ExitCode(1)
        }
    }
}
