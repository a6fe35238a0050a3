import Foundation

/// The Harmonized System: chapters (2 digits), headings (4) and subheadings (6) of one edition,
/// with their names and sections, so codes can be checked, named and rolled up.
public struct HSNomenclature: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
        /// The section's roman numeral (I–XXI).
        public let section: String
    }

    /// The edition the codes belong to.
    public let edition: String
    private let entries: [String: Entry]
    private let sectionNames: [String: String]
    /// Every 6-digit subheading, in code order: the tariff lines an HS-level schedule can have.
    public let subheadings: [String]

    /// Reads `section,hscode,description,parent,level` and `section,name` tables (Data/hs/).
    public init(edition: String = "HS 2022", codesCSV: String, sectionsCSV: String) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(8_000)
        var text = codesCSV
        // Bytes, one pass, no arrays a line: the table has 7,000 rows and every process that checks a code reads it.
        text.withUTF8 { bytes in
            let (newline, comma) = (UInt8(ascii: "\n"), UInt8(ascii: ","))
            var start = (bytes.firstIndex(of: newline) ?? bytes.count) + 1
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != newline { end += 1 }
                defer { start = end + 1 }
                var last = end
                if last > start && bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                // Names hold quoted commas: the section and code from the front, the parent and level from the back.
                guard let first = bytes[start..<last].firstIndex(of: comma),
                    let second = bytes[(first + 1)..<last].firstIndex(of: comma),
                    let level = bytes[start..<last].lastIndex(of: comma),
                    let parent = bytes[start..<level].lastIndex(of: comma), parent > second,
                    [2, 4, 6].contains(second - first - 1)
                else { continue }
                let code = String(decoding: UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second]), as: UTF8.self)
                entries[code] = Entry(
                    code: code, name: Self.unquoted(bytes[(second + 1)..<parent]),
                    section: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<first]), as: UTF8.self))
            }
        }
        var sections: [String: String] = [:]
        for line in sectionsCSV.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            if fields.count == 2 { sections[String(fields[0])] = String(fields[1]).trimmingQuotes }
        }
        self.edition = edition
        self.entries = entries
        self.sectionNames = sections
        subheadings = entries.keys.filter { $0.count == 6 }.sorted()
    }

    /// A CSV field's text: outer quotes removed, doubled quotes made single.
    private static func unquoted(_ field: some Collection<UInt8>) -> String {
        guard field.first == UInt8(ascii: "\""), field.count >= 2 else { return String(decoding: field, as: UTF8.self) }
        var text: [UInt8] = []
        text.reserveCapacity(field.count)
        var afterQuote = false
        for byte in field.dropFirst().dropLast() {
            if byte == UInt8(ascii: "\""), afterQuote {
                afterQuote = false
                continue
            }
            afterQuote = byte == UInt8(ascii: "\"")
            text.append(byte)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// True when the edition has the code.
    public func contains(_ code: String) -> Bool { entries[code] != nil }

    public func entry(_ code: String) -> Entry? { entries[code] }

    /// The code's name, or the section's for a section numeral.
    public func name(of code: String) -> String? { entries[code]?.name ?? sectionNames[code] }

    /// The section a code of any level falls in, by its chapter.
    public func section(of code: String) -> String? { entries[String(code.prefix(2))]?.section }

    /// The section numerals in order, I to XXI.
    public var sections: [String] { sectionNames.keys.sorted { Self.roman($0) < Self.roman($1) } }

    /// I = 1 … XXI = 21.
    static func roman(_ numeral: String) -> Int {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50]
        var total = 0
        var previous = 0
        for character in numeral.reversed() {
            let value = values[character] ?? 0
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total
    }
}

/// The level a product breakdown is made at.
public enum ProductLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case section
    case chapter = "2"
    case heading = "4"
    case subheading = "6"

    /// The code's length at this level; sections are read from the chapter.
    public var digits: Int {
        switch self {
        case .section, .chapter: 2
        case .heading: 4
        case .subheading: 6
        }
    }
}
