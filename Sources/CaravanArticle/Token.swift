/// A word, a number or a sign of the text, normalized for matching, with where it stands.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, symbol }

    let kind: Kind
    /// Lower-cased, Arabic letters in their Persian forms, digits in ASCII.
    let text: String
    /// Offsets in Unicode scalars of the text read, end excluded.
    let start: Int
    let end: Int
    /// The parenthesis the token sits in (the offset of its opening), or -1 outside any.
    var group: Int = -1
}

/// Splits text into tokens: a run of letters, a run of digits with the separators between them, or one sign.
enum Tokenizer {
    /// Separators a number may hold between its digits: point, comma, Arabic decimal and thousands
    /// signs, no-break spaces and the apostrophe.
    static let numberSeparators: Set<UInt32> = [0x2E, 0x2C, 0x66B, 0x66C, 0xA0, 0x202F, 0x27]

    static func tokens(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        var opened: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar.isSpace || scalar.isInvisibleControl {
                index += 1
            } else if scalar.digitValue != nil {
                let end = numberEnd(scalars, from: index, limit: range.upperBound)
                tokens.append(Token(kind: .number, text: digits(scalars[index..<end]), start: index, end: end, group: opened.last ?? -1))
                index = end
            } else if isLetter(scalar) {
                var end = index + 1
                while end < range.upperBound, isLetter(scalars[end]) { end += 1 }
                tokens.append(Token(kind: .word, text: normalized(scalars[index..<end]), start: index, end: end, group: opened.last ?? -1))
                index = end
            } else {
                if scalar == ")" || scalar == "]" { _ = opened.popLast() }
                tokens.append(Token(kind: .symbol, text: symbol(scalar), start: index, end: index + 1, group: opened.last ?? -1))
                if scalar == "(" || scalar == "[" { opened.append(index) }
                index += 1
            }
        }
        return tokens
    }

    /// Tokens of a phrase from a word list, read as the text is.
    static func tokens(_ phrase: String) -> [Token] {
        let scalars = Array(phrase.unicodeScalars)
        return tokens(scalars, in: 0..<scalars.count)
    }

    private static func numberEnd(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> Int {
        var end = start
        while end < limit {
            if scalars[end].digitValue != nil {
                end += 1
            } else if numberSeparators.contains(scalars[end].value), end + 1 < limit, scalars[end + 1].digitValue != nil {
                end += 1
            } else {
                break
            }
        }
        return end
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? scalar.isLetter : (scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark) && scalar.digitValue == nil
    }

    /// Digits in ASCII and separators as written, so the number reader can tell decimals from thousands.
    private static func digits(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            if let digit = scalar.digitValue {
                text.append(Unicode.Scalar(UInt8(0x30 + digit)))
            } else {
                text.append(scalar)
            }
        }
        return String(text)
    }

    private static func symbol(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{2019}", "\u{2018}", "\u{02BC}": return "'"
        case "\u{2212}", "\u{2010}", "\u{2011}": return "-"
        default: return String(scalar)
        }
    }

    /// Lower case; Arabic letters as Persian writes them (ي ی, ك ک, أ إ آ ا, ة ه); vowel signs and
    /// the tatweel dropped; ё as е.
    static func normalized(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar.value {
            case 0x64A, 0x649: text.append("\u{6CC}")
            case 0x643: text.append("\u{6A9}")
            case 0x622, 0x623, 0x625: text.append("\u{627}")
            case 0x629: text.append("\u{647}")
            case 0x640, 0x64B...0x65F, 0x670: continue
            case 0x451: text.append("\u{435}")
            case 0x41...0x5A: text.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
            case 0x61...0x7A: text.append(scalar)
            default: text.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(text)
    }
}
