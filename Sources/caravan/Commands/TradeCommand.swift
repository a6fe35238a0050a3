import ArgumentParser
import CaravanCore
import CaravanPresentation
import CaravanService

struct TradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trade",
        abstract: "Query the trade workspace: a pair's series, two periods compared, the two sides' reports, what is traded.",
        subcommands: [
            SeriesCommand.self, CompareCommand.self, MirrorCommand.self, GapCommand.self, ProductsCommand.self, BacktestCommand.self,
        ])
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

    @OptionGroup var series: SeriesOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let request = try await series.request(in: workspace)
        print(try output.format.render(try await workspace.series(request.query, by: request.grain)), terminator: "")
    }
}

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "One pair's flow in two periods, and the change between them.")

    @OptionGroup var pair: PairOptions
    @OptionGroup var commodity: CommodityOption

    @Option(help: "The period to look at (2025-01..2025-09, SH1404-01..SH1404-07, 2024).")
    var period: String

    @Option(help: "The period to compare with (default: the same period a year earlier, in its own calendar).")
    var versus: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let asked = ComparisonRequest.Asked(query: pair.query(commodity), period: period, versus: versus)
        let request = try await workspace.read { try await $0.comparison(asked) }
        let comparison = try await workspace.compare(request.query, period: request.period, versus: request.versus)
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
    var period: String?

    @Option(help: "TOTAL, an HS code or a named group.")
    var commodity: String?

    @Option(name: .customLong("as-of"), help: "Only figures recorded by this date (YYYY-MM-DD) or ISO 8601 time.")
    var asOf: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let asked = MirrorRequest.Asked(a: a, b: b, period: period, commodity: commodity, asOf: asOf)
        let request = try await workspace.read { try await $0.mirror(asked) }
        let mirror = try await workspace.mirror(request.a, request.b, commodity: request.commodity, period: request.period, asOf: request.asOf)
        print(try output.format.render(mirror), terminator: "")
    }
}

struct GapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "Why the two sides' figures differ: each side's own figure, the steps from one to the other, the residual.",
        discussion: """
            Each side's figure is its own report, official statistics first, of the asked coverage if it has one, for the \
            period nearest the asked one in either calendar. The steps — coverage, valuation (CIF/FOB), calendar or \
            partial period — each say how they were measured and on whose figures; one that cannot be measured is \
            named, not guessed. A's figure plus every step plus the residual is B's figure, to the dollar. \
            The rules: docs/ledger.md.
            """)

    @Option(name: .customLong("a"), help: "The economy whose figure the steps start from, ISO 3166 alpha-3.")
    var a: String

    @Option(name: .customLong("b"), help: "The economy whose figure they end at.")
    var b: String

    @Option(help: "The period asked about (2022, SH1401, 2025-01..2025-09).")
    var period: String

    @Option(help: "The flow from A's side: turnover (the default), export or import; B's figure is the mirror flow.")
    var flow: String?

    @Option(help: "The coverage asked for: TOTAL (the default), a named group (NONOIL) or an HS code.")
    var commodity: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let asked = GapRequest.Asked(a: a, b: b, period: period, flow: flow, commodity: commodity)
        let request = try await workspace.read { try await $0.gap(asked) }
        print(try output.format.render(try await workspace.gap(request)), terminator: "")
    }
}

struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "The nowcast of a year tried on every past year: its error and its interval against the outturn, beside the run-rate by days.",
        discussion: """
            For every year of the calendar whose whole the ledger gives exactly, and every month cut-off whose figure it \
            gives (months summed, or a year-to-date figure), the year is projected from the months so far with the seasonal \
            shares of the last three years before it known exactly, as published by the end of the cut-off month (a figure \
            with no publication date, as recorded), and by days. See docs/scorecard.md.
            """)

    @OptionGroup var series: SeriesOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let request = try await series.request(in: workspace)
        print(try output.format.render(sections: try await workspace.backtest(request.query, calendar: request.grain.calendar)), terminator: "")
    }
}

/// A pair's flow of a commodity, told by a grain: what `series` and `backtest` ask.
struct SeriesOptions: ParsableArguments {
    @OptionGroup var pair: PairOptions
    @OptionGroup var commodity: CommodityOption

    @Option(help: "year (the default), quarter, month or sh-year (Solar Hijri years); backtest takes year or sh-year.")
    var by: String?

    func request(in workspace: Workspace) async throws -> SeriesRequest {
        let asked = SeriesRequest.Asked(query: pair.query(commodity), by: by)
        return try await workspace.read { try await $0.series(asked) }
    }
}
