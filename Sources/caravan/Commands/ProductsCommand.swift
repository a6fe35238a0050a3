import ArgumentParser
import CaravanCore
import CaravanService

extension ProductLevel: ExpressibleByArgument {}

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

    @Option(help: "The period to break down (2024, 2024-Q1, SH1403).")
    var period: Period

    @Option(help: "The period to compare with (default: the same period a year earlier).")
    var versus: Period?

    @Option(help: "section, 2 (chapters), 4 (headings) or 6 (subheadings).")
    var level: ProductLevel = .chapter

    @Option(help: "How many products to list before \"other\", and how many movers each way.")
    var top = 10

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() async throws {
        let workspace = try await store.workspace()
        let composition = try await workspace.products(
            try await pair.query(in: workspace), period: period, versus: versus, level: level, top: top)
        print(try output.format.render(sections: composition), terminator: "")
    }
}
