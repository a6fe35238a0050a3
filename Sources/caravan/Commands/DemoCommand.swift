import ArgumentParser
import CaravanCore
import CaravanService

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the bundled Iran–Kazakhstan data into the database and show what Caravan answers.",
        discussion: "Safe to run again: content already loaded adds nothing.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try store.workspace()
        print("Caravan demo: Iran–Kazakhstan, database \(store.path)\n")
        for result in try await workspace.importBundledData() { print(result.text) }
        let query = TradeQuery(reporter: "IRN", partner: "KAZ", flow: .turnover)
        print("\nIRN–KAZ turnover, USD (caravan trade series --reporter IRN --partner KAZ):\n")
        print(try await workspace.series(query, by: .year).table.rendered(.text))
    }
}
