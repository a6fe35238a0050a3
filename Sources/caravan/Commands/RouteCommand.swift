import ArgumentParser
import CaravanNetwork
import CaravanPresentation
import CaravanService
import Foundation

struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The best routes between two places of the corridor network, by time, cost or both, with alternatives.",
        discussion: """
            A route's time is its links' hours (or length / speed), plus the dwell of every node it passes \
            through (not its two ends), plus a transfer penalty where the mode changes. Alternatives are \
            loopless and in order (Yen's algorithm). Exit code 3 when no route exists; the message names the \
            constraints that cut it off. See docs/network.md.
            """)

    @Option(help: "Where from: a node id or name (Astana).")
    var from: String

    @Option(help: "Where to: a node id or name (Bandar Abbas).")
    var to: String

    @Option(help: "A network JSON file (default: the network in the store).")
    var network: String?

    @Option(help: "time (hours; the default), cost (USD per tonne) or generalized (cost plus time at --value-of-time).")
    var by: String?

    @Option(name: .customLong("value-of-time"), help: "USD per tonne-hour, for --by generalized (default 1).")
    var valueOfTime: String?

    @OptionGroup var avoid: AvoidOptions

    @Option(help: "How many alternatives to give after the best route (0 to 20; default 0).")
    var alternatives: String?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Flag(help: "Print on stderr how long loading the network and routing took.")
    var timings = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let clock = Timings(enabled: timings)
        let workspace = try await store.workspace(reading: network)
        let graph = try await workspace.graph(file: network)
        let asked = RouteRequest.Asked(from: from, to: to, by: by, valueOfTime: valueOfTime, alternatives: alternatives, avoid: avoid.asked)
        let request = try await workspace.read { try $0.route(asked, in: graph.places) }
        clock.lap("load")
        let answer: RouteAnswer
        do {
            answer = RouteAnswer(network: graph.name, routes: try RoutePlanner(graph).routes(request))
        } catch {
            if case .noRoute = error {
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                throw ExitCode(3)
            }
            throw error
        }
        clock.lap("route")
        if format == .json {
            print(try JSONOutput.string(answer), terminator: "")
            return
        }
        print(answer.table.rendered(.text))
        print("Route 1 step by step (time–cost–distance):\n")
        print(answer.legsTable(route: 0).rendered(.text), terminator: "")
    }
}
