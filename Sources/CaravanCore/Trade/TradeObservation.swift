import Foundation

/// One figure: what `reporter` declared of its `flow` with `partner`, for a commodity and period.
public struct TradeObservation: Sendable, Hashable {
    public var reporter: String
    public var partner: String
    public var flow: TradeFlow
    public var commodity: String
    public var period: Period
    public var valueUSD: Double
    public var quantityT: Double?
    public var valuation: Valuation?
    /// The quote a published figure came with, or how a derived figure was made.
    public var note: String?

    public init(
        reporter: String, partner: String, flow: TradeFlow, commodity: String, period: Period,
        valueUSD: Double, quantityT: Double? = nil, valuation: Valuation? = nil, note: String? = nil
    ) {
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
        self.period = period
        self.valueUSD = valueUSD
        self.quantityT = quantityT
        self.valuation = valuation
        self.note = note
    }
}

/// Where a figure came from: the publisher, the document, and when Caravan recorded it.
public struct SourceRecord: Sendable, Hashable, Encodable {
    public var id: Int64
    public var kind: SourceKind
    /// Who publishes the figures (`UN Comtrade`, `CEPII BACI HS92`, a ministry); revisions of the
    /// same figure by the same provider supersede each other by vintage.
    public var provider: String
    public var title: String?
    public var url: String?
    public var published: String?
    /// Whose statistics the figures are, when the provider quotes another's (see `SourceDraft`).
    public var compiler: String?
    public var status: FigureStatus
    /// The HS edition the product codes belong to (`HS 2017`), when the source says.
    public var edition: String?
    /// The vintage: when this figure entered the store.
    public var recordedAt: Date
    /// The file it was imported from.
    public var file: String

    /// Without the id: it is the store's key, numbered differently by each backend.
    enum CodingKeys: String, CodingKey {
        case kind, provider, title, url, published, file, compiler, status, edition
        case recordedAt = "recorded_at"
    }

    public init(
        id: Int64, kind: SourceKind, provider: String, title: String? = nil, url: String? = nil,
        published: String? = nil, compiler: String? = nil, status: FigureStatus = .outturn, edition: String? = nil, recordedAt: Date,
        file: String
    ) {
        self.id = id
        self.kind = kind
        self.provider = provider
        self.title = title
        self.url = url
        self.published = published
        self.compiler = compiler
        self.status = status
        self.edition = edition
        self.recordedAt = recordedAt
        self.file = file
    }
}

/// A stored figure with its source and the line of the file it was read from.
public struct RecordedObservation: Sendable, Hashable {
    public var observation: TradeObservation
    public var source: SourceRecord
    /// The line in `source.file`, or nil for a figure the importer derived (a BACI pair total).
    public var line: Int?

    public init(_ observation: TradeObservation, source: SourceRecord, line: Int?) {
        self.observation = observation
        self.source = source
        self.line = line
    }
}
