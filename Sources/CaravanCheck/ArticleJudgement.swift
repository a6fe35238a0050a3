import CaravanArticle
import CaravanCore
import CaravanDossier
import Foundation

/// An article judged as a dossier is: its statements put in the partnership's dossier in place of
/// the claims and targets there, with the article as their source, and the scorecard of that
/// dossier read back statement by statement. Pure: whoever holds the store gathers the input.
public struct ArticleJudgement: Sendable {
    public let article: Article
    public let about: ArticleCheck.About
    private let statements: [ArticleStatements.Statement]

    public init(_ article: Article, about: ArticleCheck.About) {
        self.article = article
        self.about = about
        statements = ArticleStatements(findings: article.findings).statements
    }

    /// The partnership's dossier with the article's claims and targets instead of its own: its
    /// agreements, projects and sources stay, for the counts and for telling origins apart.
    public func dossier(within stored: Dossier) -> Dossier {
        var dossier = stored
        dossier.sources.removeAll { $0.id == source.id }
        dossier.sources.append(source)
        dossier.claims = claims
        dossier.targets = targets
        return dossier
    }

    /// The article as a dossier's source: its publisher's figures are its own.
    public var source: DossierSource {
        DossierSource(
            id: ArticleStatements.source, title: about.source ?? about.url ?? "the article checked", publisher: about.source,
            published: about.published, url: about.url)
    }

    /// The article's pinned figures, growths and counts, as claims `f1`, `f2`, … by the order they were found.
    public var claims: [Claim] { statements.compactMap { if case .claim(let claim) = $0 { claim } else { nil } } }

    /// Its targets with a year.
    public var targets: [Target] { statements.compactMap { if case .target(let target) = $0 { target } else { nil } } }

    /// Each finding with its verdict, read from the scorecard of `dossier(within:)`.
    public func checked(by scorecard: Scorecard) -> ArticleCheck {
        let claims = Dictionary(scorecard.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let allTargets = scorecard.tests.trade.targets + scorecard.tests.corridor.targets + scorecard.tests.projects.targets
        let targets = Dictionary(allTargets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let utf16 = UTF16Offsets(article.text)
        let found = zip(article.findings, statements).enumerated().map { index, pair in
            let (finding, statement) = pair
            let id = "f\(index + 1)"
            var checked = CheckedStatement(
                id: id, finding: finding, spanUTF16: utf16.range(finding.span), verdict: .unpinned,
                reason: Phrase("claim.unjudged", "not judged"), expected: nil, computed: nil, basis: [], setAside: [])
            switch statement {
            case .unpinned(let why):
                checked.reason = why
            case .claim:
                guard let result = claims[id] else { break }
                checked.verdict = CheckVerdict(rawValue: result.verdict.rawValue) ?? .unverifiable
                checked.reason = result.reason
                checked.expected = result.expected
                checked.computed = result.computed
                checked.basis = result.basis + result.sides.flatMap(\.basis)
                checked.setAside = result.setAside
            case .target:
                guard let result = targets[id] else { break }
                checked.verdict = CheckVerdict(rawValue: result.status.rawValue) ?? .noData
                checked.reason = result.reason
                checked.expected =
                    Phrase("check.target", "{value} by the end of {year}", ["value": .usd(result.value), "year": .text("\(result.deadline)")])
                    .description
                checked.computed = result.latest?.value
                checked.basis = result.latest?.sources ?? []
            }
            return checked
        }
        return ArticleCheck(article: about, text: article.text, found: found)
    }
}

/// Unicode-scalar offsets of a text turned into UTF-16 ones, for pages that highlight in JavaScript.
struct UTF16Offsets {
    private var offsets: [Int]

    init(_ text: String) {
        var offsets = [0]
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        var position = 0
        for scalar in text.unicodeScalars {
            position += scalar.utf16.count
            offsets.append(position)
        }
        self.offsets = offsets
    }

    func range(_ scalars: Range<Int>) -> Range<Int> {
        let last = offsets.count - 1
        return offsets[min(scalars.lowerBound, last)]..<offsets[min(scalars.upperBound, last)]
    }
}
