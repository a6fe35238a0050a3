import CaravanCore
import CaravanData
import CaravanDossier
import CaravanNetwork
import Foundation

/// Everything a page says, in one language: its phrases, its numbers (Persian digits, Russian
/// separators), amounts for people (`$340M`), periods and dates in the reader's calendar first,
/// statuses in words and places by name. Machine output (JSON, CSV) never goes through it.
public struct Words: Sendable {
    public let language: Language
    private let book: Phrasebook

    public init(_ language: Language) {
        self.language = language
        book = Phrasebook.book(language)
    }

    public static let english = Words(.en)

    /// Every phrase of the language's file, by key.
    public var phrases: [String: String] { book.phrases }

    /// A phrase by key, its `{name}` slots filled with `values`.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String { book.phrase(key, values) }

    // MARK: Numbers

    /// A whole number with the language's separators and digits: 340,000,000 · 340 000 000 · ۳۴۰٬۰۰۰٬۰۰۰.
    public func number(_ value: Double) -> String { digits(NumberText.grouped(value)) }

    /// A number with fixed decimals, written the language's way.
    public func number(_ value: Double, decimals: Int) -> String { digits(NumberText.fixed(value, decimals: decimals)) }

    /// A signed percentage: +12.3% · +12,3 % · +۱۲٫۳٪.
    public func percent(_ value: Double) -> String { digits(NumberText.percent(value)) }

    /// A year or any whole count, without grouping: 2024, ۱۴۰۳.
    public func integer(_ value: Int) -> String { digits(String(value)) }

    /// An amount in US dollars for people: $340M, $1.0bn, −$5.9M.
    public func money(_ usd: Double) -> String {
        guard usd.isFinite else { return digits(NumberText.grouped(usd)) }
        let scale = NumberText.moneyScale(usd)
        return scale.sign + self(scale.key, ["n": number(scale.scaled, decimals: scale.decimals)])
    }

    /// Text written in English whatever the page's language (a method, a refusal), marked as
    /// English on a page in another.
    public func english(_ text: String) -> HTML {
        language == .en ? HTML(text: text) : "<span lang=\"en\" dir=\"ltr\">\(text)</span>"
    }

    /// An amount for people, its exact value one tap away.
    public func amount(_ usd: Double) -> HTML {
        "<details class=\"amount\"><summary>\(money(usd))</summary><span>\(number(usd)) \(self("unit.usd"))</span></details>"
    }

    /// Digits and separators of our own number text, rewritten for the language.
    func digits(_ text: String) -> String {
        switch language {
        case .en: return text
        case .ru:
            return String(text.map { $0 == "," ? "\u{00A0}" : $0 == "." ? "," : $0 }).replacingOccurrences(of: "%", with: "\u{00A0}%")
        case .fa:
            return String(
                text.map { character -> Character in
                    if let digit = character.wholeNumberValue, character.isASCII { return Self.persianDigits[digit] }
                    switch character {
                    case ",": return "٬"
                    case ".": return "٫"
                    case "%": return "٪"
                    case "-": return "−"
                    default: return character
                    }
                })
        }
    }

    private static let persianDigits: [Character] = ["۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"]

    // MARK: Periods and dates

    /// A period as people say it: `2024`, `1403 (Mar 2024 – Mar 2025)`, `Farvardin 1403`, `Q3 2024`.
    public func period(_ period: Period) -> String {
        let first = Period(period.grain, period.first, in: period.calendar)
        guard !period.isSingleUnit else { return unit(first, span: true) }
        let last = Period(period.grain, period.last, in: period.calendar)
        let both = self("period.range", ["from": unit(first, span: false), "to": unit(last, span: false)])
        return period.calendar == .solarHijri ? self("period.beside", ["period": both, "other": span(period.days)]) : both
    }

    private func unit(_ period: Period, span withSpan: Bool) -> String {
        let calendar = period.calendar
        let text: String
        switch period.grain {
        case .year: text = integer(period.first)
        case .quarter:
            text = self("period.quarter", ["q": integer(period.first % 4 + 1), "year": integer(period.first / 4)])
        case .month:
            text = monthName(calendar, period.first % 12 + 1) + " " + integer(period.first / 12)
        case .day: return day(period.days.lowerBound, in: calendar)
        }
        guard withSpan && calendar == .solarHijri else { return text }
        return self("period.beside", ["period": text, "other": span(period.days)])
    }

    /// A span of days as Gregorian months: `Mar 2024 – Mar 2025`, or one month alone.
    private func span(_ days: ClosedRange<Day>) -> String {
        let (from, to) = (CalendarSystem.gregorian.civil(days.lowerBound), CalendarSystem.gregorian.civil(days.upperBound))
        let start = monthName(.gregorian, from.month) + " " + integer(from.year)
        let end = monthName(.gregorian, to.month) + " " + integer(to.year)
        return start == end ? start : self("period.range", ["from": start, "to": end])
    }

    /// A day, in Persian with the Solar Hijri date first and the Gregorian beside it.
    public func day(_ day: Day, in calendar: CalendarSystem = .gregorian) -> String {
        let first: CalendarSystem = language == .fa ? .solarHijri : calendar
        let civil = first.civil(day)
        let text = integer(civil.day) + " " + self("date-month.\(first.rawValue).\(civil.month)") + " " + integer(civil.year)
        guard first != .gregorian || calendar != .gregorian else { return text }
        let other = first.other.civil(day)
        let beside = integer(other.day) + " " + self("date-month.\(first.other.rawValue).\(other.month)") + " " + integer(other.year)
        return self("period.beside", ["period": text, "other": beside])
    }

    /// A date given as text in the period syntax (`2025-12-11`), or the text itself when it is none.
    public func date(_ text: String) -> String {
        guard let period = try? Period(parsing: text) else { return text }
        return self.period(period)
    }

    private func monthName(_ calendar: CalendarSystem, _ month: Int) -> String { self("month.\(calendar.rawValue).\(month)") }

    // MARK: Sentences

    /// A sentence of the analytics in this language: its phrase under the same key, its values
    /// written this language's way; English is the phrase's own wording.
    public func say(_ phrase: Phrase) -> String {
        phrase.filled(language == .en ? phrase.template : self(phrase.key), say)
    }

    /// A value of a sentence, written this language's way.
    func say(_ value: Phrase.Value) -> String {
        switch value {
        case .text(let text): isolated(text)
        case .usd(let usd): number(usd) + " " + self("unit.usd")
        case .money(let usd): money(usd)
        case .tonnes(let tonnes): number(tonnes) + " " + self("unit.t")
        case .megatonnes(let mt): digits(NumberText.megatonnes(mt)) + " " + self("unit.mt")
        case .name(let english, let names): name(english, names)
        case .number(let value, let decimals): number(value, decimals: decimals)
        case .whole(let value): number(value)
        case .change(let value): percent(value)
        case .percent(let rate): digits(NumberText.fixed(rate, decimals: 1) + "%")
        case .year(let year): integer(year)
        case .count(let count): integer(count)
        case .period(let period): self.period(period)
        case .country(let code): country(code)
        case .term(let key, _): self(key)
        case .phrase(let inner): say(inner)
        case .list(let values, let separator): values.map(say).joined(separator: punctuated(separator))
        }
    }

    /// Text a sentence quotes (a publisher, an id) kept in its own direction inside a right-to-left
    /// sentence, as `<bdi>` would: between first-strong and pop isolates.
    func isolated(_ text: String) -> String {
        language.direction == "rtl" && !text.isEmpty ? "\u{2068}" + text + "\u{2069}" : text
    }

    /// A list's separator in this language's punctuation: `،` and `؛` in Persian.
    func punctuated(_ separator: String) -> String {
        guard language == .fa else { return separator }
        return separator.replacingOccurrences(of: ",", with: "،").replacingOccurrences(of: ";", with: "؛")
    }

    // MARK: Statuses and places

    /// A status or verdict in words: `on_track` → "on track".
    public func status(_ raw: String) -> String { self("status.\(raw)") }

    /// A status as a coloured badge in words.
    public func badge(_ raw: String) -> HTML { "<span class=\"status \(raw)\">\(status(raw))</span>" }

    /// A title or name in this language, where one was given, else in English.
    public func name(_ english: String, _ names: [String: String]) -> String { names[language.rawValue] ?? english }

    /// A commodity for people: the bundled groups by name (`all goods`, `non-oil goods`), an HS code as it is.
    public func commodity(_ code: String) -> String { ["TOTAL", "NONOIL", "AGRI"].contains(code) ? self("commodity.\(code)") : code }

    /// A partnership's title in this language.
    public func title(_ partnership: Partnership) -> String { name(partnership.title, partnership.titles) }

    /// A place by its name in this language, where the network gives one.
    public func place(_ node: NetworkNode) -> String { node.names?[language.rawValue] ?? node.name }

    /// The network's places, links and corridors by id, named in this language, looked up once rather than once a mention.
    func places(in network: Network) -> PlaceNames {
        PlaceNames(names: network.elementNames.mapValues(say))
    }

    /// A country by its name in this language (CLDR), else its code.
    public func country(_ code: String) -> String {
        CountryNames.shared.name(code, language) ?? code
    }
}

/// Places' names by node id; an id the network lacks is shown as it is.
struct PlaceNames: Sendable {
    let names: [String: String]

    func callAsFunction(_ id: String) -> String { names[id] ?? id }
}

/// Country names by ISO alpha-3 code and language, from `Data/reference/country-names.csv`.
struct CountryNames: Sendable {
    private let names: [String: [String]]

    static let shared = CountryNames(csv: BundledData.countryNamesCSV)

    init(csv: String) {
        var names: [String: [String]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = Self.fields(String(line))
            if fields.count >= 4 { names[fields[0]] = Array(fields[1...3]) }
        }
        self.names = names
    }

    func name(_ code: String, _ language: Language) -> String? {
        guard let row = names[code], let index = Language.allCases.firstIndex(of: language) else { return nil }
        return row[index].isEmpty ? nil : row[index]
    }

    /// A CSV line's fields, quotes honoured (names like "Korea, Republic of").
    private static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character != "\"" {
                    current.append(character)
                } else if index + 1 < characters.count && characters[index + 1] == "\"" {
                    current.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else if character != "\r" {
                current.append(character)
            }
            index += 1
        }
        fields.append(current)
        return fields
    }
}
