import ArgumentParser
import CaravanCore
import CaravanNetwork
import CaravanPresentation
import CaravanService
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the bundled Iran–Kazakhstan data into the database and show what Caravan answers.",
        discussion: "Safe to run again: content already loaded adds nothing.")

    @Option(help: "Where to write the HTML report.")
    var report: String = "caravan-report.html"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.writableWorkspace()
        print("Caravan demo: Iran–Kazakhstan, database \(store.location)\n")
        for result in try await workspace.importBundledData() { print(result.text) }
        let query = TradeQuery(reporter: "IRN", partner: "KAZ", flow: .turnover)
        print("\nIRN–KAZ turnover, USD (caravan trade series --reporter IRN --partner KAZ):\n")
        print(try await workspace.series(query, by: .year).table.rendered(.text))
        print("Fastest routes Astana → Bandar Abbas (caravan route --from Astana --to bandar_abbas --alternatives 2):\n")
        print(try await workspace.routes(RouteRequest(from: "astana", to: "bandar_abbas", count: 3)).table.rendered(.text))
        let capacity = try await workspace.capacity(from: "astana", to: "bandar_abbas")
        print("Capacity (caravan capacity --from astana --to bandar_abbas): \(capacity.headline)\n")
        print("Freight flows against capacity (caravan corridor flows):\n")
        print(try await workspace.freightFlows(element: nil).table.rendered(.text))
        print(try OutputFormat.table.render(sections: try await workspace.scorecard()))
        let html = try await HTMLReport.make(workspace)
        try OutputFile.write(html.rendered, to: report)
        print("The report, with its charts and every source: \(URL(fileURLWithPath: report).standardizedFileURL.path)")
    }
}
