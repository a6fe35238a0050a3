/// A sentence's tokens with the lexicon's phrases found in them, asked by family and place.
struct SentenceMarks: Sendable {
    let tokens: [Token]
    /// The marks that start at each token.
    private let starting: [[Mark]]

    init(_ tokens: [Token], _ lexicon: Lexicon) {
        self.tokens = tokens
        starting = tokens.indices.map { lexicon.marks(tokens, at: $0) }
    }

    /// The longest phrase of `family` starting at token `index`.
    func longest(_ family: String, at index: Int) -> Mark? {
        guard index >= 0, index < starting.count else { return nil }
        return starting[index].filter { $0.isA(family) }.max { $0.tokens.count < $1.tokens.count }
    }

    /// Every phrase of `family`, the longest at each start.
    func all(_ family: String) -> [Mark] {
        tokens.indices.compactMap { longest(family, at: $0) }
    }

    /// True when a phrase of `family` stands anywhere in the sentence.
    func has(_ family: String) -> Bool { starting.contains { $0.contains { $0.isA(family) } } }

    /// The token at `index` when it is a number.
    func number(at index: Int) -> Token? {
        index >= 0 && index < tokens.count && tokens[index].kind == .number ? tokens[index] : nil
    }

    /// The first token from `index` that is not a filler of `family`, skipping at most `limit`.
    func skipping(_ family: String, from index: Int, limit: Int) -> Int {
        var next = index
        while next - index < limit, let filler = longest(family, at: next) { next = filler.tokens.upperBound }
        return next
    }
}
