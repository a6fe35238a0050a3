import CaravanCore

/// A port, line or corridor project: what it changes in the network, what it costs, who pays,
/// and how far it has come.
public struct Project: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case proposed, agreed, funded
        case underConstruction = "under_construction"
        case operational, stalled, cancelled
    }

    public var id: String
    public var title: String
    /// The title in other languages, by language code (`fa`, `ru`), for pages in them.
    public var titles: [String: String] = [:]
    public var kind: String
    public var countries: [String]
    /// How the project changes network elements once complete.
    public var effects: [ProjectEffect]
    public var budgetUSD: Double?
    public var funding: [FundingEvent]
    public var milestones: [Milestone]
    public var status: Status
    /// The year the project is (or was) complete; its effects count from then.
    public var completionYear: Int?
    public var source: String

    public init(
        id: String, title: String, kind: String, countries: [String], effects: [ProjectEffect] = [], budgetUSD: Double? = nil,
        funding: [FundingEvent] = [], milestones: [Milestone] = [], status: Status, completionYear: Int? = nil, source: String
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.countries = countries
        self.effects = effects
        self.budgetUSD = budgetUSD
        self.funding = funding
        self.milestones = milestones
        self.status = status
        self.completionYear = completionYear
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, title, kind, countries, effects, funding, milestones, status, source
        case budgetUSD = "budget_usd"
        case completionYear = "completion_year"
    }
}

/// A change a project makes to a link or node: a figure set to a value, or raised by an amount.
public struct ProjectEffect: Sendable, Hashable, Encodable {
    public enum Figure: String, Sendable, Hashable, Codable, CaseIterable {
        case capacityMt = "capacity_mt"
        case hours
        case usdPerT = "usd_per_t"
        case dwellHours = "dwell_hours"

        /// The values the figure may be set to (`Plausible`'s).
        public var plausible: ClosedRange<Double> {
            switch self {
            case .capacityMt: Plausible.capacityMt
            case .hours, .dwellHours: Plausible.hours
            case .usdPerT: Plausible.usdPerTonne
            }
        }
    }

    public enum Change: String, Sendable, Hashable, Encodable {
        case set, add
    }

    public var element: String
    public var figure: Figure
    public var change: Change
    public var amount: Double

    public init(element: String, figure: Figure, change: Change, amount: Double) {
        self.element = element
        self.figure = figure
        self.change = change
        self.amount = amount
    }
}

/// Money a funder committed or paid out.
public struct FundingEvent: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Encodable, CaseIterable {
        case commitment, disbursement
    }

    public var funder: String
    public var kind: Kind
    public var amountUSD: Double
    public var date: String?
    public var source: String

    public init(funder: String, kind: Kind, amountUSD: Double, date: String? = nil, source: String) {
        self.funder = funder
        self.kind = kind
        self.amountUSD = amountUSD
        self.date = date
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case funder, kind, date, source
        case amountUSD = "amount_usd"
    }
}

/// A step of a project, planned and as it happened.
public struct Milestone: Sendable, Hashable, Encodable {
    public var name: String
    public var planned: String?
    public var actual: String?
    public var source: String?

    public init(name: String, planned: String? = nil, actual: String? = nil, source: String? = nil) {
        self.name = name
        self.planned = planned
        self.actual = actual
        self.source = source
    }
}
