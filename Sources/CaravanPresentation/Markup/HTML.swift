import Foundation

/// Markup safe to send to a browser. It is built from literal markup, written in the code, and
/// from values interpolated into it, which are escaped on the way in: text can never become
/// markup by accident. Raw text becomes markup only through `HTML(trusted:)`, the one named
/// exception, for markup made elsewhere that is itself safe (a stylesheet, say).
///
///     let cell: HTML = "<td class=\"name\">\(node.name)</td>"   // the name escaped
///     let link: HTML = "<a href=\"\(url: source.url)\">\(source.title)</a>"   // http(s) only
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, ready to send.
    public private(set) var rendered: String

    /// Literal markup: what the code says, not what a user sent.
    public init(stringLiteral literal: String) { rendered = literal }

    public init(stringInterpolation: Interpolation) { rendered = stringInterpolation.rendered }

    /// Markup made elsewhere and known to be safe: the named exception to escaping.
    public init(trusted markup: String) { rendered = markup }

    /// Text shown as text.
    public init(text: String) { rendered = HTML.escape(text) }

    public static let empty: HTML = ""

    public var description: String { rendered }

    public var isEmpty: Bool { rendered.isEmpty }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.rendered + b.rendered) }

    public static func += (a: inout HTML, b: HTML) { a.rendered += b.rendered }

    /// How values become markup as they are interpolated: escaped, unless they are markup already.
    public struct Interpolation: StringInterpolationProtocol {
        var rendered = ""

        public init(literalCapacity: Int, interpolationCount: Int) { rendered.reserveCapacity(literalCapacity + interpolationCount * 16) }

        public mutating func appendLiteral(_ literal: String) { rendered += literal }

        /// Markup, as it is.
        public mutating func appendInterpolation(_ html: HTML) { rendered += html.rendered }

        /// Pieces of markup one after another.
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { rendered += part.rendered } }

        /// Text, escaped for an element's content and for a quoted attribute alike.
        public mutating func appendInterpolation(_ text: String) { rendered += HTML.escape(text) }

        /// Text, or nothing when there is none.
        public mutating func appendInterpolation(_ text: String?) { rendered += HTML.escape(text ?? "") }

        /// A number, as Swift writes it (coordinates, sizes).
        public mutating func appendInterpolation(_ number: Int) { rendered += String(number) }

        public mutating func appendInterpolation(_ number: Double) { rendered += String(number) }

        /// An address for `href` or `src`: an http(s) one escaped, any other scheme (`javascript:`)
        /// replaced by `#`, so a link from a file can only lead to a web page.
        public mutating func appendInterpolation(url: String?) { rendered += HTML.escape(HTML.webAddress(url) ?? "#") }
    }

    /// Text with the five characters that mean something in HTML replaced by their entities, scalar by scalar.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        return Entities.escape(text) { _ in true }
    }

    /// The address when it is an http(s) one, else nil.
    public static func webAddress(_ url: String?) -> String? {
        guard let url else { return nil }
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? url : nil
    }

    /// A link when there is a web address, else the text alone.
    public static func link(_ text: String, _ url: String?) -> HTML {
        guard webAddress(url) != nil else { return HTML(text: text) }
        return "<a href=\"\(url: url)\" rel=\"noopener\">\(text)</a>"
    }

    /// A table from a header row and body rows of markup. On a phone it becomes a card per row,
    /// each cell labelled with its column and the `lead` columns (status, value) first; `rows`
    /// may be given ids, so a chart's mark can link to its figure's row.
    public static func table(_ header: [String], _ rows: [[HTML]], id: String? = nil, lead: Set<Int> = [], rowIDs: [String]? = nil) -> HTML {
        let head = header.map { column -> HTML in "<th>\(column)</th>" }
        let body = rows.enumerated().map { index, row -> HTML in
            let cells = row.enumerated().map { column, cell -> HTML in
                let label = column < header.count ? header[column] : ""
                let order: HTML = lead.contains(column) ? " class=\"lead\"" : ""
                return cell.isEmpty ? "<td></td>" : "<td data-label=\"\(label)\"\(order)>\(cell)</td>"
            }
            let rowID: HTML = rowIDs.map { index < $0.count ? " id=\"\($0[index])\"" : "" } ?? ""
            return "<tr\(rowID)>\(cells)</tr>\n"
        }
        let identity: HTML = id.map { " id=\"\($0)\"" } ?? ""
        return "<div class=\"cards\"><table\(identity)><thead><tr>\(head)</tr></thead><tbody>\n\(body)</tbody></table></div>"
    }
}

extension Array where Element == HTML {
    /// The pieces one after another, `separator` between them.
    public func joined(separator: HTML = .empty) -> HTML {
        var result = HTML.empty
        for (index, part) in enumerated() {
            if index > 0 { result += separator }
            result += part
        }
        return result
    }
}
