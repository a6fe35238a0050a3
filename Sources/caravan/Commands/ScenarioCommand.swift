import ArgumentParser
import CaravanPresentation
import CaravanService

struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What a delay, a cancellation or added capacity would do to the three tests and the corridor's capacity.",
        discussion: """
            Puts the changes to the partnership's dossier for this answer only — nothing stored changes — and shows \
            the three tests, each target, and the corridor's capacity and bottleneck year by year to the last target's, \
            under the scenario beside the dossier as it stands. See docs/scorecard.md.
            """)

    @Option(help: "The partnership (default: the dossier last imported).")
    var partnership: String?

    @Option(help: "A project finished later: PROJECT=2y. Repeatable.")
    var delay: [String] = []

    @Option(help: "A project never built: PROJECT. Repeatable.")
    var cancel: [String] = []

    @Option(help: "A figure added to an element from this year: ELEMENT:capacity_mt=5 (or hours, usd_per_t, dwell_hours). Repeatable.")
    var add: [String] = []

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let asked = ScenarioRequest.Asked(partnership: partnership, delay: delay, cancel: cancel, add: add)
        let request = try await workspace.read { try await $0.scenario(asked) }
        let comparison = try await workspace.scenario(request)
        if format == .json {
            print(try JSONOutput.string(comparison), terminator: "")
            return
        }
        print(comparison.headline + "\n")
        for table in [comparison.testsTable, comparison.targetsTable, comparison.capacityTable] {
            print(table.rendered(.text))
        }
    }
}
