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

    var tradeQuery: TradeQuery.Asked {
        TradeQuery.Asked(
            reporter: values.string("reporter"), partner: values.string("partner"), flow: values.string("flow"),
            commodity: values.string("commodity"), asOf: values.string("as-of"))
    }

    var avoid: RouteConstraints.Asked {
        RouteConstraints.Asked(countries: values.all("avoid-country"), nodes: values.all("avoid-node"), modes: values.all("avoid-mode"))
    }

    public func series() async throws -> SeriesRequest { try await reader.series(.init(query: tradeQuery, by: values.string("by"))) }

    public func comparison() async throws -> ComparisonRequest {
        try await reader.comparison(.init(query: tradeQuery, period: values.string("period"), versus: values.string("versus")))
    }

    public func products() async throws -> ProductsRequest {
        try await reader.products(
            .init(
                query: tradeQuery, period: values.string("period"), versus: values.string("versus"), level: values.string("level"),
                top: values.string("top")))
    }

    public func mirror() async throws -> MirrorRequest {
        try await reader.mirror(
            .init(
                a: values.string("a"), b: values.string("b"), period: values.string("period"), commodity: values.string("commodity"),
                asOf: values.string("as-of")))
    }

    public func gap() async throws -> GapRequest {
        try await reader.gap(
            .init(
                a: values.string("a"), b: values.string("b"), period: values.string("period"), flow: values.string("flow"),
                commodity: values.string("commodity")))
    }

    public func coverage() throws -> CoverageRequest {
        try reader.coverage(
            .init(
                reporter: values.string("reporter"), partner: values.string("partner"), regime: values.string("regime"),
                period: values.string("period"), asOf: values.string("as-of")))
    }

    public func route(in network: Places) throws -> RouteRequest {
        try reader.route(
            .init(
                from: values.string("from"), to: values.string("to"), by: values.string("by"), valueOfTime: values.string("value-of-time"),
                alternatives: values.string("alternatives"), avoid: avoid), in: network)
    }

    public func capacity(in network: Places) throws -> CapacityRequest {
        try reader.capacity(
            .init(
                from: values.string("from"), to: values.string("to"), year: values.string("year"), partnership: values.string("partnership"),
                avoid: avoid), in: network)
    }

    public func element(in network: Network) throws -> String? { try reader.element(values.string("element"), in: network) }

    public func judged() throws -> JudgedRequest {
        try reader.judged(.init(partnership: values.string("partnership"), asOf: values.string("as-of")))
    }

    public func scenario() async throws -> ScenarioRequest {
        try await reader.scenario(
            .init(partnership: values.string("partnership"), delay: values.all("delay"), cancel: values.all("cancel"), add: values.all("add")))
    }

    public func changes() throws -> ChangesRequest {
        try reader.changes(.init(partnership: values.string("partnership"), since: values.string("since")))
    }

    public func watch(allowingPrivate: Bool = false) throws -> WatchRequest {
        try reader.watch(.init(url: values.string("url"), partnership: values.string("partnership")), allowingPrivate: allowingPrivate)
    }

    /// `format`: the format of a file to import, or nil to detect it from the file.
    public func format() throws -> ImportFormat? { try reader.format(values.string("format")) }

    /// A whole number within `range`, or `fallback`: a path's id.
    public func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        try reader.integer(name, values.string(name), in: range, default: fallback)
    }
}
