import Foundation

/// A number of things stated in a sentence, before it is placed: agreements, memoranda, documents, projects,
/// or tonnes of freight.
struct CountMention: Sendable {
    let tokens: Range<Int>
    let what: Counted
    let value: Decimal
    let bound: Bound
}

/// Finds counts: a number (with its scale, or in words) and, at most `gap` words on, what it counts ("over 20
/// bilateral agreements", "14 documents", "1.6 million tons of cargo", "подписано 14 документов"). Tonnes are
/// counted only in a sentence about freight ("cargo", "transit", "throughput"): tonnes of goods traded are not.
struct Counts: Sendable {
    let marks: SentenceMarks
    let language: String

    /// Words allowed between a number and what it counts ("20 bilateral agreements", "5 cooperation documents").
    static let gap = 2

    /// Every count whose number is not in `taken` (an amount of dollars, a period, a percentage).
    func read(outside taken: IndexSet) -> [CountMention] {
        var found: [CountMention] = []
        var index = 0
        while index < marks.tokens.count {
            if !taken.contains(index), let count = count(at: index) {
                found.append(count)
                index = count.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    private func count(at index: Int) -> CountMention? {
        guard marks.number(at: index) != nil || marks.longest("number", at: index) != nil else { return nil }
        let numberEnd = marks.longest("scale", at: index + 1)?.tokens.upperBound ?? index + 1
        var next = numberEnd
        while next < min(marks.tokens.count, numberEnd + Self.gap + 1) {
            if let mark = marks.longest("count", at: next), let what = Counted(rawValue: mark.value) {
                // The number is read only once what it counts is found: most numbers count nothing.
                guard what != .tonnes || marks.has("freight"), let (value, _) = number(at: index) else { return nil }
                return CountMention(tokens: index..<mark.tokens.upperBound, what: what, value: value, bound: marks.bound(before: index))
            }
            guard marks.tokens[next].kind == .word else { return nil }
            next += 1
        }
        return nil
    }

    /// A number with its scale ("1.6 million") or in words ("two"), and where it ends.
    private func number(at index: Int) -> (Decimal, Int)? {
        if let token = marks.number(at: index), let value = PublishedNumber.value(token.text, language: language) {
            guard let scale = marks.longest("scale", at: index + 1), let factor = Decimal(string: scale.value) else { return (value, index + 1) }
            return (value * factor, scale.tokens.upperBound)
        }
        guard let word = marks.longest("number", at: index), let value = Decimal(string: word.value) else { return nil }
        return (value, word.tokens.upperBound)
    }
}
