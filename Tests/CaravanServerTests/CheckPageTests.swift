import CaravanPresentation
import CaravanServer
import CaravanService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The check page through the router, no browser: what it refuses and how, hostile text, access.
@Suite("The check page")
struct CheckPageTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A form's body, each value encoded as a browser encodes it.
    static func body(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        let encoded = fields.map { name, value in
            "\(name)=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return ByteBuffer(string: encoded.joined(separator: "&"))
    }

    /// Two figures in one sentence.
    static let article = "Trade between Iran and Kazakhstan reached $340 million in 2024 and $500 million in 2023."

    @Test("the form: a tab in every language, the stored partnerships to choose from, the language kept in the form's address")
    func form() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            for (language, tab) in [("en", "Check an article"), ("ru", "Проверить статью"), ("fa", "بررسی یک مقاله")] {
                let page = try await client.execute(uri: "/check?lang=\(language)", method: .get)
                #expect(page.status == .ok)
                #expect(page.text.contains("aria-current=\"page\">\(tab)</a>"), "\(language)")
                #expect(page.text.contains("<form class=\"query check-form\" method=\"post\" action=\"/check?lang=\(language)\""))
                #expect(
                    page.text.contains("<option value=\"iran-kazakhstan\" selected>") && page.text.contains("<option value=\"iran-turkmenistan\">"))
                #expect(!page.text.contains("id=\"check-summary\""))
            }
            let chosen = try await client.execute(uri: "/check?partnership=iran-turkmenistan", method: .get)
            #expect(chosen.text.contains("<option value=\"iran-turkmenistan\" selected>"))
        }
    }

    @Test("a sent article is checked: the summary, a mark a statement, the statements listed; line breaks sent as CRLF read as LF")
    func checked() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            let text = "Headline\r\n\r\n" + Self.article
            let body = Self.body([("article", text), ("published", "2025-12-11"), ("source", "Tehran Times"), ("partnership", ""), ("markup", "")])
            let page = try await client.execute(uri: "/check?lang=en", method: .post, headers: Self.form, body: body)
            #expect(page.status == .ok, "\(page.text.prefix(600))")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.text.contains("<p id=\"check-summary\"><strong>2 statements found</strong>"))
            #expect(
                page.text.contains("<div class=\"article-text\" id=\"article-text\" lang=\"en\" dir=\"ltr\"><span>Headline\n\n</span><mark class=\""))
            #expect(page.text.contains("data-statements=\"f1 f2\">Trade between Iran"), "both statements share their sentence's mark")
            #expect(page.text.contains("id=\"f1\" href=\"#statement-f1\"") && page.text.contains("<li id=\"statement-f2\" data-verdict=\""))
            #expect(page.text.contains("Tehran Times</a>") == false && page.text.contains("Tehran Times, published 11 Dec 2025"))
            #expect(page.text.contains("required>\nHeadline\n\nTrade between"), "the form is given back with the article")
        }
    }

    @Test(
        "a bad date, an unknown partnership, an empty article, a body not UTF-8: said in the frame, 400, the form given back; a body too large, 413")
    func refusals() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            let cases: [([(String, String)], String)] = [
                ([("article", Self.article), ("published", "2025-13-40"), ("source", "Paper <b>")], "&#39;published&#39;:"),
                ([("article", Self.article), ("partnership", "atlantis")], "&#39;partnership&#39;: no dossier for partnership &#39;atlantis&#39;"),
                ([("article", "  \n "), ("source", "Paper <b>")], "&#39;article&#39;: the article is empty"),
                (
                    [("article", Self.article), ("url", "https://example.org/" + String(repeating: "a", count: 2_100))],
                    "&#39;url&#39;: not an address"
                ),
            ]
            for (fields, message) in cases {
                let page = try await client.execute(uri: "/check?lang=ru", method: .post, headers: Self.form, body: Self.body(fields))
                #expect(page.status == .badRequest, "\(fields.map(\.0))")
                #expect(
                    page.text.contains("<nav>") && page.text.contains("id=\"check-problem\"") && page.text.contains(message),
                    "\(page.text.prefix(300))")
                #expect(page.text.contains("Статью нельзя проверить:") && !page.text.contains("id=\"check-summary\""))
                if let source = fields.first(where: { $0.0 == "source" }) {
                    #expect(page.text.contains("name=\"source\" value=\"\(HTML.escape(source.1))\""))
                }
            }
            let latin1 = ByteBuffer(bytes: Array("article=".utf8) + [0x25, 0x45, 0x39] + Array("&source=x".utf8))
            let notUTF8 = try await client.execute(uri: "/check", method: .post, headers: Self.form, body: latin1)
            #expect(notUTF8.status == .badRequest && notUTF8.text.contains("&#39;article&#39;: not UTF-8") && notUTF8.text.contains("<nav>"))
            let large = ByteBuffer(repeating: UInt8(ascii: "a"), count: (4 << 20) + 10)
            let tooLarge = try await client.execute(uri: "/check", method: .post, headers: Self.form, body: large)
            #expect(tooLarge.status == .contentTooLarge && tooLarge.text.contains("the form is over") && tooLarge.text.contains("<nav>"))
        }
    }

    @Test(
        "hostile text in an article — script, a breakout into an attribute, a right-to-left override, a 400-digit number — shows as text, and the server keeps answering"
    )
    func hostile() async throws {
        let served = try await ServedWorkspace()
        let digits = String(repeating: "9", count: 400)
        let text = """
            Trade between Iran and Kazakhstan reached $340 million in 2024. <script>alert(1)</script>
            Exports "><img src=x onerror=alert(2) data-hostile="1"> reached $\(digits) million in 2024.
            \u{202E}Trade between Iran and Kazakhstan reached $500 million in 2023.
            """
        try await served.app().test(.router) { client in
            for markup in ["", "html", "markdown"] {
                let body = Self.body([
                    ("article", text), ("source", "\"><script>alert(3)</script>"), ("url", "javascript:alert(4)"), ("markup", markup),
                ])
                let page = try await client.execute(uri: "/check?lang=fa", method: .post, headers: Self.form, body: body)
                #expect(page.status == .ok, "\(markup): \(page.text.prefix(500))")
                let html = page.text
                #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("href=\"javascript:"), "\(markup)")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(markup): the form gives the article back as text")
                for element in DOMElements.read(html) {
                    #expect(element.tag != "script" && element.tag != "img")
                    #expect(!element.attributes.contains { $0.0 == "data-hostile" || $0.0.hasPrefix("on") }, "<\(element.tag)>")
                }
                // The override is shown in the text as read, where every piece is isolated from what follows it.
                let shown = html.components(separatedBy: "id=\"article-text\"").last ?? ""
                #expect(shown.contains("\u{202E}") && shown.contains("<mark"), "\(markup)")
                #expect(html.contains(digits), "\(markup): the long number is shown")
            }
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
            let again = try await client.execute(
                uri: "/check", method: .post, headers: Self.form, body: Self.body([("article", Self.article), ("published", "2025-12-11")]))
            #expect(again.status == .ok && again.text.contains("id=\"check-summary\""))
        }
    }

    @Test("on a private server POST /check needs the token as a page does (HTTP Basic); elsewhere it is open; other posts are still writes")
    func access() async throws {
        let served = try await ServedWorkspace()
        let body = Self.body([("article", Self.article), ("published", "2025-12-11")])
        try await served.app().test(.router) { client in
            let open = try await client.execute(uri: "/check", method: .post, headers: Self.form, body: body)
            let api = try await client.execute(uri: "/api/v1/check", method: .post, body: ByteBuffer(string: Self.article))
            #expect(open.status == .ok && api.status == .ok)
        }
        try await served.app(.init(port: 0, privateReads: true)).test(.router) { client in
            let refused = try await client.execute(uri: "/check", method: .post, headers: Self.form, body: body)
            #expect(refused.status == .unauthorized && refused.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            var basic = Self.form
            basic[.authorization] = "Basic " + Data("analyst:\(served.token)".utf8).base64EncodedString()
            #expect(try await client.execute(uri: "/check", method: .post, headers: basic, body: body).status == .ok)
            var bearer = Self.form
            bearer[.authorization] = "Bearer \(served.revoked)"
            #expect(try await client.execute(uri: "/check", method: .post, headers: bearer, body: body).status == .forbidden)
            #expect(try await client.execute(uri: "/check?lang=fa", method: .get).status == .unauthorized)
            let api = try await client.execute(uri: "/api/v1/check", method: .post, body: ByteBuffer(string: Self.article))
            let apiWithToken = try await client.execute(
                uri: "/api/v1/check", method: .post, headers: served.bearer(served.token), body: ByteBuffer(string: Self.article))
            #expect(api.status == .unauthorized && apiWithToken.status == .ok)
        }
        // A post to another page's path is no read: a write to nothing, refused without a token as before.
        try await served.app().test(.router) { client in
            let elsewhere = try await client.execute(uri: "/checks", method: .post, body: body)
            let write = try await client.execute(uri: "/api/v1/imports?name=a.csv", method: .post, body: body)
            #expect(elsewhere.status != .ok && write.status == .unauthorized)
        }
    }
}
