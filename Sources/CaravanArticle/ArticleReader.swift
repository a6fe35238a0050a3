import CaravanCore
import Foundation

/// Reads an article for what it states: figures of trade between two economies for a period, targets, growths
/// and counts. Pure: it is given the text and returns what it found, with where each finding stands.
public struct ArticleReader: Sendable {
    public let words: ArticleWords

    /// A sentence longer than this many tokens is read in pieces, so no text makes the reading quadratic.
    static let longestSentence = 400

    public init(words: ArticleWords = .bundled) { self.words = words }

    /// - Parameters:
    ///   - published: the day the article appeared, against which "last year" and "this year" are resolved.
    ///   - pair: the economies the article is about (`("IRN", "KAZ")`), for sentences that name one side or none.
    ///   - calendar: the calendar the source counts "this year" and "last year" in when a sentence does not say:
    ///     `.solarHijri` for an Iranian agency writing in English. Nil or `.gregorian`: Gregorian, unless the
    ///     sentence is Persian or names the Iranian calendar.
    public func read(
        _ input: String, format: ArticleFormat = .text, published: Day? = nil, pair: (String, String)? = nil, calendar: CalendarSystem? = nil
    ) -> Article {
        let text = PlainText.of(input, format: format)
        let scalars = Array(text.unicodeScalars)
        let language = ArticleLanguage.of(scalars)
        var findings: [Finding] = []
        var context = ParagraphContext()
        var previousEnd = 0
        for sentence in Sentences.ranges(scalars) {
            // A blank line ends a paragraph, and what it stated with it, unless a list it heads goes on.
            if !context.listOpen, Self.blankLine(scalars, from: previousEnd, to: sentence.lowerBound) { context = ParagraphContext() }
            previousEnd = sentence.upperBound
            let tokens = Tokenizer.tokens(scalars, in: sentence)
            // Each sentence in its own language's words: a Russian paragraph quoted in an English article is read in Russian.
            let said = ArticleLanguage.of(scalars[sentence], otherwise: language)
            let lexicon = words.lexicon(said)
            // Most sentences state no number: they are passed over before most phrases are looked for.
            guard tokens.contains(where: { $0.kind == .number }) || lexicon.mayStateInWords(tokens) else {
                context.listOpen = tokens.last?.text == ":"
                continue
            }
            for piece in stride(from: 0, to: tokens.count, by: Self.longestSentence) {
                let part = Array(tokens[piece..<min(tokens.count, piece + Self.longestSentence)])
                let span = part.count == tokens.count ? sentence : (part[0].start..<part[part.count - 1].end)
                let reading = SentenceReading(
                    marks: SentenceMarks(part, lexicon), language: said, published: published, pair: pair, iranianSource: calendar == .solarHijri)
                let quote = scalars.text(span)
                findings += reading.read(&context).map { statement in
                    Finding(
                        kind: statement.kind, quote: quote, span: span,
                        amountSpan: part[statement.tokens.lowerBound].start..<part[statement.tokens.upperBound - 1].end,
                        reporter: statement.reporter, partner: statement.partner, flow: statement.flow, commodity: statement.commodity,
                        period: statement.period, valueUSD: statement.valueUSD, bound: statement.bound, year: statement.year,
                        pct: statement.pct, versus: statement.versus, what: statement.what, value: statement.value)
                }
            }
        }
        return Article(language: language, text: text, findings: findings)
    }

    /// True when two line breaks stand between `start` and `end` with only spaces between them.
    static func blankLine(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        var breaks = 0
        for index in start..<end where scalars[index] == "\n" || scalars[index] == "\u{2029}" {
            breaks += 1
            if breaks >= 2 { return true }
        }
        return false
    }
}
