import CaravanPresentation
import CaravanServer
import CaravanService
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Script, markup, `javascript:` addresses and right-to-left overrides in every text field of every
/// format a user can import, imported through the store and through the API, then every page and
/// the report opened in headless Chromium: no element or handler the text smuggled in may exist,
/// and the text must show as text.
@Suite("Hostile text shows as text", .serialized, .enabled(if: Browser.available, "no Chromium: run scripts/setup"))
struct HostileTextTests {
    /// Markup that would run or add elements if any page wrote it out as it is; `data-hostile`
    /// marks what must never become an element.
    static let payload =
        "<script>document.title='pwned'</script><b data-hostile=\"1\">bold</b>\"><img src=x onerror=\"alert(1)\" data-hostile=\"2\">'\u{202E}reversed"
    static let address = "javascript:alert(document.cookie)"
    /// An http(s) address that tries to break out of its attribute.
    static let breakout = "https://example.org/\"onmouseover=\"alert(1)\"data-hostile=\"3"

    /// A CSV field holding the payload, quoted as CSV quotes.
    static var field: String { "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func network() throws -> String {
        let evidence: [String: Any] = ["capacity_mt": ["source": "s1", "note": payload, "reasoning": payload]]
        let document: [String: Any] = [
            "name": "Net \(payload)",
            "nodes": [
                [
                    "id": "a", "name": "Alpha \(payload)", "names": ["fa": "آلفا \(payload)", "ru": "Альфа \(payload)"], "country": "KAZ",
                    "lat": 45.0,
                    "lon": 55.0, "capacity_mt": 10, "evidence": evidence,
                ],
                ["id": "b", "name": "Beta \(payload)", "country": "TKM", "lat": 40.0, "lon": 55.0],
                ["id": "c<i data-hostile=\"4\">", "name": "Gamma \(payload)", "country": "IRN", "lat": 37.0, "lon": 54.0],
            ],
            "links": [
                ["id": "ab", "from": "a", "to": "b", "mode": "rail", "hours": 20, "length_km": 600, "capacity_mt": 8, "evidence": evidence],
                ["id": "bc", "from": "b", "to": "c<i data-hostile=\"4\">", "mode": "rail", "hours": 15, "length_km": 400, "capacity_mt": 6],
            ],
            "corridors": [["id": "line", "name": "Line \(payload)", "elements": ["ab", "b", "bc"]]],
            "sources": [
                ["id": "s1", "title": "Source \(payload)", "publisher": "Publisher \(payload)", "url": address, "published": payload],
                ["id": "s2", "title": "Breakout", "url": breakout],
            ],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A dossier written as JSON, which is YAML too: every text field hostile.
    static func dossier() throws -> String {
        let sources: [[String: Any]] = [
            [
                "id": "paper", "title": "Paper \(payload)", "publisher": "Publisher \(payload)", "url": breakout, "origin": "Origin \(payload)",
                "via": ["Via \(payload)", payload],
            ],
            ["id": "office", "title": "Office \(payload)", "publisher": "Office"],
        ]
        let trade: [String: Any] = ["kind": "trade", "reporter": "IRN", "partner": "KAZ"]
        let document: [String: Any] = [
            "partnership": [
                "id": "hostile", "title": "Partnership \(payload)", "titles": ["fa": "شراکت \(payload)", "ru": "Партнёрство \(payload)"],
                "economies": ["IRN", "KAZ"], "corridor": "line",
            ],
            "sources": sources,
            "targets": [
                [
                    "id": "t1", "title": "Target \(payload)", "titles": ["fa": "هدف \(payload)"], "metric": trade, "value": 1_000_000_000,
                    "deadline": 2030, "assumed": true,
                    "assumption": "Assumed \(payload)", "source": "paper", "quote": "Quote \(payload)",
                ],
                [
                    "id": "t2", "title": "Freight \(payload)", "metric": ["kind": "freight", "element": "line"], "value": 5_000_000, "deadline": 2030,
                    "source": "office",
                ],
            ],
            "claims": [
                ["id": "c1", "source": "paper", "quote": "Claim \(payload)", "metric": trade, "period": "2024", "expect": ["value": 340_000_000]],
                [
                    "id": "c2", "source": "paper", "quote": "Statement \(payload)", "metric": ["kind": "statement", "text": "Said \(payload)"],
                    "period": "2024", "expect": ["above": 1],
                ],
                [
                    "id": "c3", "source": "office", "quote": "Grew \(payload)", "metric": trade, "period": "2024",
                    "expect": ["change_pct": 10, "versus": "2023"],
                ],
            ],
            "agreements": [
                [
                    "id": "g1", "title": "Agreement \(payload)", "parties": ["IRN", "KAZ"], "signed": "2024-05", "domain": "Domain \(payload)",
                    "status": "signed", "source": "office",
                ]
            ],
            "projects": [
                [
                    "id": "p1", "title": "Project \(payload)", "titles": ["ru": "Проект \(payload)"], "kind": "Kind \(payload)", "countries": ["KAZ"],
                    "budget_usd": 100, "status": "funded",
                    "source": "office", "effects": [["element": "ab", "capacity_mt": ["add": 2]]],
                    "funding": [["funder": "Funder \(payload)", "kind": "commitment", "amount_usd": 50, "date": "2024-01-01", "source": "office"]],
                    "milestones": [["name": "Milestone \(payload)", "planned": "2024-06"]],
                ]
            ],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
    }

    static let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote,compiler,status"
    /// Both sides' figures, so that the gap between them is shown with every name in it.
    static var figures: String {
        "\(header)\nIRN,KAZ,turnover,TOTAL,2023,300000000,,,\(field),\(breakout),2024-01-01,\(field),\(field),\n"
            + "IRN,KAZ,turnover,TOTAL,2024,340000000,,,\(field),,,\(field),,\n"
            + "KAZ,IRN,turnover,TOTAL,2023,310000000,,,\(field),,,\(field),\(field),\n"
            + "KAZ,IRN,turnover,TOTAL,2024,900000000,,,\(field),,,\(field),\(field),plan\n"
    }
    static var flows: String {
        "element,period,tonnes,direction,source,url,published,note,compiler,status\nline,2024,1000000,both,\(field),\(breakout),,\(field),\(field),forecast\n"
    }
    static var schedule: String {
        "reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url\nKAZ,IRN,10,5,0,2025-05-15,\(field),\(breakout)\n"
    }
    static var groups: String { "group,include,exclude,description\nHOSTILE,10,,\(field)\n" }
    static var relations: String {
        "reporter,partner,flow,commodity,period,versus,change_pct,ratio,source,url,published,quote,compiler\n"
            + "KAZ,IRN,turnover,TOTAL,2024,2023,10,,\(field),\(breakout),,\(field),\(field)\n"
    }

    @Test("every page and the report show imported script, markup and addresses as text")
    func pages() async throws {
        let served = try await ServedWorkspace(bundled: false)
        let workspace = served.workspace
        // Through the store, as `caravan import` does: the network first, which the others name.
        for (name, text) in [
            ("net.json", try Self.network()), ("figures <b data-hostile=\"5\">.csv", Self.figures), ("groups.csv", Self.groups),
            ("relations.csv", Self.relations),
        ] {
            _ = try await workspace.importFile(served.directory.write("file\(name.count).txt", text), as: name)
        }
        try await served.app().test(.live) { client in
            let port = try #require(client.port)
            // Through the API, the upload's name hostile too.
            for (name, text) in [("flows \(Self.payload).csv", Self.flows), ("schedule.csv", Self.schedule)] {
                let answer = try await client.execute(
                    uri: "/api/v1/imports?name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", method: .post,
                    headers: served.bearer(served.token), body: ByteBuffer(string: text))
                #expect(answer.status == .created, "\(name): \(answer.text.prefix(300))")
            }
            let dossier = try await client.execute(
                uri: "/api/v1/dossiers/hostile", method: .put, headers: served.bearer(served.token), body: ByteBuffer(string: try Self.dossier()))
            #expect(dossier.status == .created, "\(dossier.text.prefix(500))")
            let paths = [
                "/", "/trade", "/trade?reporter=IRN&partner=KAZ&commodity=HOSTILE", "/corridor",
                "/corridor?from=a&to=c%3Ci%20data-hostile%3D%224%22%3E",
                "/projects", "/claims", "/partnerships", "/trade?reporter=KAZ&partner=IRN", "/scenario", "/scenario?lang=fa", "/changes",
                "/changes?lang=fa",
                // In Persian and Russian too, names in those languages hostile, a hostile parameter kept in the switcher's links.
                "/?lang=fa&x=%3Cb%20data-hostile%3D%226%22%3E", "/corridor?from=a&to=b&lang=fa", "/corridor?lang=ru",
                "/trade?reporter=KAZ&partner=IRN&lang=fa",
                "/claims?lang=ru", "/projects?lang=fa",
            ]
            for path in paths {
                let page = try await Browser.load(URL(string: "http://127.0.0.1:\(port)\(path)")!)
                Self.check(page.dom, path)
                if path.hasPrefix("/trade?reporter=KAZ") { #expect(page.dom.contains("id=\"gap-waterfall\""), "the gap is not shown") }
            }
            let report = served.directory.url.appendingPathComponent("report.html")
            let data = try await workspace.reportData()
            for language in Language.allCases {
                try HTMLReport(data, words: Words(language)).html.rendered.write(to: report, atomically: true, encoding: .utf8)
                Self.check(try await Browser.load(report).dom, "the report")
            }
        }
    }

    /// No smuggled element, handler or address; the payload there as text.
    static func check(_ dom: String, _ page: String) {
        #expect(dom.contains("<nav>") || page == "the report", "\(page) did not load: \(dom.prefix(300))")
        let elements = DOMElements.read(dom)
        #expect(elements.count > 20, "\(page): too few elements read")
        for element in elements {
            #expect(element.tag != "script", "\(page) holds a script element")
            for (name, value) in element.attributes {
                #expect(name != "data-hostile", "\(page) holds a <\(element.tag)> the text smuggled in")
                #expect(!name.hasPrefix("on"), "\(page) holds a handler: <\(element.tag) \(name)=\"\(value)\">")
                #expect(
                    !(["href", "src", "action"].contains(name) && value.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("javascript:")),
                    "\(page) links to \(value)")
            }
        }
        #expect(!dom.contains("<title>pwned"), "\(page) ran a script")
        #expect(dom.contains("&lt;script&gt;document.title="), "\(page) does not show the text as text")
    }
}

/// The start tags of a serialized DOM, each with its attributes, quoted values read whole: what
/// the browser made of the page, element by element.
enum DOMElements {
    struct Element {
        let tag: String
        let attributes: [(String, String)]
    }

    static func read(_ dom: String) -> [Element] {
        var elements: [Element] = []
        var rest = Substring(dom)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter else { continue }
            let tag = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
            rest = rest.dropFirst(tag.count)
            var attributes: [(String, String)] = []
            while let next = rest.first, next != ">" {
                if next.isWhitespace || next == "/" {
                    rest = rest.dropFirst()
                    continue
                }
                let name = String(rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }).lowercased()
                rest = rest.dropFirst(max(name.count, 1))
                var value = ""
                if rest.first == "=" {
                    rest = rest.dropFirst()
                    if let quote = rest.first, quote == "\"" || quote == "'" {
                        rest = rest.dropFirst()
                        value = String(rest.prefix { $0 != quote })
                        rest = rest.dropFirst(value.count + 1)
                    } else {
                        value = String(rest.prefix { !$0.isWhitespace && $0 != ">" })
                        rest = rest.dropFirst(value.count)
                    }
                }
                attributes.append((name, value))
            }
            elements.append(Element(tag: tag, attributes: attributes))
        }
        return elements
    }
}
