import CaravanCore
import CaravanImport
import CaravanNetwork
import CaravanService

/// A query or path parameter an endpoint takes: checked before the handler runs and documented
/// in the OpenAPI description from the same declaration.
struct Parameter: Sendable {
    enum Location: String, Sendable { case query, path }

    enum Kind: Sendable {
        case string, integer, number, boolean
        case choice([String])
    }

    let name: String
    var location = Location.query
    var kind = Kind.string
    var required = false
    /// May be given more than once (`avoid-country=TKM&avoid-country=AZE`).
    var repeated = false
    let summary: String
    var example: String?
}

extension Parameter {
    static let reporter = Parameter(name: "reporter", required: true, summary: "The reporting economy, ISO 3166 alpha-3.", example: "KAZ")
    static let partner = Parameter(
        name: "partner", required: true, summary: "The partner economy, ISO 3166 alpha-3, or WLD for the world.", example: "IRN")
    static let flow = Parameter(
        name: "flow", kind: .choice(TradeFlow.allCases.map(\.rawValue)), summary: "The flow (default turnover: exports plus imports).")
    static let commodity = Parameter(
        name: "commodity", summary: "TOTAL (default), an HS code (2, 4 or 6 digits) or a named group such as NONOIL.", example: "TOTAL")
    static let asOf = Parameter(
        name: "as-of", summary: "Only figures recorded by this date (YYYY-MM-DD, end of day UTC) or ISO 8601 time.", example: "2026-01-31")
    static let partnership = Parameter(name: "partnership", summary: "The partnership's id (default: the dossier last imported).")
    static let from = Parameter(name: "from", required: true, summary: "Where from: a node id or name.", example: "astana")
    static let to = Parameter(name: "to", required: true, summary: "Where to: a node id or name.", example: "bandar_abbas")
    static let scenario = [
        Parameter(name: "delay", repeated: true, summary: "A project finished later: PROJECT=YEARS.", example: "aktau-kuryk-expansion=2y"),
        Parameter(name: "cancel", repeated: true, summary: "A project never built: its id."),
        Parameter(
            name: "add", repeated: true,
            summary: "A figure added to a network element from now: ELEMENT:capacity_mt=5 (or hours, usd_per_t, dwell_hours)."),
    ]
    static let avoid = [
        Parameter(name: "avoid-country", repeated: true, summary: "An ISO 3166 alpha-3 country no node used may lie in."),
        Parameter(name: "avoid-node", repeated: true, summary: "A node id that may not be used."),
        Parameter(
            name: "avoid-mode", kind: .choice(TransportMode.allCases.map(\.rawValue)), repeated: true, summary: "A mode that may not be used."),
    ]
}
