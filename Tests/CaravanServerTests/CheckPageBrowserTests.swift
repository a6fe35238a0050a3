import CaravanPresentation
import CaravanServer
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The check page as a reader uses it: an article pasted into the form in Chromium, submitted by
/// a click, and the page it leads to read back and laid out at a desktop's and a phone's width.
@Suite("The check page in headless Chromium", .serialized, .enabled(if: WebDriver.available, "no Chromium or ChromeDriver: run scripts/setup"))
struct CheckPageBrowserTests {
    /// An article in each language, the day it appeared and its source.
    static let articles: [(language: Language, text: String, published: String, source: String)] = [
        (.en, seedArticle, "2025-12-11", "Tehran Times"),
        (
            .ru,
            "Товарооборот Ирана и Казахстана в 2024 году составил 340 млн долларов. Экспорт Казахстана в Иран в 2023 году составил 500 млн долларов. "
                + "Экспорт Казахстана в Иран составил 120 млн долларов.", "2025-03-01", "Казинформ"
        ),
        (
            .fa,
            "حجم تجارت ایران و قزاقستان در سال ۱۴۰۳ به ۳۴۰ میلیون دلار رسید. صادرات قزاقستان به ایران در سال ۱۴۰۲ به ۵۰۰ میلیون دلار رسید. "
                + "صادرات ایران به قزاقستان ۱۲۰ میلیون دلار بود.", "2025-04-01", "ایرنا"
        ),
    ]

    static var seedArticle: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Data/reference/seed-article.txt"), encoding: .utf8)) ?? ""
    }

    @Test(
        "an article pasted and submitted in English, Russian and Persian: each statement marked with its verdict's class and label, listed as the API answers, laid out at 1400 and 390 px with nothing past the edge and every phrase translated"
    )
    func submitted() async throws {
        #expect(Self.seedArticle.contains("$340 million"))
        let served = try await ServedWorkspace()
        try await served.app().test(.live) { client in
            let port = try #require(client.port)
            let browser = try await WebDriver.start()
            var findings: [String] = []
            do {
                for article in Self.articles {
                    let language = article.language
                    try await browser.open(URL(string: "http://127.0.0.1:\(port)/check?lang=\(language.rawValue)")!)
                    try await browser.paste(article.text, into: "#check-article")
                    try await browser.type(article.published, into: "input[name=published]")
                    try await browser.type(article.source, into: "input[name=source]")
                    try await browser.submit("#check-form button[type=submit]")
                    let page = try await browser.source()
                    let name = language.rawValue
                    #expect(page.contains("id=\"check-summary\""), "\(name): no answer: \(page.prefix(400))")
                    #expect(!page.contains("id=\"check-problem\""), "\(name): refused")
                    let expected = try await Self.apiVerdicts(client, article.text, published: article.published, source: article.source)
                    #expect(expected.count >= (language == .en ? 5 : 3), "\(name): the API found \(expected.count) statements")
                    #expect(Self.listed(page) == expected, "\(name): the page lists what the API does not")
                    Self.checkMarks(page, expected: expected, words: Words(language))
                    for width in [1400, 390] {
                        let layout = try await PageLayout.measure(page, width: width, screenshot: "check-\(name)-\(width).png")
                        findings += DashboardTests.problems(layout, language: language).map { "\(name) \(width) px: \($0)" }
                    }
                }
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
            #expect(findings.isEmpty, "\(findings.count) problems:\n\(findings.prefix(40).joined(separator: "\n"))")
        }
    }

    /// Each statement's id and verdict as `POST /api/v1/check` answers for the same article.
    static func apiVerdicts(_ client: some TestClientProtocol, _ text: String, published: String, source: String) async throws -> [String: String] {
        let query = "published=\(published)&source=\(source.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        let answer = try await client.execute(uri: "/api/v1/check?\(query)", method: .post, body: ByteBuffer(string: text))
        #expect(answer.status == .ok, "\(answer.text.prefix(300))")
        let found = try answer.json()["found"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: found.map { ($0["id"] as? String ?? "", $0["verdict"] as? String ?? "") })
    }

    /// The statements the page lists, id to verdict.
    static func listed(_ page: String) -> [String: String] {
        let pattern = /<li id="statement-(f\d+)" data-verdict="([a-z_]+)">/
        return Dictionary(page.matches(of: pattern).map { (String($0.1), String($0.2)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every statement flagged in the text: in a mark of its verdict's class, its flag of that class
    /// saying the verdict in the page's words, after a symbol, so colour is not the only cue.
    static func checkMarks(_ page: String, expected: [String: String], words: Words) {
        var marked: [String: String] = [:]
        for mark in page.matches(of: /<mark class="([^"]*)" data-statements="([^"]*)">(.*?)<\/mark>/.dotMatchesNewlines()) {
            let classes = mark.1.split(separator: " ").map(String.init)
            for flag in mark.3.matches(of: /<a class="flag v-([a-z_]+)" id="(f\d+)"[^>]*>([^<]*)<\/a>/) {
                let (verdict, id, label) = (String(flag.1), String(flag.2), String(flag.3))
                marked[id] = verdict
                #expect(classes.contains("v-\(verdict)"), "\(id): its mark's classes are \(classes)")
                #expect(mark.2.split(separator: " ").contains(Substring(id)))
                #expect(label.contains(words.status(verdict)) && label.first?.isLetter == false, "\(id)'s label: \(label)")
            }
        }
        #expect(marked == expected, "the marks' verdicts differ from the API's")
    }
}
