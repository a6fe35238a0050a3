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

    /// The origin chain of a statement: its source's, and its quote, so that the same words elsewhere are its own.
    public func origin(of source: String, quote: String?) -> Origin {
        let quoted = Origin(names: [], quote: quote)
        return self.source(source).map { $0.chain.merging(quoted) } ?? quoted
    }

    /// A source as people name it: its publisher, else its title.
    public func name(of source: String) -> String {
        self.source(source).map { $0.publisher ?? $0.title } ?? source
    }
}

/// The partnership: two economies and the corridor that carries their trade.
public struct Partnership: Sendable, Hashable, Encodable {
    public var id: String
    public var title: String
    /// The title in other languages, by language code (`fa`, `ru`), for pages in them.
    public var titles: [String: String] = [:]
    /// ISO 3166 alpha-3 codes of the two economies.
    public var economies: [String]
    /// The network corridor (or link or node) whose freight the corridor test follows.
    public var corridor: String?

    enum CodingKeys: String, CodingKey { case id, title, economies, corridor }

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
    /// Whom it quotes: the compiler or first publisher of what it says.
    public var origin: [String]
    /// Whom it reprints: the outlets it carries the article of.
    public var via: [String]

    public init(
        id: String, title: String, publisher: String? = nil, published: String? = nil, url: String? = nil, origin: [String] = [],
        via: [String] = []
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.published = published
        self.url = url
        self.origin = origin
        self.via = via
    }

    /// Its origin chain: its publisher, whom it quotes and reprints, its address and title.
    public var chain: Origin {
        Origin(names: [publisher] + origin + via, url: url, title: title)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, publisher, published, url, origin, via
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(url, forKey: .url)
        if !origin.isEmpty { try container.encode(origin, forKey: .origin) }
        if !via.isEmpty { try container.encode(via, forKey: .via) }
    }
}

/// A network element a dossier names, and where: a document imported later may lack it.
public struct ElementReference: Sendable, Hashable, Encodable {
    /// Where in the dossier: `partnership.corridor`, `targets[t2].metric.element`, `projects[p1].effects[0].element`.
    public var path: String
    public var element: String
}

extension Dossier {
    /// Every network element the dossier names, in the order it names them.
    public var elementReferences: [ElementReference] {
        var found: [ElementReference] = []
        if let corridor = partnership.corridor { found.append(ElementReference(path: "partnership.corridor", element: corridor)) }
        for target in targets {
            if case .freight(let element) = target.metric {
                found.append(ElementReference(path: "targets[\(target.id)].metric.element", element: element))
            }
        }
        for claim in claims {
            if case .freight(let element) = claim.metric {
                found.append(ElementReference(path: "claims[\(claim.id)].metric.element", element: element))
            }
        }
        for project in projects {
            for (index, effect) in project.effects.enumerated() {
                found.append(ElementReference(path: "projects[\(project.id)].effects[\(index)].element", element: effect.element))
            }
        }
        return found
    }

    /// The references to elements `elements` lacks.
    public func missingElements(in elements: Set<String>) -> [ElementReference] {
        elementReferences.filter { !elements.contains($0.element) }
    }
}
