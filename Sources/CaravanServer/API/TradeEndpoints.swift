import CaravanCore
import CaravanService

/// `/api/v1/trade/…`: what `caravan trade series|compare|mirror` answers.
enum TradeEndpoints {
    static let all = [
        Endpoint(
            method: .get, path: "/api/v1/trade/series", operationID: "tradeSeries", tag: "trade",
            summary: "One pair's flow period by period, oldest first, with the change on a year earlier and every source.",
            parameters: Parameter.query(.series),
            answer: "TradeSeries", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            let request = try await call.reader.series()
            return try Answer.json(try await call.workspace.series(request.query, by: request.grain))
        },
        Endpoint(
            method: .get, path: "/api/v1/trade/compare", operationID: "tradeCompare", tag: "trade",
            summary: "One pair's flow in two periods, and the change between them.",
            parameters: Parameter.query(.comparison),
            answer: "TradeComparison", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            let request = try await call.reader.comparison()
            return try Answer.json(try await call.workspace.compare(request.query, period: request.period, versus: request.versus))
        },
        Endpoint(
            method: .get, path: "/api/v1/trade/products", operationID: "tradeProducts", tag: "trade",
            summary:
                "What a pair trades over a period: each product's value, share, change, quantity and unit value; the rest as other; concentration by year; the movers.",
            parameters: Parameter.query(.products),
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
            parameters: Parameter.query(.mirror),
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
            parameters: Parameter.query(.gap),
            answer: "TradeGap", refusals: [400: "A parameter is missing or wrong."]
        ) { call in
            try Answer.json(try await call.workspace.gap(try await call.reader.gap()))
        },
    ]
}
