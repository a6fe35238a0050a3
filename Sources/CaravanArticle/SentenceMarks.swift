/// A sentence's tokens with the lexicon's phrases found in them, asked by family and place.
struct SentenceMarks: Sendable {
    let tokens: [Token]
    /// For each family (`flow`, `flow.export`), the longest of its phrases at each token where one starts.
    private let longestAt: [String: [Int: Mark]]
    /// The same marks in the order they stand: asked once per amount, so worked out once per sentence.
    private let ordered: [String: [Mark]]

    init(_ tokens: [Token], _ lexicon: Lexicon) {
        self.tokens = tokens
        var (longestAt, ordered): ([String: [Int: Mark]], [String: [Mark]]) = ([:], [:])
        for index in tokens.indices {
            var best: [String: Mark] = [:]
            for mark in lexicon.marks(tokens, at: index) {
                for family in mark.families where best[family].map({ $0.tokens.count < mark.tokens.count }) ?? true {
                    best[family] = mark
                }
            }
            for (family, mark) in best {
                longestAt[family, default: [:]][index] = mark
                ordered[family, default: []].append(mark)
            }
        }
        (self.longestAt, self.ordered) = (longestAt, ordered)
    }

    /// The longest phrase of `family` starting at token `index`.
    func longest(_ family: String, at index: Int) -> Mark? { longestAt[family]?[index] }

    /// Every phrase of `family`, the longest at each start.
    func all(_ family: String) -> [Mark] { ordered[family] ?? [] }

    /// True when a phrase of `family` stands anywhere in the sentence.
    func has(_ family: String) -> Bool { ordered[family] != nil }

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

    /// The bound the words just before token `index` set ("more than", "about", "sub-"), a dash, "at", "of" or
    /// "by" between allowed; exact when none.
    func bound(before index: Int) -> Bound {
        var end = index
        while end > 0, ["-", "at", "of", "by"].contains(tokens[end - 1].text) { end -= 1 }
        for start in stride(from: end - 1, through: max(0, end - 4), by: -1) {
            if let mark = longest("bound", at: start), mark.tokens.upperBound == end, let bound = Bound(rawValue: mark.value) { return bound }
        }
        return .exact
    }

    /// `NONOIL`, `AGRI` or `TOTAL`, by the words of the sentence.
    var commodity: String {
        if has("commodity.NONOIL") { return "NONOIL" }
        if has("commodity.AGRI") { return "AGRI" }
        return "TOTAL"
    }
}
