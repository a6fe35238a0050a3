import CaravanServer
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Watches over HTTP: so many a token, each token its own")
struct WatchAPITests {
    static func add(_ url: String, partnership: String? = nil) -> String {
        let encoded = url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url
        return "/api/v1/watches?url=\(encoded)" + (partnership.map { "&partnership=\($0)" } ?? "")
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
}
