import CaravanCore

/// What a target or a claim measures.
public enum Metric: Sendable, Hashable {
    /// A trade flow between two economies, in USD.
    case trade(TradeQuery)
    /// Tonnes carried through a corridor, link or node of the network.
    case freight(element: String)
    /// USD committed to a set of projects.
    case funding(projects: [String])
    /// How many agreements were signed (a package of documents counts as its size).
    case agreements
    /// The share of a reporter's tariff lines, or of a partner's trade in them, that a
    /// preferential regime liberalized, in percent.
    case tariffCoverage(TariffShare)
    /// A statement the ledger does not measure; a claim of it stays unverifiable.
    case statement(String)

    /// The metric's kind, as the dossier writes it.
    public var kind: String {
        switch self {
        case .trade: "trade"
        case .freight: "freight"
        case .funding: "funding"
        case .agreements: "agreements"
        case .tariffCoverage: "tariff_coverage"
        case .statement: "statement"
        }
    }

    /// The values a target or claim of this metric may state.
    public var plausible: ClosedRange<Double> {
        switch self {
        case .trade, .funding: Plausible.valueUSD
        case .freight: Plausible.tonnes
        case .tariffCoverage: Plausible.percent
        case .agreements: Plausible.count
        case .statement: Plausible.valueUSD
        }
    }

    /// The unit its values are in.
    public var unit: String {
        switch self {
        case .trade, .funding: "USD"
        case .freight: "t"
        case .tariffCoverage: "%"
        case .agreements, .statement: ""
        }
    }
}

/// Which tariff coverage a metric reads: of a reporter's schedule for a partner or regime.
public struct TariffShare: Sendable, Hashable {
    public enum Of: String, Sendable, Hashable, CaseIterable {
        /// The share of tariff lines liberalized.
        case lines
        /// The share of the partner's trade that falls in liberalized lines.
        case trade
    }

    public var reporter: String
    public var partner: String
    /// The schedule's regime column, when it is not the partner's code.
    public var regime: String?
    public var of: Of

    public init(reporter: String, partner: String, regime: String? = nil, of: Of) {
        self.reporter = reporter
        self.partner = partner
        self.regime = regime
        self.of = of
    }
}

/// A level to reach by a year.
public struct Target: Sendable, Hashable {
    public var id: String
    public var title: String?
    /// The title in other languages, by language code (`fa`, `ru`), for pages in them.
    public var titles: [String: String] = [:]
    public var metric: Metric
    public var value: Double
    /// The year by whose end the value is to be reached.
    public var deadline: Int
    /// True when the source gave no date and the deadline is the dossier's assumption.
    public var assumed: Bool
    /// Why the deadline was assumed, when it was.
    public var assumption: String?
    public var source: String
    public var quote: String?

    public init(
        id: String, title: String? = nil, metric: Metric, value: Double, deadline: Int, assumed: Bool = false, assumption: String? = nil,
        source: String, quote: String? = nil
    ) {
        self.id = id
        self.title = title
        self.metric = metric
        self.value = value
        self.deadline = deadline
        self.assumed = assumed
        self.assumption = assumption
        self.source = source
        self.quote = quote
    }
}

/// A published statement turned into something the data can confirm or refute.
public struct Claim: Sendable, Hashable {
    public var id: String
    public var source: String
    public var quote: String
    public var metric: Metric
    public var period: Period
    public var expectation: ClaimExpectation

    public init(id: String, source: String, quote: String, metric: Metric, period: Period, expectation: ClaimExpectation) {
        self.id = id
        self.source = source
        self.quote = quote
        self.metric = metric
        self.period = period
        self.expectation = expectation
    }
}

/// What a claim says of its metric over its period.
public enum ClaimExpectation: Sendable, Hashable {
    /// About this value, within `tolerancePct` percent of it.
    case value(Double, tolerancePct: Double)
    /// A change of `percent` against `versus`, within `tolerancePoints` percentage points.
    case change(percent: Double, versus: Period, tolerancePoints: Double)
    /// This multiple of the value over `versus` ("nearly double": 2), within `tolerance`.
    case ratio(Double, versus: Period, tolerance: Double)
    /// Below this value ("sub-$400 million").
    case below(Double)
    /// Above this value ("over 20 agreements").
    case above(Double)
}

extension ClaimExpectation {
    /// The base period a change or a multiple is stated against.
    public var versus: Period? {
        switch self {
        case .change(_, let versus, _), .ratio(_, let versus, _): versus
        case .value, .below, .above: nil
        }
    }
}

extension Metric: CustomStringConvertible, Encodable {
    /// The metric in words: `KAZ–IRN turnover, TOTAL`, `freight through kti`.
    public var description: String {
        switch self {
        case .trade(let query): "\(query.reporter)–\(query.partner) \(query.flow.rawValue), \(query.commodity)"
        case .freight(let element): "freight through \(element)"
        case .funding(let projects): "funding committed to \(projects.joined(separator: ", "))"
        case .agreements: "agreements signed"
        case .tariffCoverage(let share):
            "share of \(share.reporter)'s \(share.of == .lines ? "tariff lines" : "imports from \(share.partner)") liberalized for \(share.regime ?? share.partner)"
        case .statement(let text): text
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .trade(let query):
            try container.encode(query.reporter, forKey: .reporter)
            try container.encode(query.partner, forKey: .partner)
            try container.encode(query.flow, forKey: .flow)
            try container.encode(query.commodity, forKey: .commodity)
        case .freight(let element): try container.encode(element, forKey: .element)
        case .funding(let projects): try container.encode(projects, forKey: .projects)
        case .agreements: break
        case .tariffCoverage(let share):
            try container.encode(share.reporter, forKey: .reporter)
            try container.encode(share.partner, forKey: .partner)
            try container.encodeIfPresent(share.regime, forKey: .regime)
            try container.encode(share.of.rawValue, forKey: .share)
        case .statement(let text): try container.encode(text, forKey: .statement)
        }
    }

    private enum Keys: String, CodingKey {
        case kind, reporter, partner, flow, commodity, element, projects, statement, regime, share
    }
}

extension ClaimExpectation: CustomStringConvertible, Encodable {
    /// The expectation in words, its values as bare numbers: `about 340,000,000 (±5.0%)`.
    public var description: String { phrase { .whole($0) }.english }

    /// The expectation in words, its values in the metric's unit: `about $340M (±5.0%)`, `above 20 agreements`.
    public func phrase(_ metric: Metric) -> Phrase { phrase(metric.amount) }

    private func phrase(_ amount: (Double) -> Phrase.Value) -> Phrase {
        switch self {
        case .value(let value, let tolerance):
            Phrase("expect.value", "about {value} (±{tolerance}%)", ["value": amount(value), "tolerance": .number(tolerance, decimals: 1)])
        case .change(let percent, let versus, let tolerance):
            Phrase(
                "expect.change", "{change} on {versus} (±{tolerance} points)",
                ["change": .change(percent), "versus": .period(versus), "tolerance": .number(tolerance, decimals: 1)])
        case .ratio(let ratio, let versus, let tolerance):
            Phrase(
                "expect.ratio", "{ratio}× {versus} (±{tolerance})",
                ["ratio": .number(ratio, decimals: 2), "versus": .period(versus), "tolerance": .number(tolerance, decimals: 2)])
        case .below(let bound): Phrase("expect.below", "below {bound}", ["bound": amount(bound)])
        case .above(let bound): Phrase("expect.above", "above {bound}", ["bound": amount(bound)])
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .value(let value, let tolerance):
            try container.encode("value", forKey: .kind)
            try container.encode(value, forKey: .value)
            try container.encode(tolerance, forKey: .tolerancePct)
        case .change(let percent, let versus, let tolerance):
            try container.encode("change", forKey: .kind)
            try container.encode(percent, forKey: .percent)
            try container.encode(versus, forKey: .versus)
            try container.encode(tolerance, forKey: .tolerancePoints)
        case .ratio(let ratio, let versus, let tolerance):
            try container.encode("ratio", forKey: .kind)
            try container.encode(ratio, forKey: .ratio)
            try container.encode(versus, forKey: .versus)
            try container.encode(tolerance, forKey: .tolerance)
        case .below(let bound):
            try container.encode("below", forKey: .kind)
            try container.encode(bound, forKey: .value)
        case .above(let bound):
            try container.encode("above", forKey: .kind)
            try container.encode(bound, forKey: .value)
        }
    }

    private enum Keys: String, CodingKey {
        case kind, value, percent, versus, ratio, tolerance
        case tolerancePct = "tolerance_pct"
        case tolerancePoints = "tolerance_points"
    }
}
