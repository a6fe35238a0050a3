import CaravanCore
import CaravanImport
import CaravanNetwork
import Foundation

/// A query's values read as each request kind's fields name them, by the parser every entry point
/// shares: what the API's endpoints and the dashboard's pages read their requests with.
public struct QueryReader: Sendable {
    public let values: RequestValues
    public let reader: RequestReader

    public init(_ values: RequestValues, workspace: Workspace) {
        self.values = values
        self.reader = RequestReader(values.origin, workspace: workspace)
    }

    /// A kind's fields in the query; reading a field the kind does not declare is a mistake, caught in every debug run.
    struct Fields {
        let values: RequestValues
        let kind: RequestKind

        subscript(_ name: String) -> String? { values.string(declared(name)) }

        func all(_ name: String) -> [String] { values.all(declared(name)) }

        private func declared(_ name: String) -> String {
            assert(kind.fields.contains { $0.name == name }, "the request kind \(kind.name) declares no field \(name)")
            return name
        }

        var tradeQuery: TradeQuery.Asked {
            TradeQuery.Asked(
                reporter: self["reporter"], partner: self["partner"], flow: self["flow"], commodity: self["commodity"], asOf: self["as-of"])
        }

        var avoid: RouteConstraints.Asked {
            RouteConstraints.Asked(countries: all("avoid-country"), nodes: all("avoid-node"), modes: all("avoid-mode"))
        }
    }

    func query(_ kind: RequestKind) -> Fields { Fields(values: values, kind: kind) }

    public func series() async throws -> SeriesRequest {
        let fields = query(.series)
        return try await reader.series(.init(query: fields.tradeQuery, by: fields["by"]))
    }

    public func comparison() async throws -> ComparisonRequest {
        let fields = query(.comparison)
        return try await reader.comparison(.init(query: fields.tradeQuery, period: fields["period"], versus: fields["versus"]))
    }

    public func products() async throws -> ProductsRequest {
        let fields = query(.products)
        return try await reader.products(
            .init(query: fields.tradeQuery, period: fields["period"], versus: fields["versus"], level: fields["level"], top: fields["top"]))
    }

    public func mirror() async throws -> MirrorRequest {
        let fields = query(.mirror)
        return try await reader.mirror(
            .init(a: fields["a"], b: fields["b"], period: fields["period"], commodity: fields["commodity"], asOf: fields["as-of"]))
    }

    public func gap() async throws -> GapRequest {
        let fields = query(.gap)
        return try await reader.gap(
            .init(a: fields["a"], b: fields["b"], period: fields["period"], flow: fields["flow"], commodity: fields["commodity"]))
    }

    public func coverage() throws -> CoverageRequest {
        let fields = query(.coverage)
        return try reader.coverage(
            .init(reporter: fields["reporter"], partner: fields["partner"], regime: fields["regime"], period: fields["period"], asOf: fields["as-of"])
        )
    }

    public func route(in network: Places) throws -> RouteRequest {
        let fields = query(.route)
        let asked = RouteRequest.Asked(
            from: fields["from"], to: fields["to"], by: fields["by"], valueOfTime: fields["value-of-time"], alternatives: fields["alternatives"],
            avoid: fields.avoid)
        return try reader.route(asked, in: network)
    }

    public func capacity(in network: Places) throws -> CapacityRequest {
        let fields = query(.capacity)
        let asked = CapacityRequest.Asked(
            from: fields["from"], to: fields["to"], year: fields["year"], partnership: fields["partnership"], avoid: fields.avoid)
        return try reader.capacity(asked, in: network)
    }

    public func element(in network: Network) throws -> String? { try reader.element(query(.flows)["element"], in: network) }

    public func judged() throws -> JudgedRequest {
        let fields = query(.judged)
        return try reader.judged(.init(partnership: fields["partnership"], asOf: fields["as-of"]))
    }

    /// An article sent as a body, with the query's fields.
    public func article(text: String) throws -> ArticleRequest {
        let fields = query(.check)
        return try reader.article(
            .init(
                partnership: fields["partnership"], published: fields["published"], source: fields["source"], url: fields["url"],
                markup: fields["markup"], calendar: fields["calendar"], asOf: fields["as-of"]), text: text)
    }

    public func scenario() async throws -> ScenarioRequest {
        let fields = query(.scenario)
        return try await reader.scenario(
            .init(partnership: fields["partnership"], delay: fields.all("delay"), cancel: fields.all("cancel"), add: fields.all("add")))
    }

    public func changes() throws -> ChangesRequest {
        let fields = query(.changes)
        return try reader.changes(.init(partnership: fields["partnership"], since: fields["since"]))
    }

    public func watch(allowingPrivate: Bool = false) throws -> WatchRequest {
        let fields = query(.watch)
        return try reader.watch(.init(url: fields["url"], partnership: fields["partnership"]), allowingPrivate: allowingPrivate)
    }

    /// `format`: the format of a file to import, or nil to detect it from the file.
    public func format() throws -> ImportFormat? { try reader.format(query(.upload)["format"]) }

    /// The watch's id, from the path.
    public func watchID() throws -> Int { try reader.integer("id", query(.unwatch)["id"], in: 1...Int.max, default: 0) }
}
