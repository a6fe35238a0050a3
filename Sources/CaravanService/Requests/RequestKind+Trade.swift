import CaravanCore

extension RequestField {
    static let reporter = RequestField(name: "reporter", required: true, summary: "The reporting economy, ISO 3166 alpha-3.", example: "KAZ")
    static let partner = RequestField(
        name: "partner", required: true, summary: "The partner economy, ISO 3166 alpha-3, or WLD for the world.", example: "IRN")
    static let flow = RequestField(
        name: "flow", value: .choice(TradeFlow.allCases.map(\.rawValue)), summary: "The flow (default turnover: exports plus imports).")
    static let commodity = RequestField(
        name: "commodity", summary: "TOTAL (default), an HS code (2, 4 or 6 digits) or a named group such as NONOIL.", example: "TOTAL")
    static let asOf = RequestField(
        name: "as-of", summary: "Only figures recorded by this date (YYYY-MM-DD, end of day UTC) or ISO 8601 time.", example: "2026-01-31")
}

extension RequestKind {
    /// A pair's flow of a commodity, as recorded by a moment: what every trade query starts from.
    static let tradeQuery: [RequestField] = [.reporter, .partner, .flow, .commodity, .asOf]

    /// `trade series`, `trade backtest`, `/api/v1/trade/series`, the `/trade` page.
    public static let series = RequestKind(
        "series", tradeQuery + [RequestField(name: "by", value: .choice(SeriesGrain.allCases.map(\.rawValue)), summary: "The grain (default year).")])

    /// `trade compare`, `/api/v1/trade/compare`.
    public static let comparison = RequestKind(
        "compare",
        tradeQuery + [
            RequestField(name: "period", required: true, summary: "The period to look at.", example: "2025-01..2025-09"),
            RequestField(name: "versus", summary: "The period to compare with (default: the same period a year earlier)."),
        ])

    /// `trade products`, `/api/v1/trade/products`.
    public static let products = RequestKind(
        "products",
        tradeQuery + [
            RequestField(name: "period", required: true, summary: "The period to break down.", example: "2024"),
            RequestField(name: "versus", summary: "The period to compare with (default: a year earlier)."),
            RequestField(
                name: "level", value: .choice(ProductLevel.allCases.map(\.rawValue)),
                summary: "section, 2 (chapters, the default), 4 (headings) or 6 (subheadings)."),
            RequestField(name: "top", value: .integer, summary: "How many products before other (1 to 1,000, default 10)."),
        ])

    /// `trade mirror`, `/api/v1/trade/mirror`.
    public static let mirror = RequestKind(
        "mirror",
        [
            RequestField(name: "a", required: true, summary: "One economy, ISO 3166 alpha-3.", example: "IRN"),
            RequestField(name: "b", required: true, summary: "The other economy, ISO 3166 alpha-3.", example: "KAZ"),
            RequestField(name: "period", summary: "One period (default: every year either side reported)."), .commodity, .asOf,
        ])

    /// `trade gap`, `/api/v1/trade/gap`.
    public static let gap = RequestKind(
        "gap",
        [
            RequestField(name: "a", required: true, summary: "The economy whose figure the steps start from.", example: "KAZ"),
            RequestField(name: "b", required: true, summary: "The economy whose figure they end at.", example: "IRN"),
            RequestField(name: "period", required: true, summary: "The period asked about.", example: "2022"),
            RequestField(name: "flow", summary: "turnover (default), export or import, from A's side."), .commodity,
        ])

    /// `tariffs coverage`, `/api/v1/tariffs/coverage`.
    public static let coverage = RequestKind(
        "coverage",
        [
            RequestField(name: "reporter", required: true, summary: "The economy levying the duties.", example: "KAZ"),
            RequestField(name: "partner", required: true, summary: "The partner whose goods pay them.", example: "IRN"),
            RequestField(name: "regime", summary: "The schedule's partner or regime column (default: the partner's own)."),
            RequestField(name: "period", summary: "The trade period (default: the last full year with subheading figures)."), .asOf,
        ])
}
