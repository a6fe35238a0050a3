import CaravanData
import CaravanServer
import CaravanService
import CaravanTestSupport
import CaravanWatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@Suite("Changes over HTTP: the list, the Atom feed and the watches")
struct ChangeAPITests {
    @Test("the changes answer as the CLI writes them; since and partnership narrow them; an unknown partnership is 404")
    func list() async throws {
        let served = try await ServedWorkspace()
        let stored = try await served.workspace.changes()
        try await served.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/changes", method: .get) { response in
                let changes = try #require(try response.json()["changes"] as? [[String: Any]])
                #expect(response.status == .ok && changes.count == stored.count && !changes.isEmpty)
                let first = try #require(changes.first)
                #expect(Set(first.keys) == ["event", "partnership", "kind", "id", "from", "to", "cause", "at"])
                #expect(first["from"] is NSNull && (first["cause"] as? [String: Any])?["kind"] as? String == "import")
            }
            try await client.execute(uri: "/api/v1/changes?partnership=iran-turkmenistan", method: .get) { response in
                let changes = try #require(try response.json()["changes"] as? [[String: Any]])
                #expect(!changes.isEmpty && changes.allSatisfy { $0["partnership"] as? String == "iran-turkmenistan" })
            }
            try await client.execute(uri: "/api/v1/changes?since=2090-01-01", method: .get) { response in
                let changes = try response.json()["changes"] as? [Any]
                #expect(changes?.isEmpty == true, "\(response.status) \(response.text)")
            }
            try await client.execute(uri: "/api/v1/changes?since=yesterday", method: .get) { response in
                #expect(response.status == .badRequest && response.text.contains("since"))
            }
            try await client.execute(uri: "/api/v1/changes?partnership=nowhere", method: .get) { response in
                #expect(response.status == .notFound && response.errorCode == "unknown_partnership")
            }
        }
    }

    @Test(
        "the Atom feed is valid Atom as feedparser reads it: one entry a change, newest first, text escaped",
        .enabled(if: Tools.required || Tools.python(has: "feedparser")))
    func feed() async throws {
        let served = try await ServedWorkspace()
        let changes = try await served.workspace.changes(partnership: "iran-kazakhstan")
        let (status, type, text) = try await served.app().test(.router) { client in
            try await client.execute(uri: "/feed/iran-kazakhstan.atom", method: .get) { ($0.status, $0.headers[.contentType], $0.text) }
        }
        #expect(status == .ok && type == "application/atom+xml; charset=utf-8")
        let file = served.directory.write("feed.atom", text)
        let script = """
            import feedparser, json, sys
            d = feedparser.parse(open(sys.argv[1], 'rb').read())
            print(json.dumps({"bozo": bool(d.bozo), "version": d.version, "title": d.feed.get("title"),
                "ids": [e.id for e in d.entries], "titles": [e.title for e in d.entries], "updated": [e.updated for e in d.entries]}))
            """
        // Waited for off the pool the servers of other suites answer on.
        let result = try await Command.detached { try Command.run("/usr/bin/env", ["python3", "-c", script, file]) }
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(parsed["bozo"] as? Bool == false && parsed["version"] as? String == "atom10", "\(parsed)")
        let ids = try #require(parsed["ids"] as? [String])
        #expect(ids == changes.reversed().map { "urn:caravan:change:iran-kazakhstan:\($0.id)" })
        let titles = try #require(parsed["titles"] as? [String])
        let newest = try #require(changes.last)
        #expect(
            titles.first == "iran-kazakhstan: \(newest.subject.kind.rawValue) \(newest.subject.id): \(newest.from ?? "none") → \(newest.to ?? "none")"
        )
        try await served.app().test(.router) { client in
            try await client.execute(uri: "/feed/nowhere.atom", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("a watch is added with a token only, its secret said once; a bad address is refused; removed once")
    func watches() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            let add = "/api/v1/watches?url=https%3A%2F%2Fexample.org%2Fhook&partnership=iran-kazakhstan"
            try await client.execute(uri: add, method: .post) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: add, method: .post, headers: served.bearer(served.revoked)) { #expect($0.status == .forbidden) }
            let id = try await client.execute(uri: add, method: .post, headers: served.bearer(served.token)) { response in
                let answer = try response.json()
                #expect(response.status == .created && (answer["secret"] as? String)?.hasPrefix("cvn_") == true, "\(response.text)")
                return answer["id"] as? Int ?? 0
            }
            for url in ["javascript%3Aalert(1)", "ftp%3A%2F%2Fexample.org", "example.org%2Fhook", "https%3A%2F%2F"] {
                try await client.execute(uri: "/api/v1/watches?url=\(url)", method: .post, headers: served.bearer(served.token)) { response in
                    #expect(response.status == .badRequest && response.text.contains("url"), "\(url): \(response.text)")
                }
            }
            try await client.execute(
                uri: "/api/v1/watches?url=https%3A%2F%2Fexample.org&partnership=nowhere", method: .post, headers: served.bearer(served.token)
            ) {
                #expect($0.status == .notFound && $0.errorCode == "unknown_partnership")
            }
            try await client.execute(uri: "/api/v1/watches/\(id)", method: .delete) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/watches/\(id)", method: .delete, headers: served.bearer(served.token)) { response in
                let answer = try response.json()
                #expect(response.status == .ok && answer["secret"] == nil && answer["removed_at"] != nil)
            }
            try await client.execute(uri: "/api/v1/watches/x", method: .delete, headers: served.bearer(served.token)) { response in
                #expect(response.status == .badRequest && response.text.contains("expected a whole number"), "\(response.text)")
            }
            for again in ["\(id)", "999"] {
                try await client.execute(uri: "/api/v1/watches/\(again)", method: .delete, headers: served.bearer(served.token)) { response in
                    #expect(response.status == .notFound && response.errorCode == "unknown_watch", "\(again): \(response.text)")
                }
            }
        }
        #expect(try await served.workspace.store.watches().map(\.url) == ["https://example.org/hook"])
    }

    @Test("a running server sends a dossier's changes to a watch within seconds, each once and signed; the import is answered first")
    func pushed() async throws {
        let served = try await ServedWorkspace()
        let received = Mutex<[(event: String, signature: String, body: Data)]>([])
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            let headers = (request.headers[HTTPField.Name("X-Caravan-Event")!] ?? "", request.headers[HTTPField.Name("X-Caravan-Signature")!] ?? "")
            received.withLock { $0.append((headers.0, headers.1, body)) }
            return .noContent
        }
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await receiver.test(.live) { hook in
            // The receiver is on loopback: the server is one whose receivers are on its own network.
            try await served.app(.init(port: 0, allowsPrivateWatches: true)).test(.live) { client in
                let url = "http://127.0.0.1:\(hook.port!)/hook".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let secret = try await client.execute(uri: "/api/v1/watches?url=\(url)", method: .post, headers: served.bearer(served.token)) {
                    try $0.json()["secret"] as? String ?? ""
                }
                let original = try String(contentsOf: BundledData.dossierFiles[0], encoding: .utf8)
                let renamed = original.replacingOccurrences(of: "id: iran-kazakhstan", with: "id: iran-kazakhstan-2")
                let answer = try await client.execute(
                    uri: "/api/v1/dossiers/iran-kazakhstan-2", method: .put, headers: served.bearer(served.token), body: ByteBuffer(string: renamed))
                let changes = try #require(try answer.json()["changes"] as? [[String: Any]])
                #expect(answer.status == .created && !changes.isEmpty)
                var waited = 0
                while received.withLock({ $0.count }) < changes.count && waited < 100 {
                    try await Task.sleep(for: .milliseconds(100))
                    waited += 1
                }
                try await Task.sleep(for: .milliseconds(1_500))
                let deliveries = received.withLock { $0 }
                #expect(deliveries.map(\.event).sorted() == changes.compactMap { ($0["event"] as? Int).map(String.init) }.sorted())
                for delivery in deliveries {
                    #expect(delivery.signature == "sha256=" + Deliveries.signature(of: delivery.body, secret: secret))
                    let body = try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any]
                    let change = (body?["changes"] as? [[String: Any]])?.first
                    #expect(change?["partnership"] as? String == "iran-kazakhstan-2" && "\(change?["event"] ?? "")" == delivery.event)
                }
            }
        }
    }

    @Test("hostile text and extreme numbers in every new parameter are refused in words or answered; pages escape them")
    func hostile() async throws {
        let served = try await ServedWorkspace()
        let script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"
        try await served.app().test(.router) { client in
            for (query, status) in [
                ("since=1e308", HTTPResponse.Status.badRequest), ("since=1e-300", .badRequest), ("since=\(script)", .badRequest),
                ("since=99999999999-01-01", .badRequest), ("partnership=\(script)", .notFound),
            ] {
                try await client.execute(uri: "/api/v1/changes?\(query)", method: .get) { response in
                    #expect(
                        response.status == status && response.headers[.contentType]?.hasPrefix("application/json") == true,
                        "\(query): \(response.text)")
                }
            }
            let long = "https%3A%2F%2Fexample.org%2F" + String(repeating: "a", count: 100_000)
            for url in ["https%3A%2F%2Fexample.org%2F\(script)", long, "https%3A%2F%2F\(script)", "1e308"] {
                try await client.execute(uri: "/api/v1/watches?url=\(url)", method: .post, headers: served.bearer(served.token)) { response in
                    #expect([.created, .badRequest].contains(response.status), "\(url.prefix(80)): \(response.text.prefix(300))")
                    // A refusal quotes what it refused, inside JSON: never an HTML page.
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(response.text.prefix(300))")
                }
            }
            for id in ["1e308", "1e-300", "99999999999999999999999", "-1", "0", script] {
                try await client.execute(uri: "/api/v1/watches/\(id)", method: .delete, headers: served.bearer(served.token)) { response in
                    #expect(response.status == .badRequest, "\(id): \(response.text)")
                }
            }
            try await client.execute(uri: "/feed/\(script).atom", method: .get) { response in
                #expect(response.status == .notFound && !response.text.contains("<script>alert"), "\(response.text.prefix(300))")
            }
            try await client.execute(uri: "/changes?partnership=\(script)", method: .get) { response in
                #expect(response.status == .notFound && !response.text.contains("<script>alert"), "\(response.text.prefix(300))")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }
}
