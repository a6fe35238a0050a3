import CaravanNetwork

extension RequestField {
    static let partnership = RequestField(name: "partnership", summary: "The partnership's id (default: the dossier last imported).")
    static let from = RequestField(name: "from", required: true, summary: "Where from: a node id or name.", example: "astana")
    static let to = RequestField(name: "to", required: true, summary: "Where to: a node id or name.", example: "bandar_abbas")
}

extension RequestKind {
    /// What a route or a capacity must do without.
    static let avoid = [
        RequestField(name: "avoid-country", repeatable: true, summary: "An ISO 3166 alpha-3 country no node used may lie in."),
        RequestField(name: "avoid-node", repeatable: true, summary: "A node id that may not be used."),
        RequestField(
            name: "avoid-mode", value: .choice(TransportMode.allCases.map(\.rawValue)), repeatable: true, summary: "A mode that may not be used."),
    ]

    /// `route`, `/api/v1/route`, the `/corridor` page.
    public static let route = RequestKind(
        "route",
        [
            .from, .to, RequestField(name: "by", value: .choice(RouteMeasure.allCases.map(\.rawValue)), summary: "What to minimise (default time)."),
            RequestField(name: "value-of-time", value: .number, summary: "USD per tonne-hour, for by=generalized (default 1)."),
            RequestField(name: "alternatives", value: .integer, summary: "How many alternatives to give after the best route (0 to 20)."),
        ] + avoid)

    /// `capacity`, `/api/v1/capacity`.
    public static let capacity = RequestKind(
        "capacity",
        [
            .from, .to,
            RequestField(
                name: "year", value: .integer,
                summary: "The network as it stands at the end of this year, with the effects of the dossier's projects completed by then."),
            .partnership,
        ] + avoid)

    /// `corridor flows`, `/api/v1/corridor/flows`.
    public static let flows = RequestKind("flows", [RequestField(name: "element", summary: "One link, node or corridor id (default: all).")])
}
