import ArgumentParser
import CaravanNetwork
import CaravanService

struct CapacityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "The most the network can carry between two places in a year, and its bottleneck.",
        discussion: """
            The maximum flow (million tonnes a year) over link and node capacities, the two ends' included; \
            a missing capacity is unlimited. The bottleneck is a minimum cut: the links and nodes whose \
            capacities together set the maximum. See docs/network.md.
            """)

    @Option(help: "Where from: a node id or name.")
    var from: String

    @Option(help: "Where to: a node id or name.")
    var to: String

    @Option(help: "A network JSON file (default: the network in the store).")
    var network: String?

    @OptionGroup var avoid: AvoidOptions

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Flag(help: "Print on stderr how long loading the network and the maximum flow took.")
    var timings = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let clock = Timings(enabled: timings)
        let graph = try await store.workspace().graph(file: network)
        clock.lap("load")
        let problem = try FlowProblem(graph, from: from, to: to, constraints: avoid.constraints)
        clock.lap("flow network")
        let analysis = problem.solve()
        clock.lap("max-flow")
        if format == .json {
            print(try JSONOutput.string(analysis), terminator: "")
            return
        }
        print(analysis.headline + "\n")
        print(analysis.table.rendered(.text), terminator: "")
    }
}
