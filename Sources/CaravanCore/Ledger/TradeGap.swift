import Foundation

/// Why two sides' figures for the same trade differ (`caravan trade gap`): each side's own figure
/// for the question, then the steps that take side A's figure to side B's — each with its amount,
/// its method and what it stands on — and what is left unexplained. A turnover is reconciled per
/// direction where both sides tell their exports and imports apart. Every amount is worked out from
/// fixed quantities, so asked the other way round every amount and the residual change sign and
/// nothing else. The amounts are whole dollars, so `a + Σ steps + residual = b` holds exactly, in
/// the answer and in each direction. The rules: docs/ledger.md.
public struct TradeGap: Sendable, Encodable {
    public var question: Question
    public var a: GapSide?
    public var b: GapSide?
    /// A turnover's two directions, each reconciled on its own, in the order of the exporters' codes;
    /// empty for one direction's question or when a side does not tell its two directions apart.
    public var directions: [GapDirection]
    /// Why a turnover was reconciled whole: which side gives no exports and imports of its own for its period.
    public var directionsMissing: String?
    /// Every step; in a turnover told by direction, both directions' steps, each naming its direction.
    public var steps: [GapStep]
    /// Differences that exist between the two figures but that the ledger cannot put a number on.
    public var notQuantified: [GapStep]
    /// B's figure minus A's and every step; nil when a side has no figure.
    public var residualUSD: Double?

    public struct Question: Sendable, Encodable {
        public var a: String
        public var b: String
        public var period: Period
        /// The flow from A's side: A's exports are B's imports.
        public var flow: TradeFlow
        public var commodity: String
    }

    enum CodingKeys: String, CodingKey {
        case question, a, b, directions, steps
        case directionsMissing = "directions_missing"
        case notQuantified = "not_quantified"
        case residualUSD = "residual_usd"
    }
}

/// One side's own figure for the question: its flow, coverage and period as that side published them.
public struct GapSide: Sendable, Encodable {
    public var economy: String
    public var flow: TradeFlow
    /// What the figure counts: `TOTAL`, a named group (`NONOIL`), an HS code.
    public var commodity: String
    public var period: Period
    public var valueUSD: Double
    /// True when the figure is official statistics: a statistical office's or customs' own
    /// release, or its figures as quoted with the compiler named.
    public var official: Bool
    /// Whose statistics, as the source names them.
    public var compiler: String?
    public var sources: [Citation]
    /// The side's other figures that touch the question, not chosen.
    public var alsoPublished: [Citation]

    enum CodingKeys: String, CodingKey {
        case economy, flow, commodity, period, official, compiler, sources
        case valueUSD = "value_usd"
        case alsoPublished = "also_published"
    }
}

/// One direction of a turnover, from A's figure of it to B's.
public struct GapDirection: Sendable, Encodable {
    /// The direction from A's side: `export` for A's exports to B, `import` for its imports from B.
    public var flow: TradeFlow
    public var exporter: String
    public var importer: String
    public var a: GapSide
    public var b: GapSide
    public var steps: [GapStep]
    public var notQuantified: [GapStep]
    public var residualUSD: Double

    enum CodingKeys: String, CodingKey {
        case flow, exporter, importer, a, b, steps
        case notQuantified = "not_quantified"
        case residualUSD = "residual_usd"
    }
}

/// A step from one side's figure to the other's.
public struct GapStep: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        /// One figure is for a year of the other calendar.
        case calendar
        /// One figure counts fewer goods (non-oil against all goods, one product).
        case coverage
        /// Imports are valued CIF, exports FOB.
        case valuation
        /// One figure covers only part of the other's period.
        case partialPeriod = "partial-period"
        /// The exporter counts its re-exports; the importer credits them to their country of origin.
        case reExports = "re-exports"
        /// Imports are credited to the country of origin, exports to the last known destination.
        case partnerAttribution = "partner-attribution"
    }

    /// Whose goods a step of one direction is about.
    public struct Direction: Sendable, Encodable, Equatable {
        public var exporter: String
        public var importer: String
    }

    public var kind: Kind
    /// Nil when the step is named but not quantified.
    public var amountUSD: Double?
    public var method: String
    public var sources: [Citation]
    /// The direction the step belongs to, in a turnover told by direction.
    public var direction: Direction?

    init(kind: Kind, amountUSD: Double?, method: String, sources: [Citation], direction: Direction? = nil) {
        self.kind = kind
        self.amountUSD = amountUSD
        self.method = method
        self.sources = sources
        self.direction = direction
    }

    enum CodingKeys: String, CodingKey {
        case kind, method, sources, direction
        case amountUSD = "amount_usd"
    }
}

extension TradeFlow {
    /// The same goods seen from the other side: one's exports are the other's imports.
    public var mirrored: TradeFlow {
        switch self {
        case .export: .import
        case .import: .export
        case .reExport: .reImport
        case .reImport: .reExport
        case .turnover: .turnover
        }
    }

    /// True for a flow the exporter reports: its exports or re-exports.
    var isOutward: Bool { self == .export || self == .reExport }
}
