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

/// A checkable statement found in an article.
public struct Finding: Sendable, Equatable {
    /// What kind of statement it is; only figures are read so far.
    public enum Kind: String, Sendable, Codable {
        case figure
    }

    public let kind: Kind
    /// The sentence that states it, exactly as it stands in `Article.text`.
    public let quote: String
    /// Where the sentence stands: offsets in Unicode scalars of `Article.text`, end excluded.
    public let span: Range<Int>
    /// Where the amount itself stands, in the same offsets.
    public let amountSpan: Range<Int>
    /// ISO alpha-3 codes or a bloc (`EAEU`); nil when neither the sentence nor the caller names one.
    public let reporter: String?
    public let partner: String?
    public let flow: TradeFlow
    /// `TOTAL`, `NONOIL` or `AGRI`.
    public let commodity: String
    /// The period in the ledger's syntax; nil when the sentence states none that can be pinned down.
    public let period: Period?
    public let valueUSD: Decimal
    public let bound: Bound
}
