import Foundation

/// The phrases of one language by what they mean (`flow.export`, `scale.1000000`…), read from a word file.
struct Lexicon: Sendable {
    /// A phrase as tokens; with `stem`, its last word matches any word that begins with it.
    struct Phrase: Sendable {
        let key: String
        let words: [String]
        let stem: Bool
    }

    /// Phrases by the first up-to-two characters of their first word, so a token meets only its candidates.
    private var byStart: [String: [Phrase]] = [:]

    /// Reads `key = phrase, phrase` lines; `#` starts a comment.
    init(wordFile: String) {
        for line in wordFile.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            for phrase in line[line.index(after: equals)...].split(separator: ",") {
                add(key: key, phrase: String(phrase))
            }
        }
    }

    /// Adds one phrase; a trailing `*` makes its last word a stem.
    mutating func add(key: String, phrase: String) {
        let trimmed = phrase.trimmingCharacters(in: .whitespaces)
        let stem = trimmed.hasSuffix("*")
        let words = Tokenizer.tokens(stem ? String(trimmed.dropLast()) : trimmed).map(\.text)
        guard let first = words.first else { return }
        byStart[String(first.prefix(2)), default: []].append(Phrase(key: key, words: words, stem: stem))
    }

    /// Every phrase that starts at token `index`, as marks over the tokens it covers.
    func marks(_ tokens: [Token], at index: Int) -> [Mark] {
        let first = tokens[index].text
        var found: [Mark] = []
        for start in Set([String(first.prefix(1)), String(first.prefix(2))]) {
            for phrase in byStart[start] ?? [] where matches(phrase, tokens, at: index) {
                found.append(Mark(key: phrase.key, tokens: index..<(index + phrase.words.count)))
            }
        }
        return found
    }

    private func matches(_ phrase: Phrase, _ tokens: [Token], at index: Int) -> Bool {
        guard index + phrase.words.count <= tokens.count else { return false }
        for (offset, word) in phrase.words.enumerated() {
            let text = tokens[index + offset].text
            let last = offset == phrase.words.count - 1
            if last && phrase.stem ? !text.hasPrefix(word) : text != word { return false }
        }
        return true
    }
}

/// A phrase of the lexicon found in a sentence: what it means and the tokens it covers.
struct Mark: Sendable {
    let key: String
    let tokens: Range<Int>

    /// The part of the key after its family: `export` of `flow.export`, `1000000` of `scale.1000000`.
    var value: String { String(key.drop { $0 != "." }.dropFirst()) }

    func isA(_ family: String) -> Bool { key == family || key.hasPrefix(family + ".") }

    /// Every family the mark is of: `flow` and `flow.export` for `flow.export`.
    var families: [String] {
        key.indices.filter { key[$0] == "." }.map { String(key[..<$0]) } + [key]
    }
}
