import CaravanCore
import CaravanDossier
import CaravanNetwork
import CaravanService
import Foundation

/// What `caravan demo` prints: each answer cut to a few lines of at most `width` columns, each with
/// the command that gives it whole.
public enum DemoText {
    /// The widest line the demo prints: a terminal's, with room to spare.
    public static let width = 100

    /// One line a file, and the statuses the imports judged counted by partnership.
    public static func imports(_ results: [ImportResult]) -> String {
        var lines = results.map(\.line)
        let changes = Dictionary(grouping: results.flatMap(\.changes), by: \.partnership)
        if !changes.isEmpty {
            let counts = changes.keys.sorted().map { "\($0) \(changes[$0]!.count)" }
            lines.append("Statuses judged: \(counts.joined(separator: ", ")) (each from what to what: caravan changes)")
        }
        return fit(lines.joined(separator: "\n"))
    }

    /// The pair's last `years` periods: value, change, whose figure and what it covers.
    public static func series(_ series: TradeSeries, years: Int = 6) -> String {
        let points = series.points.suffix(years)
        let table = TextTable(
            columns: [.init("period"), .init("value_usd", numeric: true), .init("change_pct", numeric: true), .init("figure of")],
            rows: points.map { point in
                let value = point.value
                let source = value.sources.first.map { $0.compiler ?? $0.provider } ?? ""
                let partial = value.partial ? " (partial: \(value.covered.map(\.description) ?? "part") only)" : ""
                return [
                    value.period.description, NumberText.grouped(value.valueUSD), point.changePct.map(NumberText.percent) ?? "", source + partial,
                ]
            })
        return fit(table.rendered(.text))
    }

    /// The walk from one side's figure to the other's: the steps measured, the residual, and the
    /// steps it could not measure.
    public static func gap(_ gap: TradeGap) -> String {
        guard let a = gap.a, let b = gap.b else { return "" }
        let measured = (gap.steps + gap.directions.flatMap(\.steps)).compactMap { step in
            step.amountUSD.map { "\(step.kind.rawValue) \(NumberText.signed($0))" }
        }
        var lines = ["  \(a.economy) \(NumberText.grouped(a.valueUSD)) (\(a.period)) to \(b.economy) \(NumberText.grouped(b.valueUSD)) (\(b.period))"]
        lines.append(
            "  measured: " + (measured.isEmpty ? "nothing" : measured.joined(separator: ", "))
                + (gap.residualUSD.map { "; unexplained \(NumberText.signed($0))" } ?? ""))
        let named = Set((gap.notQuantified + gap.directions.flatMap(\.notQuantified)).map(\.kind.rawValue)).sorted()
        if !named.isEmpty { lines.append("  not measured: \(named.joined(separator: ", ")) (the command says why)") }
        return fit(lines.joined(separator: "\n"))
    }

    /// Each route's time, cost and length, and the places that tell it apart: its ends, borders,
    /// breaks of gauge and ports.
    public static func routes(_ answer: RouteAnswer, on network: Network) -> String {
        let telling: Set<String> = ["border", "break_of_gauge", "port"]
        let kinds = Dictionary(network.nodes.map { ($0.id, $0.kind ?? "") }, uniquingKeysWith: { first, _ in first })
        let table = TextTable(
            columns: [.init("route"), .init("hours", numeric: true), .init("usd_per_t", numeric: true), .init("km", numeric: true), .init("via")],
            rows: answer.routes.enumerated().map { index, route in
                let via = route.nodes.enumerated().filter { position, node in
                    position == 0 || position == route.nodes.count - 1 || telling.contains(kinds[node] ?? "")
                }.map(\.element)
                return [
                    "\(index + 1)", NumberText.fixed(route.hours, decimals: 1), NumberText.fixed(route.usdPerT, decimals: 2),
                    NumberText.grouped(route.km), via.joined(separator: " → "),
                ]
            })
        return fit(table.rendered(.text))
    }

    /// The most the network carries between two places, by every mode it has and by rail alone,
    /// each with its bottleneck: the two figures count different things and say so.
    public static func capacity(allModes: CapacityAnalysis, modes: [TransportMode], railAlone: CapacityAnalysis?) -> String {
        func lines(_ label: String, _ analysis: CapacityAnalysis) -> [String] {
            guard let mt = analysis.maxMt else { return ["  \(label): unknown (a path joining them has no stated capacity)"] }
            let amount = "  \(label): at most \(NumberText.fixed(mt, decimals: 1)) Mt a year"
            let bottleneck = "bottleneck: " + (analysis.bottleneck.isEmpty ? "no path" : analysis.bottleneck.joined(separator: ", "))
            let one = "\(amount); \(bottleneck)"
            return one.count <= width ? [one] : [amount, "    \(bottleneck)"]
        }
        var all = lines("by all modes (\(modes.map(\.rawValue).joined(separator: ", ")))", allModes)
        if let railAlone { all += lines("by rail alone (--avoid-mode the others)", railAlone) }
        return fit(all.joined(separator: "\n"))
    }

    /// The three tests' statuses and the targets, projects and claims counted by status or verdict.
    public static func scorecard(_ scorecard: Scorecard) -> String {
        let tests = scorecard.tests
        let targets = tests.trade.targets + tests.corridor.targets
        func counted<T: Hashable>(_ values: [T], _ name: (T) -> String) -> String {
            let counts = Dictionary(grouping: values, by: { $0 }).map { (name($0.key), $0.value.count) }.sorted { $0.0 < $1.0 }
            return counts.isEmpty ? "none" : counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        }
        let status: (TestStatus) -> String = { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
        let lines = [
            "  trade \(status(tests.trade.status)), projects \(status(tests.projects.status)), corridor \(status(tests.corridor.status));"
                + " targets: \(counted(targets.map(\.status), status))",
            "  projects: \(counted(tests.projects.projects.map(\.status), status)); claims: \(counted(scorecard.claims.map(\.verdict), \.rawValue))",
        ]
        return fit(lines.joined(separator: "\n"))
    }

    /// Where to go from here: a few commands on the same database.
    public static func next(partnership: String?, report: String) -> String {
        let id = partnership ?? "ID"
        let lines = [
            "Try next:",
            "  caravan scorecard --partnership \(id)    # each test, target and claim, and why",
            "  caravan trade gap --a KAZ --b IRN --period 2022    # why the two sides' figures differ",
            "  caravan route --from astana --to bandar_abbas --alternatives 2    # by time; --by cost",
            "  caravan scenario --partnership \(id) --cancel aktau-kuryk-expansion",
            "  caravan serve    # the dashboard at http://127.0.0.1:8080/, in English, Persian, Russian",
        ]
        // The report's path is printed whole, however long: it is there to be opened.
        return fit(lines.joined(separator: "\n")) + "\nThe report, with its charts and every source: \(report)"
    }

    /// `text` with every line cut to `width` columns, an ellipsis marking the cut.
    public static func fit(_ text: String, width: Int = width) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.count <= width ? String(line) : String(line.prefix(width - 1)) + "…"
        }.joined(separator: "\n")
    }
}
