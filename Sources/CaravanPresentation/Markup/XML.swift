/// Markup for a feed reader (an Atom feed), as `HTML` is for a browser: literal markup written in
/// the code, and values interpolated into it escaped on the way in and stripped of the characters
/// XML 1.0 forbids, which would make a reader reject the whole document. A type of its own, so
/// markup for one content type cannot be dropped into the other.
///
///     let title: XML = "<title>\(change.summary)</title>"   // the summary escaped
public struct XML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, ready to send.
    public private(set) var rendered: String

    /// Literal markup: what the code says, not what a user sent.
    public init(stringLiteral literal: String) { rendered = literal }

    public init(stringInterpolation: Interpolation) { rendered = stringInterpolation.rendered }

    public var description: String { rendered }

    /// How values become markup as they are interpolated: escaped, unless they are markup already.
    public struct Interpolation: StringInterpolationProtocol {
        var rendered = ""

        public init(literalCapacity: Int, interpolationCount: Int) { rendered.reserveCapacity(literalCapacity + interpolationCount * 16) }

        public mutating func appendLiteral(_ literal: String) { rendered += literal }

        /// Markup, as it is.
        public mutating func appendInterpolation(_ xml: XML) { rendered += xml.rendered }

        /// Pieces of markup, `separator` between them.
        public mutating func appendInterpolation(_ parts: [XML], separator: String) {
            rendered += parts.map(\.rendered).joined(separator: separator)
        }

        /// Text, escaped for an element's content and for a quoted attribute alike.
        public mutating func appendInterpolation(_ text: String) { rendered += XML.escape(text) }

        /// A number, as Swift writes it.
        public mutating func appendInterpolation(_ number: Int) { rendered += String(number) }
    }

    /// Text as XML 1.0 takes it: the five characters as entities, as in HTML, and the control
    /// characters and noncharacters it forbids left out.
    public static func escape(_ text: String) -> String { Entities.escape(text, keeping: isAllowed) }

    /// Whether XML 1.0 allows the character: tab, newline and return of the controls, and not U+FFFE or U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 ? !(0xFFFE...0xFFFF).contains(scalar.value) : [0x09, 0x0A, 0x0D].contains(scalar.value)
    }
}
