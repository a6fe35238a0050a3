import CaravanCore

/// What was promised and claimed about a partnership, and what was agreed and built: the input
/// the scorecard judges against the ledger and the network.
public struct Dossier: Sendable, Hashable {
    public var partnership: Partnership
    public var sources: [DossierSource]
    public var targets: [Target]
    public var claims: [Claim]
    public var agreements: [Agreement]
    public var projects: [Project]

    public init(
        partnership: Partnership, sources: [DossierSource] = [], targets: [Target] = [], claims: [Claim] = [],
        agreements: [Agreement] = [], projects: [Project] = []
    ) {
        self.partnership = partnership
        self.sources = sources
        self.targets = targets
        self.claims = claims
        self.agreements = agreements
        self.projects = projects
    }

    /// The source with that id.
    public func source(_ id: String) -> DossierSource? { sources.first { $0.id == id } }
}

/// The partnership: two economies and the corridor that carries their trade.
public struct Partnership: Sendable, Hashable, Encodable {
    public var id: String
    public var title: String
    /// ISO 3166 alpha-3 codes of the two economies.
    public var economies: [String]
    /// The network corridor (or link or node) whose freight the corridor test follows.
    public var corridor: String?

    public init(id: String, title: String, economies: [String], corridor: String? = nil) {
        self.id = id
        self.title = title
        self.economies = economies
        self.corridor = corridor
    }
}

/// A document the dossier cites.
public struct DossierSource: Sendable, Hashable, Encodable {
    public var id: String
    public var title: String
    /// Who published it; a ledger figure whose provider is this publisher counts as this source's own.
    public var publisher: String?
    public var published: String?
    public var url: String?

    public init(id: String, title: String, publisher: String? = nil, published: String? = nil, url: String? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.published = published
        self.url = url
    }
}
