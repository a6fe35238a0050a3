import ArgumentParser
import CaravanCore
import CaravanService

struct ProductsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract: "What a pair trades: each product's value, share, change, quantity and unit value; concentration over time; the movers.",
        discussion: """
            Products are read from the figures at an HS level (Comtrade, BACI, figures with HS codes); a product \
            a source gives only in finer codes is their sum. The rest past --top is summed as "other". \
            Concentration is the Herfindahl–Hirschman index of the shares (0–10,000) and the number of products \
            that make 80% of the value, year by year. See docs/products.md.
            """)

    @OptionGroup var pair: PairOptions
    @OptionGroup var commodity: CommodityOption

    @Option(help: "The period to break down (2024, 2024-Q1, SH1403).")
    var period: String

    @Option(help: "The period to compare with (default: the same period a year earlier).")
    var versus: String?

    @Option(help: "section, 2 (chapters; the default), 4 (headings) or 6 (subheadings).")
    var level: String?

    @Option(help: "How many products to list before \"other\", and how many movers each way (default 10).")
    var top: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let asked = ProductsRequest.Asked(query: pair.query(commodity), period: period, versus: versus, level: level, top: top)
        let request = try await workspace.read { try await $0.products(asked) }
        let composition = try await workspace.products(
            request.query, period: request.period, versus: request.versus, level: request.level, top: request.top)
        print(try output.format.render(sections: composition), terminator: "")
    }
}
