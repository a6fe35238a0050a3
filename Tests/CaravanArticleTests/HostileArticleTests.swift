import CaravanArticle
import CaravanTestSupport
import Testing

@Suite("Hostile articles are read without trapping")
struct HostileArticleTests {
    @Test("a number of 400 digits is no amount")
    func longNumber() {
        let digits = String(repeating: "9", count: 400)
        #expect(figures("Trade reached $\(digits) million in 2024.").isEmpty)
        #expect(figures("Trade reached $1.\(digits) million in 2024.").isEmpty)
    }

    @Test("a text of 10 MB is read, its figures found")
    func tenMegabytes() async throws {
        let prose = String(repeating: "Relations between the two countries have grown steadily over the decades. ", count: 1_000)
        let part = prose + "Trade reached $340 million in 2024.\n"
        let text = String(repeating: part, count: 10_000_000 / part.utf8.count)
        // Seconds of reading on a debug build: off the pool the server tests in this process share.
        let found = try await Command.detached { reader.read(text, pair: ("IRN", "KAZ")).findings.count }
        #expect(found == 10_000_000 / part.utf8.count)
    }

    @Test("a text of 10 MB with no sentence end, no tag end and no entity end is read")
    func tenMegabytesUnbroken() async throws {
        let text = String(repeating: "<& trade of goods ", count: 550_000)
        #expect(try await Command.detached { !reader.read(text, format: .html).text.isEmpty })
    }

    @Test("a megabyte of rows, growths, targets and counts is read, each of them found")
    func denseStatements() async throws {
        let sentence =
            "Kazakhstan with 420,489 tons (up 47.93%) worth $139.62 million (up 48.26%), with targets of $1 billion by 2030, "
            + "and 14 documents were signed. "
        let text = String(repeating: sentence, count: 1_000_000 / sentence.utf8.count)
        let kinds = try await Command.detached { reader.read(text, pair: ("IRN", "KAZ")).findings.map(\.kind) }
        #expect(kinds == Array(repeating: [Finding.Kind.figure, .growth, .target, .count], count: 1_000_000 / sentence.utf8.count).flatMap { $0 })
    }

    @Test("right-to-left overrides and zero-width marks neither trap nor glue words")
    func overrides() {
        let found = figures("Trade\u{202E} reached $\u{2066}340\u{2069} million\u{200F} in\u{202D} 2024\u{202C}.")
        #expect(found.map(\.valueUSD) == [usd("340000000")])
        let wrapped = figures("\u{202E}Trade reached $340 million in 2024.\u{202C}")
        #expect(wrapped.map { $0.period?.description } == ["2024"])
    }
}
