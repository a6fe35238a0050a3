/// Where a batch of figures comes from, before it has an id in the store.
public struct SourceDraft: Sendable, Hashable {
    public var kind: SourceKind
    public var provider: String
    public var title: String?
    public var url: String?
    public var published: String?
    /// Whose statistics the figures are (a customs office, a statistics bureau) when the
    /// provider only quotes them; nil when the provider compiled them itself.
    public var compiler: String?
    /// What the source's figures are: outturns, bounds, plans or forecasts.
    public var status: FigureStatus
    /// The HS edition the figures' product codes belong to (`HS 2017`), when the source says.
    public var edition: String?

    public init(
        kind: SourceKind, provider: String, title: String? = nil, url: String? = nil, published: String? = nil, compiler: String? = nil,
        status: FigureStatus = .outturn, edition: String? = nil
    ) {
        self.kind = kind
        self.provider = provider
        self.title = title
        self.url = url
        self.published = published
        self.compiler = compiler
        self.status = status
        self.edition = edition
    }
}

/// A record read from a file and about to be stored: a trade figure, a freight flow.
public struct Staged<Record: Sendable & Hashable>: Sendable, Hashable {
    public var record: Record
    /// The line it was read from; nil for a record the importer derived.
    public var line: Int?
    /// Its source, as an index into the file's sources.
    public var source: Int

    public init(_ record: Record, line: Int?, source: Int) {
        self.record = record
        self.line = line
        self.source = source
    }
}

/// A trade figure read from a file and about to be stored.
public typealias StagedObservation = Staged<TradeObservation>

extension Staged where Record == TradeObservation {
    public var observation: TradeObservation {
        get { record }
        set { record = newValue }
    }
}
