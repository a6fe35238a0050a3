import CaravanArticle
import CaravanCore
import Foundation

/// An article to check: `check`, `POST /api/v1/check`, the dashboard's check page.
public struct ArticleRequest: Sendable {
    public var text: String
    public var markup: ArticleFormat
    /// `YYYY-MM-DD`, the day "last year" and "this year" are read against.
    public var published: String?
    public var source: String?
    public var url: String?
    public var partnership: String?
    /// The calendar the source counts "this year" and "last year" in, when not its language's.
    public var calendar: CalendarSystem?
    public var asOf: Date

    /// The article's own fields as asked: its text comes apart, as a file or a body.
    public struct Asked: Sendable {
        public var partnership, published, source, url, markup, calendar, asOf: String?

        public init(
            partnership: String?, published: String?, source: String?, url: String?, markup: String?, calendar: String? = nil, asOf: String?
        ) {
            (self.partnership, self.published, self.source, self.url, self.markup, self.calendar, self.asOf) =
                (partnership, published, source, url, markup, calendar, asOf)
        }
    }

    /// The longest article read: ten times the longest news article there is, and a bound on what one request costs.
    public static let longest = 10 * 1024 * 1024
}

extension RequestReader {
    /// The article's text and what is said of it: the markup from `markup`, else the file's name,
    /// else its first bytes; the day, source and address from the fields, else from the page's own
    /// head. `name` is the file's name, when it has one.
    public func article(_ asked: ArticleRequest.Asked, text: String, name: String? = nil) throws -> ArticleRequest {
        guard text.utf8.count <= ArticleRequest.longest else {
            throw refuse("article", "the article is \(text.utf8.count) bytes; at most \(ArticleRequest.longest) are read")
        }
        // Stops at the first letter: a 10 MB article is not copied to learn that it is not empty.
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw refuse("article", "the article is empty") }
        let markup: ArticleFormat =
            if self.text(asked.markup) != nil {
                try choice("markup", asked.markup, default: ArticleFormat.text)
            } else {
                Self.markup(name: name, text: text)
            }
        let head = markup == .html ? ArticleMetadata.of(html: text) : ArticleMetadata()
        let published = try day("published", self.text(asked.published) ?? head.published)
        let url = self.text(asked.url) ?? head.url
        if let url, url.count > 2_000 || url.contains(where: { $0.isNewline }) {
            throw refuse("url", "not an address: too long or over several lines")
        }
        let source = self.text(asked.source) ?? head.source
        if let source, source.count > 200 || source.contains(where: { $0.isNewline }) {
            throw refuse("source", "a name of at most 200 characters on one line")
        }
        let calendar: CalendarSystem? = self.text(asked.calendar) == nil ? nil : try choice("calendar", asked.calendar, default: .gregorian)
        return ArticleRequest(
            text: text, markup: markup, published: published, source: source, url: url, partnership: self.text(asked.partnership),
            calendar: calendar, asOf: try asOf(asked.asOf) ?? Date())
    }

    /// `YYYY-MM-DD`, checked as a day of the Gregorian calendar.
    private func day(_ name: String, _ raw: String?) throws -> String? {
        guard let raw else { return nil }
        let expected = "'\(raw.prefix(40))'; expected a date YYYY-MM-DD, such as 2025-12-11"
        do {
            let period = try Period(parsing: raw)
            guard raw.count == 10, period.days.count == 1, period.calendar == .gregorian else { throw refuse(name, expected) }
        } catch let error as PeriodError {
            throw refuse(name, error.description)
        }
        return raw
    }

    /// HTML or Markdown by the file's name, else HTML when the text starts with a tag.
    static func markup(name: String?, text: String) -> ArticleFormat {
        let suffix = name.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        if ["html", "htm", "xhtml"].contains(suffix) { return .html }
        if ["md", "markdown"].contains(suffix) { return .markdown }
        if ["txt", "text"].contains(suffix) { return .text }
        return text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "<" ? .html : .text
    }
}
