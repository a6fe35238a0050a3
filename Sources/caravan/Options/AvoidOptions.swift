import ArgumentParser

/// Countries, nodes and modes a route or a capacity must do without.
struct AvoidOptions: ParsableArguments {
    @Option(name: .customLong("avoid-country"), help: "An ISO 3166 alpha-3 country no node used may lie in (repeatable).")
    var countries: [String] = []

    @Option(name: .customLong("avoid-node"), help: "A node id that may not be used (repeatable).")
    var nodes: [String] = []

    @Option(name: .customLong("avoid-mode"), help: "rail, road, sea or ferry: a mode that may not be used (repeatable).")
    var modes: [String] = []

    /// The options by name, for the request parser.
    var values: [String: [String]] { ["avoid-country": countries, "avoid-node": nodes, "avoid-mode": modes] }
}
