import CaravanCore
import Foundation
import Testing

/// One origin or two: a publisher, whom it quotes and whom it reprints are one; so are two outlets
/// carrying one article.
@Suite("Origin chains: syndication, via chains and reprints are one origin")
struct OriginTests {
    let claim = Origin(
        names: ["The Indian Subcontinent"], url: "https://theindiansubcontinent.com/filter/article.php?id=368549",
        title: "Iran's export to Turkmenistan rises 38% in 3 months on year",
        quote: "Iran exported commodities worth $95 million to Turkmenistan in the three-month period")

    @Test("the same article under another outlet's name: by its title, written in the other's address")
    func sameTitle() {
        let original = Origin(
            names: ["Tehran Times"], url: "https://www.tehrantimes.com/news/475013/Iran-s-export-to-Turkmenistan-rises-38-in-3-months-on-year")
        #expect(claim.isShared(with: original))
        #expect(!claim.isShared(with: Origin(names: ["Tehran Times"], url: "https://www.tehrantimes.com/news/475099/Caspian-ports-expand")))
    }

    @Test("the same article by its quote: one quote held within the other, eight words or more")
    func sameQuote() {
        let quoted = Origin(
            names: ["Paper"], quote: "Iran exported commodities worth $95 million to Turkmenistan in the three-month period, up 38% on year.")
        #expect(claim.isShared(with: quoted))
        // A short common phrase is not a reprint.
        #expect(!Origin(names: ["A"], quote: "trade grew 20%").isShared(with: Origin(names: ["B"], quote: "trade grew 20%")))
    }

    @Test("the same article by its address: the same host and article id, whatever the path, www. or trailing slash")
    func sameAddress() {
        let a = Origin(names: ["Agency"], url: "https://www.tehrantimes.com/news/521552/")
        let b = Origin(names: ["Other name"], url: "https://tehrantimes.com/news/521552/Iran-strengthens-ties")
        #expect(a.isShared(with: b))
        // The same number on another host is another article.
        #expect(!a.isShared(with: Origin(names: ["Other"], url: "https://mehrnews.com/news/521552")))
    }

    @Test("a via chain: an agency quoting a ministry quoting customs is one origin with each of them")
    func viaChain() {
        let figure = Origin(names: ["Kazakhstan Statistics Committee via Kursiv", "Kazakhstan Statistics Committee"])
        #expect(figure.isShared(with: Origin(names: ["Kursiv"])))
        #expect(figure.isShared(with: Origin(names: ["kazakhstan statistics committee"])))
        let customs = Origin(names: ["Financial Tribune", "Iranian customs (IRICA)"])
        #expect(customs.isShared(with: Origin(names: ["IRICA"])))
        #expect(Origin(names: ["Otagh Iran Online / Financial Tribune"]).isShared(with: Origin(names: ["Financial Tribune"])))
        #expect(!customs.isShared(with: Origin(names: ["Tehran Times"])))
    }

    @Test("rows split into other origins' and the statement's own, each in order; a quote found within a longer one by its runs of words")
    func partition() throws {
        var figures = Figures()
        try figures.add("IRN", "TKM", .export, "SH1401-01..SH1401-03", 95_000_000, provider: "Tehran Times")
        try figures.add("IRN", "TKM", .export, "SH1401", 459_510_000, provider: "Financial Tribune", compiler: "Iranian customs (IRICA)")
        let tehranTimes = Origin(names: ["Tehran Times"])
        let (independent, own) = OriginIndex(figures.rows).partition(by: tehranTimes)
        #expect(independent.map(\.observation.valueUSD) == [459_510_000] && own.map(\.observation.valueUSD) == [95_000_000])
        var quoted = Figures()
        try quoted.add("IRN", "TKM", .export, "2022", 1, provider: "A")
        try quoted.add("IRN", "TKM", .export, "2023", 2, provider: "B")
        quoted.note(0, "officials said Iran exported goods worth 95 million dollars to Turkmenistan in the three month period up 38 percent")
        quoted.note(1, "Iran exported goods worth 95 million dollars")
        let index = OriginIndex(quoted.rows)
        // The claim's quote within the first row's; the second row's (seven words) too short to count.
        #expect(
            index.owned(by: Origin(names: ["C"], quote: "Iran exported goods worth 95 million dollars to Turkmenistan in the three month period"))
                == [0])
        // A row's quote within the claim's.
        let long = Origin(
            names: ["C"],
            quote: "As officials said, Iran exported goods worth 95 million dollars to Turkmenistan in the three month period up 38 percent, a record"
        )
        #expect(index.owned(by: long) == [0])
    }
}
