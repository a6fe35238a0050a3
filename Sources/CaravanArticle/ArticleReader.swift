import CaravanCore
import Foundation

/// Reads an article for the figures it states: amounts of trade between two economies, for a period.
/// Pure: it is given the text and returns what it found, with where each finding stands.
public struct ArticleReader: Sendable {
    public let words: ArticleWords

    /// A sentence longer than this many tokens is read in pieces, so no text makes the reading quadratic.
    static let longestSentence = 400

    public init(words: ArticleWords = .bundled) { self.words = words }

    /// - Parameters:
    ///   - published: the day the article appeared, against which "last year" and "this year" are resolved.
    ///   - pair: the economies the article is about (`("IRN", "KAZ")`), for sentences that name one side or none.
    public func read(_ input: String, format: ArticleFormat = .text, published: Day? = nil, pair: (String, String)? = nil) -> Article {
        let text = PlainText.of(input, format: format)
        let scalars = Array(text.unicodeScalars)
        let language = ArticleLanguage.of(scalars)
        let lexicon = words.lexicon(language)
        var findings: [Finding] = []
        for sentence in Sentences.ranges(scalars) {
            let tokens = Tokenizer.tokens(scalars, in: sentence)
            for piece in stride(from: 0, to: tokens.count, by: Self.longestSentence) {
                let part = Array(tokens[piece..<min(tokens.count, piece + Self.longestSentence)])
                let span = part.count == tokens.count ? sentence : (part[0].start..<part[part.count - 1].end)
                findings += figures(part, span: span, in: scalars, lexicon: lexicon, language: language, published: published, pair: pair)
            }
        }
        return Article(language: language, text: text, findings: findings)
    }

    private func figures(
        _ tokens: [Token], span: Range<Int>, in scalars: [Unicode.Scalar], lexicon: Lexicon, language: String, published: Day?,
        pair: (String, String)?
    ) -> [Finding] {
        // Most sentences state no amount: they are passed over before any phrase is looked for.
        guard tokens.contains(where: { $0.kind == .number }) else { return [] }
        let marks = SentenceMarks(tokens, lexicon)
        let amounts = Amounts.read(marks, language: language)
        guard !amounts.isEmpty else { return [] }
        let periods = PeriodMentions(marks: marks, published: published, iranian: language == "fa" || marks.has("iranian")).read()
        let quote = scalars.text(span)
        return Figures(marks: marks, periods: periods, pair: pair).read(amounts).map { figure in
            Finding(
                kind: .figure, quote: quote, span: span,
                amountSpan: tokens[figure.amount.tokens.lowerBound].start..<tokens[figure.amount.tokens.upperBound - 1].end,
                reporter: figure.reporter, partner: figure.partner, flow: figure.flow, commodity: figure.commodity,
                period: figure.period?.period, valueUSD: figure.amount.value, bound: figure.bound)
        }
    }
}
