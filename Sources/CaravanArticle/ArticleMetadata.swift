import Foundation

/// What a page says of itself in its head: the day it appeared, who published it and its address
/// (Open Graph, `article:published_time`, JSON-LD `datePublished`, `<time datetime>`, the canonical
/// link). Read from the first 256 KB only, where a head is.
public struct ArticleMetadata: Sendable, Equatable {
    /// The day, `YYYY-MM-DD`, as the page states it.
    public var published: String?
    public var source: String?
    public var url: String?

    static let headLimit = 256 * 1024

    public init(published: String? = nil, source: String? = nil, url: String? = nil) {
        (self.published, self.source, self.url) = (published, source, url)
    }

    public static func of(html: String) -> ArticleMetadata {
        let head = String(html.utf8.prefix(headLimit)) ?? String(decoding: Array(html.utf8.prefix(headLimit)), as: UTF8.self)
        let published =
            meta(head, "article:published_time") ?? meta(head, "datePublished") ?? meta(head, "date") ?? meta(head, "pubdate")
            ?? jsonValue(head, "datePublished") ?? attribute(head, tag: "time", name: "datetime")
        return ArticleMetadata(
            published: published.flatMap(day),
            source: meta(head, "og:site_name").map { PlainText.html($0).trimmingCharacters(in: .whitespacesAndNewlines) },
            url: meta(head, "og:url") ?? link(head, rel: "canonical"))
    }

    /// The `content` of a `<meta>` whose `property`, `name` or `itemprop` is `key`.
    private static func meta(_ head: String, _ key: String) -> String? {
        for tag in tags(head, "meta") {
            let named = ["property", "name", "itemprop"].contains { value(of: $0, in: tag)?.lowercased() == key.lowercased() }
            if named, let content = value(of: "content", in: tag), !content.isEmpty { return content }
        }
        return nil
    }

    private static func link(_ head: String, rel: String) -> String? {
        tags(head, "link").first { value(of: "rel", in: $0)?.lowercased() == rel }.flatMap { value(of: "href", in: $0) }
    }

    private static func attribute(_ head: String, tag name: String, name attribute: String) -> String? {
        tags(head, name).lazy.compactMap { value(of: attribute, in: $0) }.first
    }

    /// `"key": "value"` in a JSON-LD block, as pages write it.
    private static func jsonValue(_ head: String, _ key: String) -> String? {
        guard let range = head.range(of: "\"\(key)\"") else { return nil }
        let rest = head[range.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\t" }
        guard rest.first == "\"" else { return nil }
        return String(rest.dropFirst().prefix { $0 != "\"" })
    }

    /// Each `<name …>` tag's text, attributes included.
    private static func tags(_ head: String, _ name: String) -> [Substring] {
        var found: [Substring] = []
        var rest = head[...]
        while let start = rest.range(of: "<" + name, options: .caseInsensitive) {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            found.append(rest[start.upperBound..<end])
            rest = rest[rest.index(after: end)...]
        }
        return found
    }

    /// An attribute's value, quoted with `"` or `'`.
    private static func value(of attribute: String, in tag: Substring) -> String? {
        var rest = tag
        while let range = rest.range(of: attribute + "=", options: .caseInsensitive) {
            let before = range.lowerBound == rest.startIndex ? " " : rest[rest.index(before: range.lowerBound)]
            let after = rest[range.upperBound...]
            rest = after
            guard before.isWhitespace, let quote = after.first, quote == "\"" || quote == "'" else { continue }
            return String(after.dropFirst().prefix { $0 != quote })
        }
        return nil
    }

    /// The day a date or time starts with: `2025-12-11T08:30:00+03:30` → `2025-12-11`.
    private static func day(_ text: String) -> String? {
        let prefix = text.trimmingCharacters(in: .whitespaces).prefix(10)
        let parts = prefix.split(separator: "-")
        guard prefix.count == 10, parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }) else {
            return nil
        }
        return String(prefix)
    }
}
