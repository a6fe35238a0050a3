import ArgumentParser
import CaravanCore
import CaravanPresentation
import CaravanService
import Foundation

/// The pair and flow a trade query asks about.
struct PairOptions: ParsableArguments {
    @Option(help: "The reporting economy, ISO 3166 alpha-3 (KAZ).")
    var reporter: String

    @Option(help: "The partner economy, ISO 3166 alpha-3 (IRN), or WLD for the world.")
    var partner: String

    @Option(help: "export, import, re-export, re-import or turnover (exports plus imports; the default).")
    var flow: String?

    @Option(name: .customLong("as-of"), help: "Only figures recorded by this date (YYYY-MM-DD, end of day UTC) or ISO 8601 time.")
    var asOf: String?

    /// The trade query as asked, of `commodity`, for the request parser.
    func query(_ commodity: CommodityOption) -> TradeQuery.Asked {
        TradeQuery.Asked(reporter: reporter, partner: partner, flow: flow, commodity: commodity.commodity, asOf: asOf)
    }
}

/// What a trade query counts.
struct CommodityOption: ParsableArguments {
    @Option(help: "TOTAL (the default), an HS code (2, 4 or 6 digits) or a named group: NONOIL, AGRI, … (docs/products.md).")
    var commodity: String?
}

/// How a command writes its answer.
struct OutputOptions: ParsableArguments {
    @Option(help: "table, json, csv or md.")
    var format: OutputFormat = .table
}
