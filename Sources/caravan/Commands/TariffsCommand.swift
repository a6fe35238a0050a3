import ArgumentParser
import CaravanCore
import CaravanService

struct TariffsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariffs", abstract: "Tariff schedules joined to the trade they cover.", subcommands: [CoverageCommand.self])
}

struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "The share of tariff lines a reporter liberalized for a partner, and the share of the partner's trade in them.",
        discussion: """
            A line is liberalized when its preferential rate is 0 or below MFN; a rate given at a heading or chapter \
            applies to the subheadings under it that have none of their own. Lines are the HS subheadings; trade is \
            the reporter's imports from the partner by subheading over the period (by default the last full year the \
            store has). The schedule is read as it stands on the --as-of day, or today. The two shares are what \
            "tariffs removed on 90% of goods" can mean. See docs/products.md.
            """)

    @Option(help: "The economy levying the duties, ISO 3166 alpha-3 (KAZ).")
    var reporter: String

    @Option(help: "The partner whose goods pay them (IRN).")
    var partner: String

    @Option(help: "The schedule's partner or regime column (default: the partner's own, or the reporter's only one).")
    var regime: String?

    @Option(help: "The trade period (default: the last full year with subheading figures).")
    var period: String?

    @Option(name: .customLong("as-of"), help: "Read the schedule on this day, and only figures and schedules recorded by it (YYYY-MM-DD).")
    var asOf: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let asked = CoverageRequest.Asked(reporter: reporter, partner: partner, regime: regime, period: period, asOf: asOf)
        let request = try await workspace.read { try $0.coverage(asked) }
        do {
            let coverage = try await workspace.tariffCoverage(
                reporter: request.reporter, partner: request.partner, regime: request.regime, period: request.period, asOf: request.asOf)
            print(try output.format.render(sections: coverage), terminator: "")
        } catch ProductError.noSchedule(let reporter, let partner, let regimes) where regimes.isEmpty && request.regime == nil {
            // With no schedule at all, the agreement's published coverage answers, said to be quoted, not computed.
            let published = workspace.publishedCoverage(reporter: reporter, partner: partner)
            guard !published.figures.isEmpty else { throw ProductError.noSchedule(reporter: reporter, partner: partner, regimes: regimes) }
            print(try output.format.render(sections: published), terminator: "")
        }
    }
}
