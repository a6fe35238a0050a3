import CaravanNetwork
import CaravanService

/// `/api/v1/route`, `/capacity`, `/corridor/flows`: what `caravan route`, `capacity` and `corridor flows` answer.
enum CorridorEndpoints {
    static let all = [
        Endpoint(
            method: .get, path: "/api/v1/route", operationID: "route", tag: "corridor",
            summary: "The best routes between two places of the stored network, by time, cost or both, with alternatives.",
            parameters: Parameter.query(.route),
            answer: "RouteAnswer",
            refusals: [400: "A parameter is wrong or a place unknown.", 404: "No network is stored.", 422: "No route meets the constraints."]
        ) { call in
            let request = try call.reader.route(in: try await call.workspace.network().places)
            return try Answer.json(try await call.workspace.routes(request))
        },
        Endpoint(
            method: .get, path: "/api/v1/capacity", operationID: "capacity", tag: "corridor",
            summary: "The most the network can carry between two places in a year (Mt), and its bottleneck.",
            parameters: Parameter.query(.capacity),
            answer: "CapacityAnalysis",
            refusals: [400: "A parameter is wrong or a place unknown.", 404: "No network (or dossier, with year) is stored."]
        ) { call in
            let request = try call.reader.capacity(in: try await call.workspace.network().places)
            let analysis = try await call.workspace.capacity(
                from: request.from, to: request.to, constraints: request.constraints, year: request.year, partnership: request.partnership)
            return try Answer.json(analysis)
        },
        Endpoint(
            method: .get, path: "/api/v1/corridor/flows", operationID: "corridorFlows", tag: "corridor",
            summary: "The freight flows in the store, each against the capacity of its link, node or corridor.",
            parameters: Parameter.query(.flows),
            answer: "FlowReport", refusals: [400: "The element is not one of the network's.", 404: "No network is stored."]
        ) { call in
            let element = try call.reader.element(in: try await call.workspace.network())
            return try Answer.json(try await call.workspace.freightFlows(element: element))
        },
    ]
}
