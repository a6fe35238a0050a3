import CaravanServer
import CaravanService
import CaravanStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Access control")
struct AccessTests {
    /// Every route that is not a read, as the router has them: a route added later is checked too.
    static func writes(_ served: ServedWorkspace) -> [(HTTPRequest.Method, String)] {
        // An article posted to be checked, by the API or the page's form, is read and never stored: held to that in CheckPageTests.
        let reads: Set<String> = ["/check", "/api/v1/check"]
        return served.server().router().routes.filter { $0.method != .get && $0.method != .head && !reads.contains($0.path.description) }.map {
            route in
            // A path parameter gets a plain value: `{partnership}` → `sample`.
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix(":") ? "sample" : String($0) }
            return (route.method, "/" + path.joined(separator: "/"))
        }
    }

    @Test("every write is refused without a token (401), with an unknown one (401) and with a revoked one (403); nothing is stored")
    func writesNeedAToken() async throws {
        let served = try await ServedWorkspace()
        let writes = Self.writes(served)
        #expect(writes.count >= 2, "the router has \(writes.count) write routes")
        let before = try await served.workspace.batches().count
        let body = ByteBuffer(string: "reporter,partner,flow,commodity,period,value_usd,source\nKAZ,IRN,export,TOTAL,2030,1,X\n")
        try await served.app().test(.router) { client in
            for (method, path) in writes {
                let uri = path + "?name=x.csv"
                try await client.execute(uri: uri, method: method, body: body) { response in
                    #expect(response.status == .unauthorized && response.errorCode == "unauthorized", "\(method) \(path)")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"caravan\"")
                }
                try await client.execute(uri: uri, method: method, headers: served.bearer("cvn_" + String(repeating: "0", count: 64)), body: body) {
                    #expect($0.status == .unauthorized, "\(method) \(path) with an unknown token")
                }
                try await client.execute(uri: uri, method: method, headers: [.authorization: "Basic \(served.token)"], body: body) {
                    #expect($0.status == .unauthorized, "\(method) \(path) with another scheme")
                }
                try await client.execute(uri: uri, method: method, headers: served.bearer(served.revoked), body: body) { response in
                    #expect(response.status == .forbidden && response.errorCode == "forbidden", "\(method) \(path) with a revoked token")
                }
            }
        }
        #expect(try await served.workspace.batches().count == before)
    }

    @Test("reads are open by default; a private server asks a token for them too, but not for /healthz")
    func privateReads() async throws {
        let served = try await ServedWorkspace()
        let reads = ["/api/v1/scorecard", "/api/v1/trade/series?reporter=IRN&partner=KAZ", "/", "/corridor", "/api/v1/openapi.json"]
        try await served.app().test(.router) { client in
            for uri in reads { try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok, "\(uri)") } }
        }
        try await served.app(.init(port: 0, privateReads: true)).test(.router) { client in
            for uri in reads {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .unauthorized, "\(uri) without a token") }
                try await client.execute(uri: uri, method: .get, headers: served.bearer(served.token)) { #expect($0.status == .ok, "\(uri)") }
                try await client.execute(uri: uri, method: .get, headers: served.bearer(served.revoked)) {
                    #expect($0.status == .forbidden, "\(uri)")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            // A browser asks for the token as a password, and sends it with HTTP Basic.
            try await client.execute(uri: "/corridor", method: .get) { response in
                #expect(response.status == .unauthorized && response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            }
            let basic = Data("analyst:\(served.token)".utf8).base64EncodedString()
            try await client.execute(uri: "/corridor", method: .get, headers: [.authorization: "Basic \(basic)"]) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/scorecard", method: .get, headers: [.authorization: "Basic \(basic)"]) {
                #expect($0.status == .unauthorized, "the API takes bearer tokens only")
            }
        }
    }

    @Test("a token made or revoked while the server runs counts within a second")
    func liveRevocation() async throws {
        let served = try await ServedWorkspace()
        try await served.app(.init(port: 0, privateReads: true)).test(.router) { client in
            let fresh = try await served.workspace.createToken(name: "newsroom").secret
            try await Task.sleep(for: .milliseconds(1_100))
            try await client.execute(uri: "/api/v1/imports", method: .get, headers: served.bearer(fresh)) { #expect($0.status == .ok) }
            _ = try await served.workspace.store.revokeToken(named: "newsroom", at: Date())
            try await Task.sleep(for: .milliseconds(1_100))
            try await client.execute(uri: "/api/v1/imports", method: .get, headers: served.bearer(fresh)) { #expect($0.status == .forbidden) }
        }
    }

    @Test("the request log names the token, never its secret")
    func logs() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/imports?name=a.csv", method: .post, headers: served.bearer(served.token), body: ByteBuffer(string: "x")
            ) { _ in }
            try await client.execute(uri: "/api/v1/imports?name=a.csv", method: .post, headers: served.bearer(served.revoked)) { _ in }
        }
        let log = served.log.text
        #expect(log.contains("token=data-officer") && log.contains("token=former-intern") && log.contains("path=/api/v1/imports"))
        #expect(!log.contains(served.token) && !log.contains(served.revoked) && !log.contains("cvn_"))
    }

    @Test("secrets are checked by their hash against every token")
    func checking() {
        let secret = AccessTokens.newSecret()
        let tokens = [
            CaravanStore.AccessToken(id: 1, name: "old", secretSHA256: AccessTokens.digest(secret), createdAt: Date(), revokedAt: Date()),
            CaravanStore.AccessToken(id: 2, name: "other", secretSHA256: AccessTokens.digest("cvn_other"), createdAt: Date()),
        ]
        #expect(secret.hasPrefix("cvn_") && secret.count == 68 && AccessTokens.newSecret() != secret)
        #expect(AccessTokens.check(secret, against: tokens) == .revoked(name: "old"))
        #expect(AccessTokens.check("cvn_other", against: tokens) == .granted(name: "other", id: 2))
        #expect(AccessTokens.check("cvn_guess", against: tokens) == .unknown)
        #expect(AccessTokens.check(secret, against: []) == .unknown)
    }
}
