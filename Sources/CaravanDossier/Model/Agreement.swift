/// An agreement between the parties, and how far it has come.
public struct Agreement: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case announced, signed, ratified
        case inForce = "in_force"
        case implemented, lapsed
    }

    public var id: String
    public var title: String
    /// The title in other languages, by language code (`fa`, `ru`), for pages in them.
    public var titles: [String: String] = [:]
    public var parties: [String]
    /// The date signed, YYYY-MM-DD.
    public var signed: String?
    /// The date it entered into force, YYYY-MM-DD.
    public var inForce: String?
    public var domain: String
    public var status: Status
    /// How many documents the entry stands for, when it is a package signed together.
    public var count: Int
    public var source: String

    public init(
        id: String, title: String, parties: [String], signed: String? = nil, inForce: String? = nil, domain: String, status: Status,
        count: Int = 1, source: String
    ) {
        self.id = id
        self.title = title
        self.parties = parties
        self.signed = signed
        self.inForce = inForce
        self.domain = domain
        self.status = status
        self.count = count
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, title, parties, signed, domain, status, count, source
        case inForce = "in_force"
    }
}
