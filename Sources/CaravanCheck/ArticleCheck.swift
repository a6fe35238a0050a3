import CaravanArticle
import CaravanCore
import CaravanDossier
import Foundation

/// An article checked: what it states, each statement judged against the ledger and the network
/// by the rules of a dossier claim (docs/check.md).
public struct ArticleCheck: Sendable, Encodable {
    /// The article as given and as read.
    public struct About: Sendable, Encodable {
        /// The day it appeared, `YYYY-MM-DD`, against which "last year" was read.
        public var published: String?
        /// `en`, `ru` or `fa`.
        public var language: String
        /// Who published it: its own figures in the ledger are set aside, never what confirms it.
        public var source: String?
        public var url: String?
        /// The partnership whose pair fills a side a sentence leaves out, and whose dossier's agreements counts are judged on.
        public var partnership: String
        public var format: String

        public init(published: String?, language: String, source: String?, url: String?, partnership: String, format: String) {
            (self.published, self.language, self.source, self.url, self.partnership, self.format) =
                (published, language, source, url, partnership, format)
        }
    }

    public var article: About
    /// The text as read, which every span indexes.
    public var text: String
    public var found: [CheckedStatement]

    enum CodingKeys: String, CodingKey { case article, found }
}

/// How a statement stands: a claim's verdict, a target's status, or `unpinned` when the text leaves
/// its pair, period or year open.
public enum CheckVerdict: String, Sendable, Encodable, CaseIterable {
    case consistent, inconsistent, contested, unverifiable
    case met
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case offTrack = "off_track"
    case noData = "no_data"
    case unpinned
}

/// One statement of an article, as found and as judged.
public struct CheckedStatement: Sendable, Encodable {
    /// `f1`, `f2`, … in the article's order: the claim's or target's id in an emitted dossier.
    public var id: String
    public var finding: Finding
    /// The span in UTF-16 code units, for a page's JavaScript.
    public var spanUTF16: Range<Int>
    public var verdict: CheckVerdict
    public var reason: Phrase
    /// What it was judged against, in words: "within 5% of 340,000,000".
    public var expected: String?
    /// What the figures give, in the expectation's terms.
    public var computed: Double?
    public var basis: [Provenance]
    /// The article's own figures, set aside.
    public var setAside: [Provenance]

    enum CodingKeys: String, CodingKey {
        case id, kind, quote, span, reporter, partner, flow, commodity, period, bound, year, pct, versus, what, value, verdict, reason,
            expected, computed, basis
        case spanUTF16 = "span_utf16"
        case valueUSD = "value_usd"
        case setAside = "set_aside"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(finding.kind, forKey: .kind)
        try container.encode(finding.quote, forKey: .quote)
        try container.encode([finding.span.lowerBound, finding.span.upperBound], forKey: .span)
        try container.encode([spanUTF16.lowerBound, spanUTF16.upperBound], forKey: .spanUTF16)
        try container.encode(finding.reporter, forKey: .reporter)
        try container.encode(finding.partner, forKey: .partner)
        try container.encode(finding.flow?.rawValue, forKey: .flow)
        try container.encode(finding.commodity, forKey: .commodity)
        try container.encode(finding.period?.description, forKey: .period)
        try container.encode(finding.valueUSD, forKey: .valueUSD)
        try container.encode(finding.bound, forKey: .bound)
        try container.encode(finding.year, forKey: .year)
        try container.encode(finding.pct, forKey: .pct)
        try container.encode(finding.versus?.description, forKey: .versus)
        try container.encode(finding.what, forKey: .what)
        try container.encode(finding.value, forKey: .value)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(reason, forKey: .reason)
        try container.encode(expected, forKey: .expected)
        try container.encode(computed, forKey: .computed)
        try container.encode(basis, forKey: .basis)
        try container.encode(setAside, forKey: .setAside)
    }
}
