import CaravanArticle
import CaravanCheck
import CaravanCore
import CaravanDossier
import CaravanPresentation
import CaravanService
import Foundation
import Testing

@Suite("The check page rendered from an article checked by hand, no store")
struct CheckPageRenderTests {
    typealias Fixture = PageFixtures

    static let digits = String(repeating: "9", count: 400)

    /// Hostile text around two statements in one sentence and one, with no period, on a line of its own.
    static let text = """
        Trade between Iran and Kazakhstan reached $340 million in 2024 and $500 million in 2023. <script>alert(1)</script>
        "><img src=x onerror=alert(2)> \u{202E}Exports of Kazakhstan to Iran reached $120 million. Trade reached $\(digits) million in 2024.
        """

    /// The article read and judged against the fixture's one figure, as `Workspace.check` would.
    static func page(_ text: String = text) throws -> CheckPageData {
        let published = try Period(parsing: "2025-12-11").days.lowerBound
        let article = ArticleReader().read(text, format: .text, published: published, pair: ("IRN", "KAZ"))
        let about = ArticleCheck.About(
            published: "2025-12-11", language: article.language, source: "<b>Paper</b>", url: "javascript:alert(3)", partnership: "irn-kaz",
            format: "text")
        let judgement = ArticleJudgement(article, about: about)
        let dossier = judgement.dossier(within: Dossier(partnership: Fixture.partnership, sources: [Fixture.source]))
        let scorecard = Scorecard(
            ScorecardInput(dossier: dossier, asOf: Fixture.asOf, trade: { _, _, _ in [Fixture.figure] }, flows: [], network: nil))
        return CheckPageData(
            partnership: Fixture.partnership, partnerships: [Fixture.partnership], form: CheckForm(article: text, source: "<b>Paper</b>"),
            check: judgement.checked(by: scorecard))
    }

    @Test(
        "in Persian: right to left, each statement flagged with a symbol, Persian digits and its verdict in words; the article's own text and digits as they are, escaped"
    )
    func persian() throws {
        let page = try Self.page()
        let check = try #require(page.check)
        #expect(check.found.count == 3, "\(check.found.map { $0.finding.quote })")
        let html = Fixture.request("/check", .fa).check(page).rendered
        #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">") && html.contains("aria-current=\"page\">بررسی یک مقاله</a>"))
        #expect(html.contains("<div class=\"article-text\" id=\"article-text\" lang=\"en\" dir=\"ltr\">"))
        // Two statements of one sentence share its mark; the third has its own.
        #expect(html.contains("data-statements=\"f1 f2\">Trade between Iran and Kazakhstan reached $340 million in 2024"))
        #expect(html.contains("data-statements=\"f3\">"))
        let first = check.found[0].verdict.rawValue
        #expect(html.contains("<a class=\"flag v-\(first)\" id=\"f1\" href=\"#statement-f1\" lang=\"fa\" dir=\"rtl\">"))
        #expect(html.contains("۱ \(Words(.fa).status(first))</a>") && html.contains("<li id=\"statement-f3\" data-verdict=\""))
        #expect(html.contains("<strong>۳ گزاره یافت شد</strong>"))
        // Hostile text stays text: in the marked article and in the form given back.
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;b&gt;Paper&lt;/b&gt;") && html.contains(Self.digits))
        #expect(html.contains("\u{202E}Exports of Kazakhstan"))
        // One the text cannot pin down says why.
        #expect(check.found[2].verdict == .unpinned && html.contains("<dd>\(Words(.fa).say(check.found[2].reason))</dd>"))
        #expect(html.contains("<dd>صادرات قزاقستان–ایران، بی دوره: ۱۲۰ میلیون دلار</dd>"))
    }

    @Test("what a statement says, in each language: the pair by name, the period, the amount with its bound; the reason in the page's language")
    func says() throws {
        let page = try Self.page(
            "Trade between Iran and Kazakhstan reached about $340 million in 2024.\nExports of Kazakhstan to Iran reached $120 million.")
        let html = [Language.en, .ru].map { Fixture.request("/check", $0).check(page).rendered }
        #expect(html[0].contains("<dd>turnover Iran–Kazakhstan, 2024: about $340M</dd>"), "\(html[0])")
        #expect(html[0].contains("<dd>exports Kazakhstan–Iran, no period stated: $120M</dd><dt>why</dt><dd>no period the text pins down</dd>"))
        #expect(html[1].contains("<dd>товарооборот Иран–Казахстан, 2024: около 340 млн $</dd>"))
        #expect(html[1].contains("<dd>в тексте нет точного периода</dd>"))
        #expect(html[0].contains("<dd>Tehran Times 11 Dec 2025</dd>") || html[0].contains("<dd>no stored figure</dd>"))
    }

    @Test("nothing found: said in words, no mark and no list; a problem: said above the form given back")
    func empty() throws {
        var page = try Self.page("Nothing here to check.")
        let none = Fixture.request("/check").check(page).rendered
        #expect(none.contains("The article states no figure") && !none.contains("<mark") && !none.contains("id=\"statements\""))
        page.check = nil
        page.problem = "'published': expected a date YYYY-MM-DD"
        let refused = Fixture.request("/check", .ru).check(page).rendered
        #expect(refused.contains("<p class=\"problem\" id=\"check-problem\" role=\"alert\">Статью нельзя проверить: <span lang=\"en\" dir=\"ltr\">"))
        #expect(refused.contains("required>\nNothing here to check.</textarea>"))
    }
}
