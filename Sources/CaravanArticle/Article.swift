import CaravanCore
import Foundation

/// An article as read: its language, its text with the markup dropped, and what it states.
public struct Article: Sendable {
    /// `en`, `ru` or `fa`, by the script most of its letters are written in.
    public let language: String
    /// The text as read: markup dropped, entities decoded. Every span indexes this text.
    public let text: String
    public let findings: [Finding]
}

/// How an article's text is marked up.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text, markdown, html
}

/// How a stated amount relates to the true one: "more than", "under", "about", or as stated.
public enum Bound: String, Sendable, Codable {
    case above, below, about, exact
}

/// What a count counts.
public enum Counted: String, Sendable, Codable, CaseIterable {
    case agreements, memoranda, documents, tonnes, projects
}

/// A checkable statement found in an article.
public struct Finding: Sendable, Equatable {
    /// What kind of statement it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An amount of trade over a period: "trade reached $340 million in 2024".
        case figure
        /// An amount of trade to be reached, by a year or with none stated: "to raise trade to $3 billion";
        /// or tonnes of freight to be reached ("throughput objectives of 15 million tons by 2027"), in `what` and `value`.
        case target
        /// A change of trade between two periods: "up 12.3% on 2023", "nearly doubled", "1.8 times".
        case growth
        /// A number of agreements, memoranda, documents or projects, or tonnes of freight.
        case count
    }

    public let kind: Kind
    /// The sentence that states it, exactly as it stands in `Article.text`.
    public let quote: String
    /// Where the sentence stands: offsets in Unicode scalars of `Article.text`, end excluded.
    public let span: Range<Int>
    /// Where the amount, percentage or number itself stands, in the same offsets.
    public let amountSpan: Range<Int>
    /// ISO alpha-3 codes or a bloc (`EAEU`); nil when neither the sentence nor the caller names one.
    public let reporter: String?
    public let partner: String?
    /// The flow of trade a figure, target or growth is of; nil for a count and a target of tonnes, and for a
    /// figure whose flow the text does not state (a row of a list read with no heading: "Kazakhstan with … worth $78.42 million").
    public let flow: TradeFlow?
    /// `TOTAL`, `NONOIL`, `AGRI` or an HS code; nil for a count.
    public let commodity: String?
    /// The period in the ledger's syntax: a figure's or count's, the later one a growth compares;
    /// nil when the sentence states none that can be pinned down, and for a target.
    public let period: Period?
    /// A figure's or target's amount in US dollars.
    public let valueUSD: Decimal?
    public let bound: Bound
    /// The year by whose end a target is to be reached; nil when it states none.
    public let year: Int?
    /// A growth as a change in percent: "up 12.3%" 12.3, "down 5.4%" −5.4, "doubled" 100, "1.8 times" 80.
    public let pct: Decimal?
    /// The period a growth compares against, when stated or implied ("year on year"); nil when not.
    public let versus: Period?
    /// What a count (or a target of tonnes) counts, and how many.
    public let what: Counted?
    public let value: Decimal?

    public init(
        kind: Kind, quote: String, span: Range<Int>, amountSpan: Range<Int>, reporter: String?, partner: String?, flow: TradeFlow?,
        commodity: String?, period: Period?, valueUSD: Decimal?, bound: Bound, year: Int? = nil, pct: Decimal? = nil, versus: Period? = nil,
        what: Counted? = nil, value: Decimal? = nil
    ) {
        self.kind = kind
        self.quote = quote
        self.span = span
        self.amountSpan = amountSpan
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
        self.period = period
        self.valueUSD = valueUSD
        self.bound = bound
        self.year = year
        self.pct = pct
        self.versus = versus
        self.what = what
        self.value = value
    }
}
