import CaravanCheck
import Foundation

/// The article's text as read, each statement's sentence in a `<mark>` with a flag per statement
/// (`id="f1"`, its symbol and verdict in words), split on the server by the spans' Unicode-scalar
/// offsets and escaped piece by piece. Statements whose sentences overlap share one mark. The
/// text keeps its own digits and direction; each piece is isolated, so an override in it
/// (U+202E) cannot reorder what follows.
struct MarkedArticle {
    let check: ArticleCheck
    let marks: CheckVerdictMarks

    /// Statements whose spans overlap, with the span they cover together, in the text's order.
    struct Group {
        var span: Range<Int>
        var members: [(number: Int, statement: CheckedStatement)]
    }

    static func groups(_ found: [CheckedStatement], length: Int) -> [Group] {
        let numbered = found.enumerated().map { (number: $0.offset + 1, statement: $0.element) }
        let sorted = numbered.sorted { ($0.statement.finding.span.lowerBound, $0.number) < ($1.statement.finding.span.lowerBound, $1.number) }
        var groups: [Group] = []
        for member in sorted {
            let span = member.statement.finding.span.clamped(to: 0..<length)
            if var last = groups.last, span.lowerBound < last.span.upperBound || span == last.span {
                last.span = last.span.lowerBound..<max(last.span.upperBound, span.upperBound)
                last.members.append(member)
                groups[groups.count - 1] = last
            } else {
                groups.append(Group(span: span, members: [member]))
            }
        }
        return groups
    }

    var html: HTML {
        let scalars = Array(check.text.unicodeScalars)
        let piece = { (range: Range<Int>) -> HTML in
            range.isEmpty ? .empty : "<span>\(String(String.UnicodeScalarView(scalars[range])))</span>"
        }
        var body = HTML.empty
        var position = 0
        for group in Self.groups(check.found, length: scalars.count) {
            body += piece(position..<group.span.lowerBound)
            let verdicts = Set(group.members.map(\.statement.verdict)).sorted { $0.rawValue < $1.rawValue }
            let classes = verdicts.map { "v-\($0.rawValue)" }.joined(separator: " ")
            let ids = group.members.map(\.statement.id).joined(separator: " ")
            let flags = group.members.map { member -> HTML in
                marks.flag(member.statement, number: member.number, id: member.statement.id, href: "#statement-\(member.statement.id)")
            }
            body += "<mark class=\"\(classes)\" data-statements=\"\(ids)\">\(String(String.UnicodeScalarView(scalars[group.span])))\(flags)</mark>"
            position = group.span.upperBound
        }
        body += piece(position..<scalars.count)
        let language = check.article.language
        let direction = language == "fa" ? "rtl" : "ltr"
        return "<div class=\"article-text\" id=\"article-text\" lang=\"\(language)\" dir=\"\(direction)\">\(body)</div>"
    }
}
