import ArgumentParser
import CaravanNetwork
import CaravanPresentation
import CaravanService

struct CapacityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "The most the network can carry between two places in a year, and its bottleneck.",
        discussion: """
            The maximum flow (million tonnes a year) over link and node capacities, the two ends' included; \
            a missing capacity sets no limit, and a path with none anywhere makes the answer unknown. The bottleneck is a minimum cut: the links and nodes whose \
            capacities together set the maximum. See docs/network.md.
            """)

    @Option(help: "Where from: a node id or name.")
    var from: String

    @Option(help: "Where to: a node id or name.")
    var to: String

    @Option(help: "A network JSON file (default: the network in the store).")
    var network: String?

    @OptionGroup var avoid: AvoidOptions

    @Option(help: "The network as it stands at the end of this year, with the effects of the dossier's projects completed by then.")
    var year: String?

    @Option(help: "Whose dossier's projects count for --year (default: the dossier last imported).")
    var partnership: String?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Flag(help: "Print on stderr how long loading the network and the maximum flow took.")
    var timings = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let clock = Timings(enabled: timings)
        let workspace = try await store.workspace(reading: network)
        let stored = try await workspace.graph(file: network)
        let asked = CapacityRequest.Asked(from: from, to: to, year: year, partnership: partnership, avoid: avoid.asked)
        let request = try await workspace.read { try $0.capacity(asked, in: stored.places) }
        var applied: [String] = []
        let graph: RoutingGraph
        if let year = request.year {
            (graph, applied) = try await workspace.graph(file: network, year: year, partnership: request.partnership)
        } else {
            graph = stored
        }
        clock.lap("load")
        let problem = try FlowProblem(graph, from: request.from, to: request.to, constraints: request.constraints)
        clock.lap("flow network")
        let analysis = problem.solve()
        clock.lap("max-flow")
        if format == .json {
            print(try JSONOutput.string(analysis), terminator: "")
            return
        }
        print(
            analysis.headline
                + (request.year.map { " (network of \($0)\(applied.isEmpty ? "" : ", with \(applied.joined(separator: ", "))"))" } ?? "") + "\n"
        )
        print(analysis.table.rendered(.text), terminator: "")
    }
}
