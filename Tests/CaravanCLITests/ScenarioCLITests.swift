import Foundation
import Testing

/// `caravan scenario` as printed: a capacity where a target has one, unknown where the network states no limit.
@Suite struct ScenarioCLITests {
    let cli = CLI()

    /// A line a→b→c whose links state no capacity, and a dossier with a trade target and a freight target on it.
    static let network = """
        {"name":"line","nodes":[{"id":"a"},{"id":"b"},{"id":"c"}],"links":[{"id":"ab","from":"a","to":"b","mode":"rail","hours":5},\
        {"id":"bc","from":"b","to":"c","mode":"rail","hours":5}],"corridors":[{"id":"line","name":"The line","elements":["ab","b","bc"]}]}
        """
    static let dossier = """
        partnership: {id: line, title: The line, economies: [IRN, KAZ], corridor: line}
        sources:
          - {id: s, title: Plan, publisher: Ministry}
        targets:
          - {id: trade-1bn, title: One billion, metric: {kind: trade, reporter: IRN, partner: KAZ}, value: 1000000000, deadline: 2030, source: s}
          - {id: freight-5mt, title: Five Mt, metric: {kind: freight, element: line}, value: 5000000, deadline: 2030, source: s}

        """

    @Test("a trade target's capacity is n/a; a freight target on a line with no stated capacity is unknown")
    func notApplicableBesideUnlimited() throws {
        let imported = try cli.run(
            "import", cli.directory.write("line.json", Self.network), cli.directory.write("line.yaml", Self.dossier), "--db", "line.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        let answer = try cli.run("scenario", "--partnership", "line", "--add", "ab:hours=1", "--db", "line.sqlite")
        #expect(answer.status == 0, "\(answer.stderr)")
        let rows = answer.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["trade-1bn", "no_data", "no_data", "n/a", "n/a"]), "\(answer.stdout)")
        #expect(rows.contains(["freight-5mt", "no_data", "no_data", "unknown", "unknown"]), "\(answer.stdout)")
        #expect(rows.filter { $0.first == "2030" } == [["2030", "unknown", "unknown"]])
    }

    @Test("an amount out of range is told as such, apart from a change of the wrong form")
    func theAmountsProblemIsNamed() throws {
        let imported = try cli.run(
            "import", cli.directory.write("line.json", Self.network), cli.directory.write("line.yaml", Self.dossier), "--db", "line.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        for (change, said) in [
            ("ab:capacity_mt=1e308", "capacity_mt must be at most 10,000, not 1.00e+308"), ("ab:hours=-3", "hours must be at least 0, not -3"),
            ("ab:hours=lots", "'lots' for hours is not a number"), ("ab=5", "expected ELEMENT:FIGURE=AMOUNT"),
        ] {
            let answer = try cli.run("scenario", "--partnership", "line", "--add", change, "--db", "line.sqlite")
            #expect(answer.status != 0 && answer.stderr.contains(said), "\(change): \(answer.stderr)")
        }
    }
}
