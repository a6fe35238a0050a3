/// A multimodal transport network as the network JSON describes it (PRODUCT.md): nodes, directed
/// or bidirectional links, the penalties of changing mode, named corridors, and the sources the
/// figures come from.
public struct Network: Sendable, Hashable, Codable {
    public var name: String
    public var nodes: [NetworkNode]
    public var links: [NetworkLink]
    public var transfers: [ModeTransfer]
    /// Named chains of links and nodes, such as a railway line, that flows and targets refer to.
    public var corridors: [Corridor]
    /// The documents the figures cite by id.
    public var sources: [NetworkSource]

    public init(
        name: String, nodes: [NetworkNode], links: [NetworkLink], transfers: [ModeTransfer] = [], corridors: [Corridor] = [],
        sources: [NetworkSource] = []
    ) {
        self.name = name
        self.nodes = nodes
        self.links = links
        self.transfers = transfers
        self.corridors = corridors
        self.sources = sources
    }

    /// The ids flows, targets and projects may name: nodes, links and corridors.
    public var elementIDs: Set<String> { Set(nodes.map(\.id) + links.map(\.id) + corridors.map(\.id)) }
}

/// A place freight passes: a city, station, port, border crossing or break-of-gauge point.
public struct NetworkNode: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// The place's name in other languages, by language code (`fa`, `ru`), for pages in them.
    public var names: [String: String]?
    /// ISO 3166 alpha-3.
    public var country: String?
    public var kind: String?
    public var lat: Double?
    public var lon: Double?
    /// Hours a consignment waits here when passing through (border checks, bogie exchange).
    public var dwellHours: Double?
    /// USD per tonne charged here when passing through.
    public var handlingUSDPerT: Double?
    /// Million tonnes a year the node can handle; nil for unlimited.
    public var capacityMt: Double?
    /// Where each figure comes from, by field name.
    public var evidence: [String: Evidence]?

    public init(
        id: String, name: String, country: String? = nil, kind: String? = nil, lat: Double? = nil, lon: Double? = nil,
        dwellHours: Double? = nil, handlingUSDPerT: Double? = nil, capacityMt: Double? = nil, evidence: [String: Evidence]? = nil
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.kind = kind
        self.lat = lat
        self.lon = lon
        self.dwellHours = dwellHours
        self.handlingUSDPerT = handlingUSDPerT
        self.capacityMt = capacityMt
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, name, country, kind, lat, lon, evidence
        case dwellHours = "dwell_hours"
        case handlingUSDPerT = "handling_usd_per_t"
        case capacityMt = "capacity_mt"
    }
}

/// A stretch of rail, road or sea between two nodes.
public struct NetworkLink: Sendable, Hashable, Codable {
    public var id: String
    public var from: String
    public var to: String
    public var mode: TransportMode
    public var lengthKm: Double?
    public var speedKmh: Double?
    /// Hours to travel the link; when absent, `lengthKm / speedKmh`.
    public var hours: Double?
    public var usdPerT: Double?
    /// Million tonnes a year; nil for unlimited.
    public var capacityMt: Double?
    /// True for two independent directed links with the same figures.
    public var bidirectional: Bool?
    public var evidence: [String: Evidence]?

    public init(
        id: String, from: String, to: String, mode: TransportMode, lengthKm: Double? = nil, speedKmh: Double? = nil,
        hours: Double? = nil, usdPerT: Double? = nil, capacityMt: Double? = nil, bidirectional: Bool? = nil,
        evidence: [String: Evidence]? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.mode = mode
        self.lengthKm = lengthKm
        self.speedKmh = speedKmh
        self.hours = hours
        self.usdPerT = usdPerT
        self.capacityMt = capacityMt
        self.bidirectional = bidirectional
        self.evidence = evidence
    }

    /// The time to travel the link: `hours`, else length over speed.
    public var travelHours: Double? {
        if let hours { return hours }
        guard let lengthKm, let speedKmh, speedKmh > 0 else { return nil }
        return lengthKm / speedKmh
    }

    enum CodingKeys: String, CodingKey {
        case id, from, to, mode, hours, bidirectional, evidence
        case lengthKm = "length_km"
        case speedKmh = "speed_kmh"
        case usdPerT = "usd_per_t"
        case capacityMt = "capacity_mt"
    }
}

/// The cost of changing from one mode to another at a node (transshipment).
public struct ModeTransfer: Sendable, Hashable, Codable {
    public var fromMode: TransportMode
    public var toMode: TransportMode
    public var hours: Double?
    public var usdPerT: Double?

    public init(fromMode: TransportMode, toMode: TransportMode, hours: Double? = nil, usdPerT: Double? = nil) {
        self.fromMode = fromMode
        self.toMode = toMode
        self.hours = hours
        self.usdPerT = usdPerT
    }

    enum CodingKeys: String, CodingKey {
        case hours
        case fromMode = "from_mode"
        case toMode = "to_mode"
        case usdPerT = "usd_per_t"
    }
}

/// A named chain of links and nodes: a railway line, a route of a corridor programme.
public struct Corridor: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// The corridor's name in other languages, by language code (`fa`, `ru`).
    public var names: [String: String]?
    /// Link and node ids, in order along the corridor.
    public var elements: [String]
    /// Million tonnes a year, when stated; else the least capacity of its elements.
    public var capacityMt: Double?

    public init(id: String, name: String, elements: [String], capacityMt: Double? = nil) {
        self.id = id
        self.name = name
        self.elements = elements
        self.capacityMt = capacityMt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, names, elements
        case capacityMt = "capacity_mt"
    }
}

/// A document figures are taken from.
public struct NetworkSource: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var url: String?
    public var published: String?

    public init(id: String, title: String, publisher: String? = nil, url: String? = nil, published: String? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.published = published
    }
}

/// Where one figure comes from: a source, or an estimate with its reasoning, and the values other
/// sources give.
public struct Evidence: Sendable, Hashable, Codable {
    /// The id of the source in the network's `sources`.
    public var source: String?
    public var note: String?
    /// True when no source gives the figure and it was estimated.
    public var estimate: Bool?
    /// How an estimate was made, in a line.
    public var reasoning: String?
    /// What other sources say, where they disagree.
    public var others: [OtherFigure]?

    public init(source: String? = nil, note: String? = nil, estimate: Bool? = nil, reasoning: String? = nil, others: [OtherFigure]? = nil) {
        self.source = source
        self.note = note
        self.estimate = estimate
        self.reasoning = reasoning
        self.others = others
    }
}

/// A value another source gives for the same figure.
public struct OtherFigure: Sendable, Hashable, Codable {
    public var value: Double
    public var source: String
    public var note: String?

    public init(value: Double, source: String, note: String? = nil) {
        self.value = value
        self.source = source
        self.note = note
    }
}

extension Network {
    /// The places a corridor runs between: the first and last node along its elements.
    public func ends(of corridor: String) -> (from: String, to: String)? {
        guard let elements = corridors.first(where: { $0.id == corridor })?.elements, let first = elements.first, let last = elements.last
        else { return nil }
        let start = links.first { $0.id == first }?.from ?? first
        let end = links.first { $0.id == last }?.to ?? last
        return start == end ? nil : (start, end)
    }
}
