import ArgumentParser
import CaravanCore
import CaravanService
import Foundation

/// The pair and flow a trade query asks about.
struct PairOptions: ParsableArguments {
    @Option(help: "The reporting economy, ISO 3166 alpha-3 (KAZ).")
    var reporter: String

    @Option(help: "The partner economy, ISO 3166 alpha-3 (IRN), or WLD for the world.")
    var partner: String

    @Option(help: "export, import, re-export, re-import or turnover (exports plus imports).")
    var flow: TradeFlow = .turnover

    @Option(name: .customLong("as-of"), help: "Only figures recorded by this date (YYYY-MM-DD, end of day UTC) or ISO 8601 time.")
    var asOf: RecordedTime?

    func validate() throws {
        for code in [reporter, partner] where !code.allSatisfy({ $0.isUppercase && $0.isASCII }) || code.count != 3 {
            throw ValidationError("'\(code)' is not an ISO 3166 alpha-3 code such as KAZ")
        }
    }

    /// The query, its codes checked against the workspace's tables and groups.
    func query(in workspace: Workspace, commodity: String = CommodityCode.total) async throws -> TradeQuery {
        for code in [reporter, partner] {
            if let problem = workspace.problem(withCountry: code) { throw ValidationError(problem) }
        }
        if let problem = try await workspace.problem(withCommodity: commodity) { throw ValidationError("--commodity \(commodity): \(problem)") }
        return TradeQuery(reporter: reporter, partner: partner, flow: flow, commodity: commodity, asOf: asOf?.endOfDay)
    }
}

/// What a trade query counts.
struct CommodityOption: ParsableArguments {
    @Option(help: "TOTAL, an HS code (2, 4 or 6 digits) or a named group: NONOIL, AGRI, … (docs/products.md).")
    var commodity: String = CommodityCode.total
}

/// How a command writes its answer.
struct OutputOptions: ParsableArguments {
    @Option(help: "table, json, csv or md.")
    var format: OutputFormat = .table
}
