import CaravanCore
import CaravanDossier
import CaravanNetwork
import CaravanService
import Foundation

extension Dashboard {
    /// The corridor: the network map with flows against capacity, capacity by year against the
    /// targets, and a route finder whose answer is drawn on the map and as a time–cost–distance chart.
    public func corridor(route request: RouteRequest?, partnership: String? = nil, asOf: Date = Date()) async throws -> HTML {
        let data = try await workspace.reportData(partnership, asOf: asOf)
        let network = try await workspace.network()
        var found: RouteAnswer?
        var problem: String?
        if let request {
            do { found = try await workspace.routes(request) } catch let error as RouteError { problem = error.description }
        }
        let best = found?.routes.first
        let report = HTMLReport(data)
        var body = RouteForm(network: network, request: request).html
        if let problem { body += "<p class=\"problem\" id=\"route-problem\">\(problem)</p>" }
        if let found, let best {
            body += "<h2>Routes from \(best.nodes.first ?? "") to \(best.nodes.last ?? "")</h2>"
            body += RouteTables(answer: found).summary + TimeCostDistanceChart(route: best).svg + RouteTables(answer: found).legs
        }
        body += "<h2>The network</h2>" + NetworkMap(network: network, flows: data.flows.flows, route: best).svg
        body += report.corridor + networkSources(network)
        return DashboardFrame.page(.corridor, partnership: data.scorecard.partnership, asOf: data.scorecard.asOf.description, body: body)
    }

    private func networkSources(_ network: Network) -> HTML {
        let items = network.sources.map { source -> HTML in
            let publisher: HTML = source.publisher.map { " — \($0)" } ?? ""
            let published: HTML = source.published.map { ", \($0)" } ?? ""
            return "<li id=\"network-source-\(source.id)\">\(HTML.link(source.title, source.url))\(publisher)\(published)</li>"
        }
        return "<h2>Network sources</h2><ul>\(items)</ul>"
    }
}

/// The route finder: a plain GET form over the network's nodes.
struct RouteForm {
    let network: Network
    let request: RouteRequest?

    var html: HTML {
        func options(_ chosen: String?) -> [HTML] {
            network.nodes.sorted { $0.name < $1.name }.map { node -> HTML in
                "<option value=\"\(node.id)\"\(node.id == chosen ? " selected" : "")>\(node.name)</option>"
            }
        }
        let by: String =
            switch request?.objective {
            case .cost: "cost"
            case .generalized: "generalized"
            default: "time"
            }
        let measures = ["time", "cost", "generalized"].map { measure -> HTML in "<option\(measure == by ? " selected" : "")>\(measure)</option>" }
        let avoid = request?.constraints.avoidCountries.sorted().first ?? ""
        return """
            <h2>Find a route</h2>
            <form class="query" method="get" action="/corridor" id="route-form">
            <label>From<select name="from">\(options(request?.from ?? network.nodes.first?.id))</select></label>
            <label>To<select name="to">\(options(request?.to ?? network.nodes.last?.id))</select></label>
            <label>By<select name="by">\(measures)</select></label>
            <label>Avoid country<input name="avoid-country" value="\(avoid)" pattern="[A-Z]{3}" size="4" placeholder="TKM"></label>
            <button type="submit">Find</button></form>
            """
    }
}

/// A route answer as tables: the routes, then the best route step by step.
struct RouteTables {
    let answer: RouteAnswer

    var summary: HTML {
        let rows = answer.routes.enumerated().map { index, route -> [HTML] in
            [
                "\(index + 1)", "\(NumberText.fixed(route.hours, decimals: 1))", "\(NumberText.fixed(route.usdPerT, decimals: 1))",
                "\(NumberText.grouped(route.km) + (route.kmIncomplete ? "+" : ""))", "\(route.nodes.joined(separator: " → "))",
            ]
        }
        return HTML.table(["route", "hours", "USD/t", "km", "through"], rows, id: "routes")
    }

    var legs: HTML {
        let rows = (answer.routes.first?.legs ?? []).map { leg -> [HTML] in
            [
                "\(leg.kind.rawValue)", "\(leg.id)", "\(leg.mode?.rawValue ?? "")", "\(leg.from) → \(leg.to)",
                "\(leg.km.map(NumberText.grouped) ?? "")",
                "\(NumberText.fixed(leg.hours, decimals: 1))", "\(NumberText.fixed(leg.usdPerT, decimals: 1))",
                "\(NumberText.grouped(leg.cumulativeKm))",
                "\(NumberText.fixed(leg.cumulativeHours, decimals: 1))", "\(NumberText.fixed(leg.cumulativeUSDPerT, decimals: 1))",
            ]
        }
        return HTML.table(["step", "id", "mode", "where", "km", "hours", "USD/t", "km so far", "hours so far", "USD/t so far"], rows, id: "legs")
    }
}
