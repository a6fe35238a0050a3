/// The direction of a trade flow, as seen from the reporter.
public enum TradeFlow: String, Sendable, Codable, CaseIterable {
    case export
    case `import`
    case reExport = "re-export"
    case reImport = "re-import"
    /// Exports plus imports: the headline figure of a bilateral relationship.
    case turnover
}

/// How a value was measured at the border: free on board at the exporter's, or including cost,
/// insurance and freight at the importer's.
public enum Valuation: String, Sendable, Codable, CaseIterable {
    case fob = "FOB"
    case cif = "CIF"
}

/// The kind of statistics a source holds, which decides how far its figures are trusted.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    /// UN Comtrade API v1 (JSON, CSV) or a bulk file: what the reporter declared.
    case comtrade
    /// The pre-2023 Comtrade CSV.
    case comtradeLegacy = "comtrade-legacy"
    /// CEPII BACI: both sides' declarations reconciled into one FOB figure per flow.
    case baci
    /// Figures published by ministries, customs and the press, one a row with its quote.
    case figures
    /// Tonnes of freight reported through a link, node or corridor (a flows CSV).
    case freight
    /// A transport network (a network JSON file).
    case network
    /// A tariff schedule (a tariffs CSV).
    case tariffs

    /// True when a flow's figure already reconciles both sides, so an importer's figure is the
    /// exporter's row read the other way round.
    public var isReconciled: Bool { self == .baci }
}
