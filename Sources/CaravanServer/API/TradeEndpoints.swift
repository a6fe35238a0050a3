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
            let request = try await call.reader.series()
            return try Answer.json(try await call.workspace.series(request.query, by: request.grain))
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
            let request = try await call.reader.comparison()
            return try Answer.json(try await call.workspace.compare(request.query, period: request.period, versus: request.versus))
        },
        Endpoint(
            method: .get, path: "/api/v1/trade/products", operationID: "tradeProducts", tag: "trade",
            summary:
                "What a pair trades over a period: each product's value, share, change, quantity and unit value; the rest as other; concentration by year; the movers.",
            parameters: [.reporter, .partner, .flow, .commodity, .asOf]
                + [
                    Parameter(name: "period", required: true, summary: "The period to break down.", example: "2024"),
                    Parameter(name: "versus", summary: "The period to compare with (default: a year earlier)."),
                    Parameter(
                        name: "level", kind: .choice(ProductLevel.allCases.map(\.rawValue)),
                        summary: "section, 2 (chapters, the default), 4 (headings) or 6 (subheadings)."),
                    Parameter(name: "top", kind: .integer, summary: "How many products before other (1 to 1,000, default 10)."),
                ],
            answer: "ProductComposition", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            let request = try await call.reader.products()
            let composition = try await call.workspace.products(
                request.query, period: request.period, versus: request.versus, level: request.level, top: request.top)
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
            let request = try await call.reader.mirror()
            let mirror = try await call.workspace.mirror(
                request.a, request.b, commodity: request.commodity, period: request.period, asOf: request.asOf)
            return try Answer.json(mirror)
        },
        Endpoint(
            method: .get, path: "/api/v1/trade/gap", operationID: "tradeGap", tag: "trade",
            summary: "Why two sides' figures differ: each side's own figure, the steps from A's to B's, and the residual.",
            parameters: [
                Parameter(name: "a", required: true, summary: "The economy whose figure the steps start from.", example: "KAZ"),
                Parameter(name: "b", required: true, summary: "The economy whose figure they end at.", example: "IRN"),
                Parameter(name: "period", required: true, summary: "The period asked about.", example: "2022"),
                Parameter(name: "flow", summary: "turnover (default), export or import, from A's side."), .commodity,
            ],
            answer: "TradeGap", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            try Answer.json(try await call.workspace.gap(try await call.reader.gap()))
        },
    ]
}
