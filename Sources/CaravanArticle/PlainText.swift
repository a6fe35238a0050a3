import Foundation

/// An article's markup turned into the text that is read: HTML tags dropped (scripts and styles with
/// their content), entities decoded, block ends kept as line breaks; Markdown's marks and link targets dropped.
enum PlainText {
    static func of(_ input: String, format: ArticleFormat) -> String {
        switch format {
        case .text: return input
        case .markdown: return markdown(input)
        case .html: return html(input)
        }
    }

    /// Headings' hashes, emphasis marks and link targets go; the words stay where they were.
    static func markdown(_ input: String) -> String {
        var lines: [String] = []
        for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = Substring(line)
            while text.first == "#" || text.first == ">" { text = text.dropFirst() }
            lines.append(linksAsText(String(text)).filter { $0 != "*" && $0 != "`" })
        }
        return lines.joined(separator: "\n")
    }

    /// `[words](target)` as `words`.
    private static func linksAsText(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") {
            out += rest[..<close.lowerBound].replacingOccurrences(of: "[", with: "")
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    static let blockTags: Set<String> = ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "article"]

    /// Tags dropped, `<script>` and `<style>` with what they hold, entities decoded.
    static func html(_ input: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(input.unicodeScalars)
        var index = 0
        // The next ">" from where the reading stands, found by one pass forward, so a text of "<" stays linear.
        var nextClose = -1
        while index < scalars.count {
            if nextClose < index { nextClose = scalars[index...].firstIndex(of: ">") ?? scalars.count }
            // A tag is short: a "<" with no ">" near it is text.
            if scalars[index] == "<", nextClose < scalars.count, nextClose - index < 2_000 {
                let close = nextClose
                let name = tagName(scalars[(index + 1)..<close])
                index = close + 1
                if name == "script" || name == "style" { index = after(closing: name, in: scalars, from: index) }
                if blockTags.contains(name.hasPrefix("/") ? String(name.dropFirst()) : name) { out.append("\n") }
            } else if scalars[index] == "&", let (decoded, length) = HTMLEntity.decode(scalars, at: index) {
                out.append(contentsOf: decoded.unicodeScalars)
                index += length
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    private static func tagName(_ inside: ArraySlice<Unicode.Scalar>) -> String {
        var name = String.UnicodeScalarView()
        for scalar in inside {
            if scalar == " " || scalar == ">" || scalar == "\n" || scalar == "\t" || (scalar == "/" && !name.isEmpty) { break }
            name.append(scalar)
        }
        return String(name).lowercased()
    }

    /// The offset after `</name>`, or the end of the text when it never closes.
    private static func after(closing name: String, in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let closing = Array("</\(name)".unicodeScalars)
        var index = start
        while index + closing.count <= scalars.count {
            if scalars[index] == "<", String(String.UnicodeScalarView(scalars[index..<(index + closing.count)])).lowercased() == "</\(name)" {
                return scalars[index...].firstIndex(of: ">").map { $0 + 1 } ?? scalars.count
            }
            index += 1
        }
        return scalars.count
    }
}
