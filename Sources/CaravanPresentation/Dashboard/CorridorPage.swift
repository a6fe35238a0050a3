import CaravanCore
import CaravanDossier
import CaravanNetwork
import CaravanService
import Foundation

extension Dashboard {
    /// The corridor: the network map with flows against capacity, capacity by year against the
    /// targets, and a route finder whose answer is drawn on the map and as a time–cost–distance chart.
    public func corridor(_ page: CorridorPageData) -> HTML {
        let (data, network, found) = (page.report, page.network, page.routes)
        let best = found?.routes.first
        let report = HTMLReport(data, words: words)
        var body = RouteForm(network: network, request: page.route, words: words).html
        if let problem = page.routeProblem { body += "<p class=\"problem\" id=\"route-problem\">\(words.english(problem.description))</p>" }
        if let found, let best {
            let names = words.places(in: network)
            let tables = RouteTables(answer: found, name: names, words: words)
            let ends = ["from": names(best.nodes.first ?? ""), "to": names(best.nodes.last ?? "")]
            body += "<h2>\(words("corridor.routes", ends))</h2>"
            body += tables.summary + TimeCostDistanceChart(routes: found.routes, name: names, words: words).html + tables.legs
        }
        body += "<h2>\(words("corridor.network"))</h2>" + NetworkMap(network: network, flows: data.flows.flows, route: best, words: words).html
        body += report.corridor + networkSources(network)
        return DashboardFrame.page(.corridor, partnership: data.scorecard.partnership, asOf: data.scorecard.asOf, body: body, request: request)
    }

    private func networkSources(_ network: Network) -> HTML {
        let items = network.sources.map { source -> HTML in
            let publisher: HTML = source.publisher.map { " — \($0)" } ?? ""
            let published: HTML = source.published.map { ", \(words.date($0))" } ?? ""
            return "<li id=\"network-source-\(source.id)\">\(HTML.link(source.title, source.url))\(publisher)\(published)</li>"
        }
        return "<h2>\(words("corridor.sources"))</h2><ul>\(items)</ul>"
    }
}

/// The route finder: a plain GET form over the network's places, by name.
struct RouteForm {
    let network: Network
    let request: RouteRequest?
    let words: Words

    var html: HTML {
        func options(_ chosen: String?) -> [HTML] {
            network.nodes.map { ($0, words.place($0)) }.sorted { $0.1 < $1.1 }.map { node, name -> HTML in
                "<option value=\"\(node.id)\"\(node.id == chosen ? " selected" : "")>\(name)</option>"
            }
        }
        let by: String =
            switch request?.objective {
            case .cost: "cost"
            case .generalized: "generalized"
            default: "time"
            }
        let measures = ["time", "cost", "generalized"].map { measure -> HTML in
            "<option value=\"\(measure)\"\(measure == by ? " selected" : "")>\(words("form.by-\(measure)"))</option>"
        }
        let avoid = request?.constraints.avoidCountries.sorted().first ?? ""
        return """
            <h2>\(words("corridor.find"))</h2>
            <form class="query" method="get" action="/corridor" id="route-form">
            <input type="hidden" name="lang" value="\(words.language.rawValue)">
            <label>\(words("form.from"))<select name="from">\(options(request?.from ?? network.nodes.first?.id))</select></label>
            <label>\(words("form.to"))<select name="to">\(options(request?.to ?? network.nodes.last?.id))</select></label>
            <label>\(words("form.by"))<select name="by">\(measures)</select></label>
            <label>\(words("form.avoid-country"))<input name="avoid-country" value="\(avoid)" size="4" placeholder="TKM" dir="ltr"></label>
            <button type="submit">\(words("form.find"))</button></form>
            """
    }
}

/// A route answer as tables: the routes, then the best route step by step, places by name.
struct RouteTables {
    let answer: RouteAnswer
    /// The network's places by name.
    let name: PlaceNames
    let words: Words

    var summary: HTML {
        let rows = answer.routes.enumerated().map { index, route -> [HTML] in
            [
                "\(words.integer(index + 1))", "\(words.number(route.hours, decimals: 1))", "\(words.number(route.usdPerT, decimals: 1))",
                "\(words.number(route.km) + (route.kmIncomplete ? "+" : ""))", "\(route.nodes.map { name($0) }.joined(separator: " → "))",
            ]
        }
        return HTML.table(["route", "hours", "usd-per-t", "km", "through"].map { words("column.\($0)") }, rows, id: "routes", lead: [1])
    }

    var legs: HTML {
        let rows = (answer.routes.first?.legs ?? []).map { leg -> [HTML] in
            [
                "\(words("leg.\(leg.kind.rawValue)"))", "\(name(leg.id))",
                "\(leg.mode.map { words("mode.\($0.rawValue)") } ?? "")",
                "\(leg.from == leg.to ? name(leg.from) : "\(name(leg.from)) → \(name(leg.to))")", "\(leg.km.map(words.number) ?? "")",
                "\(words.number(leg.hours, decimals: 1))", "\(words.number(leg.usdPerT, decimals: 1))", "\(words.number(leg.cumulativeKm))",
                "\(words.number(leg.cumulativeHours, decimals: 1))", "\(words.number(leg.cumulativeUSDPerT, decimals: 1))",
            ]
        }
        return HTML.table(
            ["step", "id", "mode", "where", "km", "hours", "usd-per-t", "km-so-far", "hours-so-far", "usd-per-t-so-far"].map {
                words("column.\($0)")
            },
            rows, id: "legs", lead: [3])
    }
}
