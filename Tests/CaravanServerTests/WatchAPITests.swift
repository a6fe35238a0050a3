import CaravanData
import CaravanServer
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@Suite("Watches over HTTP: public addresses only, so many a token, each token its own")
struct WatchAPITests {
    static func add(_ url: String, partnership: String? = nil) -> String {
        let encoded = url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url
        return "/api/v1/watches?url=\(encoded)" + (partnership.map { "&partnership=\($0)" } ?? "")
    }

    @Test("a watch to each spelling of loopback, private and link-local is refused with 400 and a sentence; a server allowing them adds it")
    func refusedAtCreation() async throws {
        let served = try await ServedWorkspace()
        let hosts = [
            "127.0.0.1", "0x7f.1", "2130706433", "127.1", "017700000001", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0", "localhost", "10.0.0.8",
            "172.16.5.4", "192.168.0.1", "100.64.0.1", "169.254.169.254", "[fe80::1]", "[fd00::1]", "[64:ff9b::a9fe:a9fe]",
        ]
        try await served.app().test(.router) { client in
            for host in hosts {
                try await client.execute(uri: Self.add("http://\(host):8080/api/v1/imports"), method: .post, headers: served.bearer(served.token)) {
                    response in
                    let message = ((try response.json()["error"] as? [String: Any])?["message"] as? String) ?? ""
                    #expect(response.status == .badRequest && response.errorCode == "invalid_parameter", "\(host): \(response.text)")
                    #expect(message.contains("public addresses only") && message.hasPrefix("'url': "), "\(host): \(message)")
                }
            }
        }
        #expect(try await served.workspace.store.watches().isEmpty)
        try await served.app(.init(port: 0, allowsPrivateWatches: true)).test(.router) { client in
            for host in hosts {
                try await client.execute(uri: Self.add("http://\(host):8080/hook"), method: .post, headers: served.bearer(served.token)) {
                    #expect($0.status == .created, "\(host): \($0.text)")
                }
            }
        }
    }

    @Test("a token may have 100 active watches: the 101st is 409 watch_limit, saying so; removing one makes room; another token is not held")
    func limitPerToken() async throws {
        let served = try await ServedWorkspace()
        let other = try await served.workspace.createToken(name: "newsroom").secret
        try await served.app().test(.router) { client in
            var ids: [Int] = []
            for n in 1...100 {
                ids.append(
                    try await client.execute(uri: Self.add("https://example.org/\(n)"), method: .post, headers: served.bearer(served.token)) {
                        #expect($0.status == .created)
                        return try $0.json()["id"] as? Int ?? 0
                    })
            }
            try await client.execute(uri: Self.add("https://example.org/101"), method: .post, headers: served.bearer(served.token)) { response in
                #expect(response.status == .conflict && response.errorCode == "watch_limit", "\(response.text)")
                #expect(response.text.contains("100 active watches"))
            }
            try await client.execute(uri: Self.add("https://example.org/other"), method: .post, headers: served.bearer(other)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/api/v1/watches/\(ids[0])", method: .delete, headers: served.bearer(served.token)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: Self.add("https://example.org/101"), method: .post, headers: served.bearer(served.token)) {
                #expect($0.status == .created)
            }
        }
    }

    @Test(
        "GET /api/v1/watches lists the caller's active watches only, never a secret, and needs a token on an open server; no token removes another's")
    func ownList() async throws {
        let served = try await ServedWorkspace()
        let other = try await served.workspace.createToken(name: "newsroom").secret
        try await served.app().test(.router) { client in
            let mine = try await client.execute(uri: Self.add("https://example.org/mine"), method: .post, headers: served.bearer(served.token)) {
                try $0.json()["id"] as? Int ?? 0
            }
            let gone = try await client.execute(uri: Self.add("https://example.org/gone"), method: .post, headers: served.bearer(served.token)) {
                try $0.json()["id"] as? Int ?? 0
            }
            let theirs = try await client.execute(uri: Self.add("https://example.org/theirs"), method: .post, headers: served.bearer(other)) {
                try $0.json()["id"] as? Int ?? 0
            }
            try await client.execute(uri: "/api/v1/watches/\(gone)", method: .delete, headers: served.bearer(served.token)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/watches/\(theirs)", method: .delete, headers: served.bearer(served.token)) { response in
                #expect(response.status == .notFound && response.errorCode == "unknown_watch", "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/watches", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/watches", method: .get, headers: served.bearer(served.revoked)) {
                #expect($0.status == .forbidden)
            }
            for (secret, id, url) in [(served.token, mine, "https://example.org/mine"), (other, theirs, "https://example.org/theirs")] {
                try await client.execute(uri: "/api/v1/watches", method: .get, headers: served.bearer(secret)) { response in
                    let watches = try #require(try response.json()["watches"] as? [[String: Any]])
                    #expect(response.status == .ok && watches.count == 1, "\(response.text)")
                    #expect(watches.first?["id"] as? Int == id && watches.first?["url"] as? String == url)
                    #expect(watches.first?["owed"] as? Int == 0 && watches.first?["secret"] == nil && !response.text.contains("cvn_"))
                }
            }
        }
    }

    @Test("a watch to a name resolving to loopback, slipped into the store, is refused by a running server: nothing reaches it, its owner reads why")
    func refusedAtDelivery() async throws {
        let served = try await ServedWorkspace()
        let reached = Mutex(0)
        let router = Router()
        router.post("/hook") { _, _ -> HTTPResponse.Status in
            reached.withLock { $0 += 1 }
            return .noContent
        }
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let owner = try #require(try await served.workspace.store.tokens().first { $0.name == "data-officer" }?.id)
        try await receiver.test(.live) { hook in
            _ = try await served.workspace.addWatch(WatchRequest(url: "http://localhost:\(hook.port!)/hook", partnership: nil), owner: owner)
            try await served.app().test(.live) { client in
                let original = try String(contentsOf: BundledData.dossierFiles[0], encoding: .utf8)
                let renamed = original.replacingOccurrences(of: "id: iran-kazakhstan", with: "id: iran-kazakhstan-2")
                let answer = try await client.execute(
                    uri: "/api/v1/dossiers/iran-kazakhstan-2", method: .put, headers: served.bearer(served.token), body: ByteBuffer(string: renamed))
                #expect(answer.status == .created)
                // The round logs what failed once it has been through everything due.
                for _ in 0..<100 where !served.log.text.contains("webhook delivery failed") { try await Task.sleep(for: .milliseconds(100)) }
                let standing = try await client.execute(uri: "/api/v1/watches", method: .get, headers: served.bearer(served.token)) {
                    (try $0.json()["watches"] as? [[String: Any]])?.first ?? [:]
                }
                #expect((standing["last_error"] as? String)?.hasPrefix("refused: not a public address") == true, "\(standing)")
                #expect((standing["owed"] as? Int ?? 0) > 0)
            }
        }
        #expect(reached.withLock { $0 } == 0)
        let log = served.log.text
        #expect(log.contains("webhook delivery failed: #1 http://localhost:") && log.contains("refused: not a public address"), "\(log)")
        #expect(!log.contains("onnection refused") && !log.contains("errno") && !log.contains("HTTPClientError"))
    }
}
