import CaravanCore
import CaravanService

/// `/api/v1/trade/…`: what `caravan trade series|compare|mirror` answers.
enum TradeEndpoints {
    static let pair: [Parameter] = [.reporter, .partner, .flow, .commodity, .asOf]

    static let all = [
        Endpoint(
            method: .get, path: "/api/v1/trade/series", operationID: "tradeSeries", tag: "trade",
            summary: "One pair's flow period by period, oldest first, with the change on a year earlier and every source.",
            parameters: pair + [Parameter(name: "by", kind: .choice(SeriesGrain.allCases.map(\.rawValue)), summary: "The grain (default year).")],
            answer: "TradeSeries", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            let grain = call.arguments.value("by", as: SeriesGrain.self) ?? .year
            return try Answer.json(try await call.workspace.series(try await query(call), by: grain))
        },
        Endpoint(
            method: .get, path: "/api/v1/trade/compare", operationID: "tradeCompare", tag: "trade",
            summary: "One pair's flow in two periods, and the change between them.",
            parameters: pair + [
                Parameter(name: "period", required: true, summary: "The period to look at.", example: "2025-01..2025-09"),
                Parameter(name: "versus", summary: "The period to compare with (default: the same period a year earlier)."),
            ],
            answer: "TradeComparison", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            let period = try call.arguments.period("period")!
            return try Answer.json(
                try await call.workspace.compare(try query(call), period: period, versus: try call.arguments.period("versus")))
        },
        Endpoint(
            method: .get, path: "/api/v1/trade/products", operationID: "tradeProducts", tag: "trade",
            summary:
                "What a pair trades over a period: each product's value, share, change, quantity and unit value; the rest as other; concentration by year; the movers.",
            parameters: [.reporter, .partner, .flow, .asOf]
                + [
                    Parameter(name: "period", required: true, summary: "The period to break down.", example: "2024"),
                    Parameter(name: "versus", summary: "The period to compare with (default: a year earlier)."),
                    Parameter(
                        name: "level", kind: .choice(ProductLevel.allCases.map(\.rawValue)),
                        summary: "section, 2 (chapters, the default), 4 (headings) or 6 (subheadings)."),
                    Parameter(name: "top", kind: .integer, summary: "How many products before other (1 to 500, default 10)."),
                ],
            answer: "ProductComposition", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            let top = call.arguments.int("top") ?? 10
            guard (1...500).contains(top) else { throw APIError.badRequest("invalid_parameter", "'top' must be 1 to 500") }
            let composition = try await call.workspace.products(
                try await query(call, commodity: false), period: try call.arguments.period("period")!, versus: try call.arguments.period("versus"),
                level: call.arguments.value("level", as: ProductLevel.self) ?? .chapter, top: top)
            return try Answer.json(composition)
        },
        Endpoint(
            method: .get, path: "/api/v1/trade/mirror", operationID: "tradeMirror", tag: "trade",
            summary: "Each side's report of the same flows, the gap, the CIF/FOB ratio and a best estimate.",
            parameters: [
                Parameter(name: "a", required: true, summary: "One economy, ISO 3166 alpha-3.", example: "IRN"),
                Parameter(name: "b", required: true, summary: "The other economy, ISO 3166 alpha-3.", example: "KAZ"),
                Parameter(name: "period", summary: "One period (default: every year either side reported)."), .commodity, .asOf,
            ],
            answer: "MirrorComparison", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            let (a, b) = (call.arguments.required("a"), call.arguments.required("b"))
            for code in [a, b] { try checkCountry(code, call.workspace, parameter: code == a ? "a" : "b") }
            let mirror = try await call.workspace.mirror(
                a, b, commodity: try await commodity(call), period: try call.arguments.period("period"), asOf: try call.arguments.asOf())
            return try Answer.json(mirror)
        },
    ]

    /// The pair, flow, commodity and vintage a trade endpoint was asked about.
    static func query(_ call: Call, commodity takesCommodity: Bool = true) async throws -> TradeQuery {
        let reporter = call.arguments.required("reporter")
        let partner = call.arguments.required("partner")
        try checkCountry(reporter, call.workspace, parameter: "reporter")
        try checkCountry(partner, call.workspace, parameter: "partner")
        return TradeQuery(
            reporter: reporter, partner: partner, flow: call.arguments.value("flow", as: TradeFlow.self) ?? .turnover,
            commodity: takesCommodity ? try await commodity(call) : CommodityCode.total, asOf: try call.arguments.asOf())
    }

    private static func commodity(_ call: Call) async throws -> String {
        let commodity = call.arguments.string("commodity") ?? CommodityCode.total
        if let problem = try await call.workspace.problem(withCommodity: commodity) {
            throw APIError.badRequest("invalid_parameter", "'commodity': \(problem)")
        }
        return commodity
    }

    private static func checkCountry(_ code: String, _ workspace: Workspace, parameter: String) throws {
        if let problem = workspace.problem(withCountry: code) { throw APIError.badRequest("invalid_parameter", "'\(parameter)': \(problem)") }
    }
}
