/// Where a batch of figures comes from, before it has an id in the store.
public struct SourceDraft: Sendable, Hashable {
    public var kind: SourceKind
    public var provider: String
    public var title: String?
    public var url: String?
    public var published: String?

    public init(kind: SourceKind, provider: String, title: String? = nil, url: String? = nil, published: String? = nil) {
        self.kind = kind
        self.provider = provider
        self.title = title
        self.url = url
        self.published = published
    }
}

/// A figure read from a file and about to be stored.
public struct StagedObservation: Sendable, Hashable {
    public var observation: TradeObservation
    /// The line it was read from; nil for a figure the importer derived.
    public var line: Int?
    /// Its source, as an index into the feed's `sources`.
    public var source: Int

    public init(_ observation: TradeObservation, line: Int?, source: Int) {
        self.observation = observation
        self.line = line
        self.source = source
    }
}
