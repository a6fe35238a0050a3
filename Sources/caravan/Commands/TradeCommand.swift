import ArgumentParser
import CaravanCore
import CaravanService

struct TradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trade",
        abstract: "Query the trade workspace: a pair's series, two periods compared, the two sides' reports, what is traded.",
        subcommands: [SeriesCommand.self, CompareCommand.self, MirrorCommand.self, ProductsCommand.self])
}

struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "One pair's flow period by period, oldest first, with the change on a year earlier and every source.",
        discussion: """
            A period the figures cover only in part is marked partial, its value the sum over the days covered, \
            and its change is against the same days a year earlier. Figures of the other calendar are \
            apportioned by days and marked as estimates. See docs/ledger.md for which figure wins.
            """)

    @OptionGroup var pair: PairOptions
    @OptionGroup var commodity: CommodityOption

    @Option(help: "year, quarter, month or sh-year (Solar Hijri years).")
    var by: SeriesGrain = .year

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let series = try await workspace.series(try await pair.query(in: workspace, commodity: commodity.commodity), by: by)
        print(try output.format.render(series), terminator: "")
    }
}

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "One pair's flow in two periods, and the change between them.")

    @OptionGroup var pair: PairOptions
    @OptionGroup var commodity: CommodityOption

    @Option(help: "The period to look at (2025-01..2025-09, SH1404-01..SH1404-07, 2024).")
    var period: Period

    @Option(help: "The period to compare with (default: the same period a year earlier, in its own calendar).")
    var versus: Period?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let comparison = try await workspace.compare(
            try await pair.query(in: workspace, commodity: commodity.commodity), period: period, versus: versus)
        print(try output.format.render(comparison), terminator: "")
    }
}

struct MirrorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror",
        abstract: "Each side's report of the same flows, the gap, the CIF/FOB ratio and a best estimate.",
        discussion: "A's exports to B against B's imports from A, and the other way round. The rule: docs/ledger.md.")

    @Option(name: .customLong("a"), help: "One economy, ISO 3166 alpha-3.")
    var a: String

    @Option(name: .customLong("b"), help: "The other economy, ISO 3166 alpha-3.")
    var b: String

    @Option(help: "One period (default: every year either side reported).")
    var period: Period?

    @Option(help: "TOTAL, an HS code or a named group.")
    var commodity: String = CommodityCode.total

    @Option(name: .customLong("as-of"), help: "Only figures recorded by this date (YYYY-MM-DD) or ISO 8601 time.")
    var asOf: RecordedTime?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        for code in [a, b] {
            if let problem = workspace.problem(withCountry: code) { throw ValidationError(problem) }
        }
        if let problem = try await workspace.problem(withCommodity: commodity) { throw ValidationError("--commodity \(commodity): \(problem)") }
        let mirror = try await workspace.mirror(a, b, commodity: commodity, period: period, asOf: asOf?.endOfDay)
        print(try output.format.render(mirror), terminator: "")
    }
}
