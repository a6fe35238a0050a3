import ArgumentParser
import CaravanNetwork
import CaravanService

/// Countries, nodes and modes a route or a capacity must do without.
struct AvoidOptions: ParsableArguments {
    @Option(name: .customLong("avoid-country"), help: "An ISO 3166 alpha-3 country no node used may lie in (repeatable).")
    var countries: [String] = []

    @Option(name: .customLong("avoid-node"), help: "A node id that may not be used (repeatable).")
    var nodes: [String] = []

    @Option(name: .customLong("avoid-mode"), help: "rail, road, sea or ferry: a mode that may not be used (repeatable).")
    var modes: [String] = []

    /// The avoid lists as asked, for the request parser.
    var asked: RouteConstraints.Asked { RouteConstraints.Asked(countries: countries, nodes: nodes, modes: modes) }
}
