import CaravanArticle
import Testing

@Suite("The text an article is read as")
struct ArticleTextTests {
    @Test("HTML: tags dropped, script and style skipped, entities decoded; the span indexes the text as read")
    func html() {
        let page =
            "<html><style>p{}</style><script>var t = '$9 billion in 2020 trade';</script>"
            + "<p>Trade&nbsp;reached &#36;340&nbsp;million in 2024 &amp; grew.</p></html>"
        let article = reader.read(page, format: .html, pair: ("IRN", "KAZ"))
        #expect(!article.text.contains("script") && !article.text.contains("9 billion"))
        #expect(article.findings.map(\.valueUSD) == [usd("340000000")])
        let scalars = Array(article.text.unicodeScalars)
        let amount = article.findings.first.map { String(String.UnicodeScalarView(scalars[$0.amountSpan])) }
        #expect(amount == "$340\u{A0}million")
        #expect(article.findings.first.map { String(String.UnicodeScalarView(scalars[$0.span])) } == article.findings.first?.quote)
    }

    @Test("Markdown: heading marks, emphasis and link targets dropped")
    func markdown() {
        let article = reader.read(
            "# Trade\n\n**Trade** reached [$340 million](https://example.org/2019) in 2024.", format: .markdown, pair: ("IRN", "KAZ"))
        #expect(!article.text.contains("example.org"))
        #expect(article.findings.map { $0.period?.description } == ["2024"])
        #expect(article.findings.first?.quote == "Trade reached $340 million in 2024.")
    }

    @Test("the language is told by the script", arguments: [("Trade grew.", "en"), ("Товарооборот вырос.", "ru"), ("تجارت رشد کرد.", "fa")])
    func language(text: String, language: String) {
        #expect(reader.read(text).language == language)
    }

    @Test("each sentence is its own quote; an abbreviation does not end one")
    func sentences() {
        let found = figures("Trade was about U.S. $ 1 billion in 2012. Exports reached $600 million in 2013.")
        #expect(found.map(\.quote) == ["Trade was about U.S. $ 1 billion in 2012.", "Exports reached $600 million in 2013."])
    }
}
