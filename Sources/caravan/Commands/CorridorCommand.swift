import ArgumentParser
import CaravanPresentation
import CaravanService

struct CorridorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor", abstract: "Freight on the corridor: reported flows against capacity.", subcommands: [FlowsCommand.self])
}

struct FlowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows",
        abstract: "The freight flows in the store, each against the capacity of its link, node or corridor.",
        discussion: "Utilization is the tonnes reported over the capacity for the period's length (a year's capacity times its share of a year).")

    @Option(help: "One link, node or corridor id (default: all).")
    var element: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let network = try await workspace.network()
        let element = try await workspace.read { [element] in try $0.element(element, in: network) }
        print(try output.format.render(try await workspace.freightFlows(element: element)), terminator: "")
    }
}
