import Foundation

/// A sentence the analytics write about a figure — a target's reason, a project's — kept as its
/// key, its English wording and its values, so a page can say it in another language
/// (`Data/words/`, under the same key) with the values written that language's way. In JSON and
/// on the command line it is its English text.
public struct Phrase: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// A value a phrase holds, kept as what it is so each language writes it its own way.
    public indirect enum Value: Sendable, Hashable {
        case text(String)
        /// An amount in US dollars: `340,000,000 USD`.
        case usd(Double)
        /// An amount in US dollars for people: `$340M`, `$1.2bn`.
        case money(Double)
        /// A weight: `1,600,000 t`.
        case tonnes(Double)
        /// A weight in million tonnes for people: `1.6 Mt`, `15 Mt`.
        case megatonnes(Double)
        /// A name, in English and, by language code, in the languages it was given in.
        case name(String, [String: String])
        case number(Double, decimals: Int)
        /// A whole number with separators: `340,000,000`.
        case whole(Double)
        /// A change, signed: `+12.3%`.
        case change(Double)
        /// A rate, unsigned: `2.4%`.
        case percent(Double)
        case year(Int)
        case count(Int)
        case period(Period)
        /// An economy by its ISO alpha-3 code, named in each language.
        case country(String)
        /// A word the phrase files hold under `key` (a status), `english` in English.
        case term(key: String, english: String)
        /// Another phrase, said in the same language.
        case phrase(Phrase)
        /// Values one after another, `separator` between them.
        case list([Value], separator: String)
    }

    public let key: String
    /// The English wording, `{name}` where a value goes.
    public let template: String
    public let values: [String: Value]

    public init(_ key: String, _ template: String, _ values: [String: Value] = [:]) {
        self.key = key
        self.template = template
        self.values = values
    }

    /// The phrase in English, as the command line and JSON give it.
    public var english: String { filled(template) { $0.english } }

    public var description: String { english }

    /// A wording with each `{name}` replaced by its value as `write` writes it.
    public func filled(_ wording: String, _ write: (Value) -> String) -> String {
        Self.fill(wording) { name in values[String(name)].map(write) }
    }

    /// `wording` with each `{name}` slot replaced by `value(name)`, in one pass: text a value
    /// brings (an id with braces in it) is never read as a slot; a slot with no value stays as written.
    public static func fill(_ wording: String, _ value: (Substring) -> String?) -> String {
        var text = ""
        var rest = wording[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let slot = rest[rest.index(after: open)..<close]
            text += value(slot) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(english)
    }
}

extension Phrase.Value {
    /// The value as English text.
    public var english: String {
        switch self {
        case .text(let text): text
        case .usd(let value): NumberText.grouped(value) + " USD"
        case .money(let value): NumberText.money(value)
        case .tonnes(let value): NumberText.grouped(value) + " t"
        case .megatonnes(let value): NumberText.megatonnes(value) + " Mt"
        case .name(let english, _): english
        case .number(let value, let decimals): NumberText.fixed(value, decimals: decimals)
        case .whole(let value): NumberText.grouped(value)
        case .change(let value): NumberText.percent(value)
        case .percent(let value): NumberText.fixed(value, decimals: 1) + "%"
        case .year(let year): String(year)
        case .count(let count): String(count)
        case .period(let period): period.description
        case .country(let code): code
        case .term(_, let english): english
        case .phrase(let phrase): phrase.english
        case .list(let values, let separator): values.map(\.english).joined(separator: separator)
        }
    }
}
