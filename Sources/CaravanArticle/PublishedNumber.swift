import Foundation

/// A number as a language prints it, read: "516.3", "1,2" (a Russian decimal comma), "420,489" (thousands),
/// "۳۲۰", "1 200" with a no-break space.
enum PublishedNumber {
    /// More digits than this is no amount of trade, and more than a decimal holds exactly.
    static let longest = 18
    /// Made once: a locale made for every number was much of the time a text dense with numbers took.
    static let posix = Locale(identifier: "en_US_POSIX")

    static func value(_ text: String, language: String) -> Decimal? {
        var groups: [String] = [""]
        var separators: [Character] = []
        for character in text {
            if character.isASCII && character.isNumber {
                groups[groups.count - 1].append(character)
            } else {
                separators.append(character)
                groups.append("")
            }
        }
        guard groups.joined().count <= longest, let last = groups.last else { return nil }
        let decimal = decimalSeparator(separators, lastGroup: last, language: language)
        var plain = ""
        for (index, group) in groups.enumerated() {
            if index > 0 && index == groups.count - 1 && decimal { plain.append(".") }
            plain += group
        }
        return Decimal(string: plain, locale: posix)
    }

    /// True when the last separator marks decimals rather than thousands.
    private static func decimalSeparator(_ separators: [Character], lastGroup: String, language: String) -> Bool {
        guard let last = separators.last else { return false }
        switch last {
        case "\u{66B}": return true
        case "\u{66C}", "\u{A0}", "\u{202F}", "'": return false
        default: break
        }
        // Two of the same sign are thousands (1,234,567); a different sign before the last makes it decimal.
        if separators.filter({ $0 == last }).count > 1 { return false }
        if separators.count > 1 { return true }
        if last == "," { return lastGroup.count != 3 || language != "en" }
        return true
    }
}
