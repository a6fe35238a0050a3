import CaravanCore
import CaravanPresentation
import Foundation
import Testing

@Suite("Words for people, in three languages")
struct WordsTests {
    let english = Words(.en)
    let persian = Words(.fa)
    let russian = Words(.ru)

    @Test("in a Persian sentence a Latin name keeps its own direction (isolated as <bdi> would) and lists take Persian commas")
    func persianSentences() {
        let names = Phrase("summary.parts", "{parts}", ["parts": .list([.text("Trend"), .text("IRNA"), .money(340e6)], separator: ", ")])
        #expect(Words(.fa).say(names) == "\u{2068}Trend\u{2069}، \u{2068}IRNA\u{2069}، ۳۴۰ میلیون دلار")
        #expect(Words(.ru).say(names) == "Trend, IRNA, 340 млн $")
        #expect(Words.english.say(names) == "Trend, IRNA, $340M")
    }

    @Test("amounts for people: $340M, $1.0bn, the sign before the dollar; exact numbers in each language's digits and separators")
    func amounts() {
        #expect(english.money(340_000_000) == "$340M" && english.money(1_000_000_000) == "$1.0bn" && english.money(12_740_548) == "$12.7M")
        #expect(english.money(-5_886_244) == "−$5.9M" && english.money(0) == "$0" && english.money(45_000) == "$45k")
        #expect(persian.money(340_000_000) == "۳۴۰ میلیون دلار" && russian.money(1_000_000_000) == "1,0 млрд $")
        #expect(english.number(340_000_000) == "340,000,000" && russian.number(340_000_000) == "340\u{00A0}000\u{00A0}000")
        #expect(persian.number(1234.5, decimals: 1) == "۱۲۳۴٫۵" && persian.number(1234.5) == "۱٬۲۳۵" && persian.percent(-36.4) == "−۳۶٫۴٪")
        #expect(english.amount(340_000_000).rendered.contains("<summary>$340M</summary><span>340,000,000 USD</span>"))
    }

    @Test("periods as people say them: 2024, an Iranian year with its Gregorian months, a Persian date Solar Hijri first")
    func periods() throws {
        #expect(english.period(try Period(parsing: "2024")) == "2024")
        #expect(english.period(try Period(parsing: "SH1403")) == "1403 (Mar 2024 – Mar 2025)")
        #expect(english.period(try Period(parsing: "SH1401-01..SH1401-05")) == "Farvardin 1401 – Mordad 1401 (Mar 2022 – Aug 2022)")
        #expect(english.period(try Period(parsing: "2024-Q3")) == "Q3 2024")
        #expect(persian.period(try Period(parsing: "SH1403")) == "۱۴۰۳ (مارس ۲۰۲۴ – مارس ۲۰۲۵)")
        #expect(persian.date("2025-12-11") == "۲۰ آذر ۱۴۰۴ (۱۱ دسامبر ۲۰۲۵)")
        #expect(english.date("2025-12-11") == "11 Dec 2025" && english.date("not a date") == "not a date")
        let may = try Period(parsing: "2025-05")
        #expect(russian.date("2025-05-11") == "11 мая 2025" && russian.period(may) == "май 2025")
    }

    @Test("statuses in words, countries by their CLDR names, the language a browser asks for")
    func words() {
        #expect(english.status("off_track") == "off track" && persian.status("off_track") == "خارج از مسیر")
        #expect(english.country("KAZ") == "Kazakhstan" && russian.country("IRN") == "Иран" && persian.country("TKM") == "ترکمنستان")
        #expect(english.country("ZZZ") == "ZZZ")
        #expect(Language.negotiate(query: nil, acceptLanguage: "de-DE,ru;q=0.8,en;q=0.5") == .ru)
        #expect(Language.negotiate(query: nil, acceptLanguage: "en;q=0.5, fa-IR") == .fa)
        #expect(Language.negotiate(query: "RU", acceptLanguage: "fa") == .ru && Language.negotiate(query: "xx", acceptLanguage: "fa;q=0") == .en)
        #expect(english("no.such.key") == "⟦no.such.key⟧")
        // Slots filled in one pass: braces a value brings are text, a slot without a value stays.
        let braces = Phrase("test.braces", "{a} and {b}, {c}", ["a": .text("{b}"), "b": .text("x")])
        #expect(braces.english == "{b} and x, {c}" && persian.say(braces) == "⟦test.braces⟧")
        #expect(english("period.range", ["from": "{to}", "to": "2025"]) == "{to} – 2025")
    }

    @Test("the phrase files hold the same keys, each with the same slots, and every key the code asks for")
    func phraseFiles() throws {
        let keys = Set(english.phrases.keys)
        for words in [persian, russian] {
            #expect(Set(words.phrases.keys) == keys, "\(words.language): \(Set(words.phrases.keys).symmetricDifference(keys).sorted())")
            for (key, text) in english.phrases {
                #expect(Self.slots(words.phrases[key] ?? "") == Self.slots(text), "\(words.language) \(key)")
            }
        }
        // Every literal key in the presentation code.
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CaravanPresentation")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter {
            $0.pathExtension == "swift"
        }
        let pattern = try Regex(#"(?:words|self)\("([a-z0-9-]+\.[a-z0-9.-]+)""#)
        var used = Set<String>()
        for file in files ?? [] {
            for match in try String(contentsOf: file, encoding: .utf8).matches(of: pattern) {
                if let key = match.output[1].substring { used.insert(String(key)) }
            }
        }
        #expect(used.count > 90)
        #expect(used.subtracting(keys).isEmpty, "\(used.subtracting(keys).sorted())")
        // The analytics' sentences: their English in en.txt is the code's own wording, so a translator reads what the code says.
        let sentences = try Regex(#"Phrase\(\s*"([a-z0-9.-]+)",\s*"((?:[^"\\]|\\.)*)""#)
        var said = 0
        let all = try FileManager.default.subpathsOfDirectory(atPath: sources.deletingLastPathComponent().path)
        for file in all where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.deletingLastPathComponent().appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: sentences) {
                guard let key = match.output[1].substring, let wording = match.output[2].substring else { continue }
                said += 1
                #expect(english.phrases[String(key)] == String(wording), "\(key): en.txt has \(english.phrases[String(key)] ?? "nothing")")
            }
        }
        #expect(said > 40)
    }

    private static func slots(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[a-zA-Z]+\}/).map { String($0.output) })
    }
}
