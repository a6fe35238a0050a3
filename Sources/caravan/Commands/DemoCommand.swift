import ArgumentParser
import CaravanCore
import CaravanDossier
import CaravanNetwork
import CaravanPresentation
import CaravanService
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the bundled data — every partnership's figures, network, flows and dossier — and show what Caravan answers.",
        discussion: "Safe to run again: content already loaded adds nothing. Each answer is cut short; the command beside it gives it whole.")

    @Option(help: "Where to write the HTML report of the first partnership.")
    var report: String = "caravan-report.html"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.writableWorkspace()
        print("Caravan demo: the bundled data, loaded into \(store.location)\n")
        print(DemoText.imports(try await workspace.importBundledData()))
        let partnerships = try await workspace.partnerships()
        var corridorsShown: Set<String> = []
        for scorecard in partnerships {
            try await show(scorecard, in: workspace, corridorsShown: &corridorsShown)
        }
        let html = HTMLReport(try await workspace.reportData(partnerships.first?.partnership.id)).html
        try OutputFile.write(html.rendered, to: report)
        let written = URL(fileURLWithPath: report).standardizedFileURL.path
        print("\n" + DemoText.next(partnership: partnerships.first?.partnership.id, report: written))
    }

    /// One partnership: its pair's series, why the two sides' figures differ, its routes and their
    /// capacity, its scorecard in three lines.
    private func show(_ scorecard: Scorecard, in workspace: Workspace, corridorsShown: inout Set<String>) async throws {
        let partnership = scorecard.partnership
        print(DemoText.fit("\n══ \(partnership.title) ══"))
        let economies = partnership.economies
        if economies.count == 2 {
            let (a, b) = (economies[0], economies[1])
            let series = try await workspace.series(TradeQuery(reporter: a, partner: b), by: .year)
            let shown = min(series.points.count, 5)
            let last = shown < series.points.count ? ", the last \(shown) of \(series.points.count) years" : ""
            print(DemoText.fit("\(a)–\(b) turnover, USD\(last) (caravan trade series --reporter \(a) --partner \(b)):"))
            print(DemoText.series(series, years: shown), terminator: "")
            for (x, y) in [(b, a), (a, b)] {
                guard let gap = try await workspace.latestGap(x, y) else { continue }
                print(DemoText.fit("Why the two sides differ (caravan trade gap --a \(x) --b \(y) --period \(gap.question.period)):"))
                print(DemoText.gap(gap))
                break
            }
        }
        let network = try await workspace.network()
        guard let ends = Self.ends(of: partnership, on: network, besides: corridorsShown) else { return }
        if let corridor = partnership.corridor { corridorsShown.insert(corridor) }
        print(DemoText.fit("Fastest routes \(ends.from) → \(ends.to) (caravan route --from \(ends.from) --to \(ends.to) --alternatives 2):"))
        print(DemoText.routes(try await workspace.routes(RouteRequest(from: ends.from, to: ends.to, count: 3)), on: network), terminator: "")
        let allModes = try await workspace.capacity(from: ends.from, to: ends.to)
        let others = Set(network.modes.filter { $0 != .rail })
        let railAlone =
            others.isEmpty ? nil : try await workspace.capacity(from: ends.from, to: ends.to, constraints: RouteConstraints(avoidModes: others))
        print(DemoText.fit("Capacity \(ends.from) → \(ends.to) (caravan capacity --from \(ends.from) --to \(ends.to)):"))
        print(DemoText.capacity(allModes: allModes, modes: network.modes, railAlone: railAlone))
        print(DemoText.fit("Scorecard as of \(scorecard.asOf) (caravan scorecard --partnership \(partnership.id)):"))
        print(DemoText.scorecard(scorecard))
    }

    /// The places a partnership's routes are asked between: its corridor's ends the first time the
    /// corridor comes up, else the two economies' best-connected places, so each shows its own.
    private static func ends(of partnership: Partnership, on network: Network, besides shown: Set<String>) -> (from: String, to: String)? {
        if let corridor = partnership.corridor, !shown.contains(corridor), let ends = network.ends(of: corridor) { return ends }
        guard partnership.economies.count == 2 else { return nil }
        let hubs = partnership.economies.map { network.hub(in: $0) }
        guard let first = hubs[1], let second = hubs[0], first != second else { return nil }
        return (first, second)
    }
}
