import CaravanCore
import CaravanPresentation
import CaravanStore
import Foundation
import Testing

@Suite("The Atom feed, typed XML and escaped as XML")
struct ChangeFeedTests {
    @Test("a hostile partnership id escaped in every place it appears, the characters XML 1.0 forbids left out")
    func hostile() {
        let id = "a&b<x>\"'\u{1}\u{FFFE}"
        let change = RecordedChange(
            id: 1, partnership: id, subject: Judged(.claim, "c<1>"), from: "consistent", to: "inconsistent", cause: nil,
            at: Date(timeIntervalSince1970: 1_796_644_800))
        let feed = ChangeFeed.atom(partnership: id, changes: [change]).rendered
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(feed.contains("<id>urn:caravan:changes:a&amp;b&lt;x&gt;&quot;&#39;</id>"))
        #expect(feed.contains("<entry><id>urn:caravan:change:a&amp;b&lt;x&gt;&quot;&#39;:1</id>"))
        #expect(feed.contains("<updated>2026-12-07T12:00:00.000Z</updated>"))
        #expect(!feed.unicodeScalars.contains { $0.value == 1 || $0.value == 0xFFFE } && !feed.contains("<x>"))
    }

    @Test("XML escapes scalar by scalar: a combining mark does not hide a quote; tabs and newlines kept")
    func escape() {
        #expect(XML.escape("\"\u{301}<") == "&quot;\u{301}&lt;")
        #expect(XML.escape("a\tb\nc\u{0}") == "a\tb\nc")
        let parts: [XML] = ["<a/>", "<b/>"]
        let joined: XML = "<r>\(parts, separator: "\n")\("&")</r>"
        #expect(joined.rendered == "<r><a/>\n<b/>&amp;</r>")
    }
}
