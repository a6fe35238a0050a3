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
        discussion: "Safe to run again: content already loaded adds nothing.")

    @Option(help: "Where to write the HTML report of the first partnership.")
    var report: String = "caravan-report.html"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.writableWorkspace()
        print("Caravan demo, database \(store.location)\n")
        for result in try await workspace.importBundledData() { print(result.text) }
        let partnerships = try await workspace.partnerships()
        print("\nPartnerships loaded: \(partnerships.map { "\($0.partnership.id) (\($0.partnership.title))" }.joined(separator: "; "))\n")
        for scorecard in partnerships {
            try await show(scorecard, in: workspace)
        }
        let html = HTMLReport(try await workspace.reportData(partnerships.first?.partnership.id)).html
        try OutputFile.write(html.rendered, to: report)
        print("The report, with its charts and every source: \(URL(fileURLWithPath: report).standardizedFileURL.path)")
    }

    /// One partnership: its pair's series, why the two sides' figures differ, its corridor, its scorecard.
    private func show(_ scorecard: Scorecard, in workspace: Workspace) async throws {
        let id = scorecard.partnership.id
        print("══ \(scorecard.partnership.title) ══\n")
        let economies = scorecard.partnership.economies
        if economies.count == 2 {
            let (a, b) = (economies[0], economies[1])
            print("\(a)–\(b) turnover, USD (caravan trade series --reporter \(a) --partner \(b)):\n")
            print(try await workspace.series(TradeQuery(reporter: a, partner: b), by: .year).table.rendered(.text))
            for (x, y) in [(b, a), (a, b)] {
                guard let gap = try await workspace.latestGap(x, y) else { continue }
                print("Why \(x)'s and \(y)'s figures differ (caravan trade gap --a \(x) --b \(y) --period \(gap.question.period)):\n")
                print(gap.table.rendered(.text))
                break
            }
        }
        if let corridor = scorecard.partnership.corridor, let ends = try await workspace.network().ends(of: corridor) {
            print("Fastest routes along \(corridor) (caravan route --from \(ends.from) --to \(ends.to) --alternatives 2):\n")
            print(try await workspace.routes(RouteRequest(from: ends.from, to: ends.to, count: 3)).table.rendered(.text))
            let capacity = try await workspace.capacity(from: ends.from, to: ends.to)
            print("Capacity (caravan capacity --from \(ends.from) --to \(ends.to)): \(capacity.headline)\n")
        }
        print("Scorecard (caravan scorecard --partnership \(id)):\n")
        print(try OutputFormat.table.render(sections: try await workspace.scorecard(id)))
    }
}
