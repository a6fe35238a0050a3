import CaravanData
import CaravanServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST /api/v1/check: an article checked over HTTP, and its figures stored")
struct CheckAPITests {
    static let seed = "/api/v1/check?published=2025-12-11&source=Tehran%20Times"

    @Test("the seed article, sent as text, needs no token and answers each statement with its verdict; the answer is not kept")
    func seed() async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            let body = ByteBuffer(string: BundledData.seedArticle)
            let answer = try await client.execute(uri: Self.seed, method: .post, headers: [.contentType: "text/plain"], body: body) { response in
                #expect(response.status == .ok, "\(response.text)")
                return try response.json()
            }
            let found = try #require(answer["found"] as? [[String: Any]])
            // Its first figure is the dossier's claim a1, judged as the scorecard judges it.
            let scorecard = try await client.execute(uri: "/api/v1/scorecard", method: .get) { try $0.json() }
            let a1 = (scorecard["claims"] as? [[String: Any]])?.first { $0["id"] as? String == "a1" }
            let figure = found.first { $0["kind"] as? String == "figure" }
            #expect(figure?["period"] as? String == "2024" && figure?["value_usd"] as? Double == 340_000_000)
            #expect(figure?["verdict"] as? String == a1?["verdict"] as? String && a1 != nil)
            #expect(found.allSatisfy { ($0["span_utf16"] as? [Int])?.count == 2 && $0["reason"] is String })
            // Another article at the same address is read afresh, not answered from a cache.
            let other = ByteBuffer(string: "Trade reached $100 million in 2019.")
            try await client.execute(uri: Self.seed, method: .post, body: other) { response in
                let found = try #require(try response.json()["found"] as? [[String: Any]])
                #expect(found.count == 1 && found.first?["value_usd"] as? Double == 100_000_000)
            }
        }
    }

    @Test(
        "what the body or the query gets wrong is a 4xx that says why",
        arguments: [
            ("/api/v1/check", "", HTTPResponse.Status.badRequest, "empty_body"),
            ("/api/v1/check?published=yesterday", "Trade reached $1 million in 2019.", .badRequest, "invalid_parameter"),
            ("/api/v1/check?partnership=nowhere", "Trade reached $1 million in 2019.", .notFound, "unknown_partnership"),
            ("/api/v1/check?markup=pdf", "x", .badRequest, "invalid_parameter"),
            ("/api/v1/check?colour=red", "x", .badRequest, "unknown_parameter"),
        ])
    func refusals(uri: String, body: String, status: HTTPResponse.Status, code: String) async throws {
        let served = try await ServedWorkspace()
        try await served.app().test(.router) { client in
            try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == status && response.errorCode == code, "\(response.text)")
            }
        }
    }

    @Test("bytes that are not UTF-8, a form upload and an article over the limit are refused; the server keeps answering")
    func hostileBodies() async throws {
        let served = try await ServedWorkspace()
        try await served.app(.init(port: 0, maxUploadBytes: 1 << 20)).test(.router) { client in
            try await client.execute(uri: "/api/v1/check", method: .post, body: ByteBuffer(bytes: [0x24, 0xFF, 0xFE])) { response in
                #expect(response.status == .badRequest && response.errorCode == "not_utf8")
            }
            try await client.execute(
                uri: "/api/v1/check", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"], body: ByteBuffer(string: "x")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/api/v1/check", method: .post, body: ByteBuffer(repeating: 0x41, count: (1 << 20) + 1)) { response in
                #expect(response.status == .contentTooLarge)
            }
            let hostile =
                "Trade\u{202E} reached $\(String(repeating: "9", count: 400)) million in 2024. <script>alert(1)</script> $5 million in 2023 trade."
            try await client.execute(uri: "/api/v1/check", method: .post, body: ByteBuffer(string: hostile)) { response in
                #expect(response.status == .ok, "\(response.text)")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test("on a private server reading an article needs a token; storing its figures always does, and its source")
    func access() async throws {
        let served = try await ServedWorkspace()
        let article = ByteBuffer(string: "Trade between Iran and Kazakhstan reached $777 million in 2023.")
        try await served.app(.init(port: 0, privateReads: true)).test(.router) { client in
            try await client.execute(uri: "/api/v1/check", method: .post, body: article) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/check", method: .post, headers: served.bearer(served.token), body: article) { response in
                #expect(response.status == .ok)
            }
        }
        try await served.app().test(.router) { client in
            let store = "/api/v1/check/figures?source=Example%20Daily&published=2024-02-01"
            try await client.execute(uri: store, method: .post, body: article) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/check/figures", method: .post, headers: served.bearer(served.token), body: article) { response in
                #expect(response.status == .badRequest && response.errorCode == "source_required")
            }
            let nothing = ByteBuffer(string: "Relations are warm.")
            try await client.execute(uri: store, method: .post, headers: served.bearer(served.token), body: nothing) { response in
                #expect(response.status == .unprocessableContent && response.errorCode == "no_figures")
            }
            try await client.execute(uri: store, method: .post, headers: served.bearer(served.token), body: article) { response in
                #expect(response.status == .created, "\(response.text)")
            }
            // Stored once: the same article again adds nothing.
            try await client.execute(uri: store, method: .post, headers: served.bearer(served.token), body: article) { response in
                let status = try response.json()["status"] as? String
                #expect(response.status == .ok && status == "already_imported", "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/trade/series?reporter=IRN&partner=KAZ", method: .get) { response in
                #expect(response.text.contains("Example Daily") && response.text.contains("777000000"))
            }
        }
    }
}
