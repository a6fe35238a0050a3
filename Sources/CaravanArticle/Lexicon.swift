import Foundation

/// The phrases of one language by what they mean (`flow.export`, `scale.1000000`…), read from a word file.
struct Lexicon: Sendable {
    /// A phrase as tokens; a word marked a stem matches any word that begins with it.
    struct Phrase: Sendable {
        let key: String
        let words: [String]
        let stems: [Bool]
    }

    /// Phrases by the first up-to-two characters of their first word, so a token meets only its candidates.
    private var byStart: [String: [Phrase]] = [:]
    /// Phrases that make a sentence with no digit worth reading: what a count counts ("two agreements"), a
    /// multiple in words ("doubled last year"); by start, as `byStart`.
    private var wordStatements: [String: [Phrase]] = [:]

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

    /// Adds one phrase; a `*` after a word makes it a stem ("взаимн* торгов*", "аналогичн* период* прошлого года").
    mutating func add(key: String, phrase: String) {
        var words: [String] = []
        var stems: [Bool] = []
        for token in Tokenizer.tokens(phrase.trimmingCharacters(in: .whitespaces)) {
            if token.text == "*", !words.isEmpty {
                stems[stems.count - 1] = true
            } else {
                words.append(token.text)
                stems.append(false)
            }
        }
        guard let first = words.first else { return }
        let phrase = Phrase(key: key, words: words, stems: stems)
        if key.hasPrefix("count.") || key.hasPrefix("ratio.") { wordStatements[String(first.prefix(2)), default: []].append(phrase) }
        byStart[String(first.prefix(2)), default: []].append(phrase)
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

    /// True when a sentence of no digit may still state something: a count in words or a multiple in words.
    func mayStateInWords(_ tokens: [Token]) -> Bool {
        tokens.indices.contains { index in
            let first = tokens[index].text
            return [String(first.prefix(1)), String(first.prefix(2))].contains { start in
                (wordStatements[start] ?? []).contains { matches($0, tokens, at: index) }
            }
        }
    }

    private func matches(_ phrase: Phrase, _ tokens: [Token], at index: Int) -> Bool {
        guard index + phrase.words.count <= tokens.count else { return false }
        for (offset, word) in phrase.words.enumerated() {
            let text = tokens[index + offset].text
            if phrase.stems[offset] ? !text.hasPrefix(word) : text != word { return false }
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
