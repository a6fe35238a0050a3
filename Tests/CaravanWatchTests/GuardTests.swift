import AsyncHTTPClient
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import CaravanWatch

/// A receiver on loopback that counts what reaches each of its paths and answers as each is told.
final class Probe: Sendable {
    private let hits = Mutex<[String: Int]>([:])

    func count(_ path: String) -> Int { hits.withLock { $0[path] ?? 0 } }
    var total: Int { hits.withLock { $0.values.reduce(0, +) } }

    /// Serves `/ok` (204), `/unauthorized` (401), `/down` (503), `/slow` (204 after 12 s), `/redirect`
    /// (307 to `/inner` on the same port) and `/inner` (204).
    func serving(_ body: @Sendable @escaping (Int) async throws -> Void) async throws {
        let router = Router()
        let answers: [(String, HTTPResponse.Status)] = [("ok", .noContent), ("unauthorized", .unauthorized), ("down", .serviceUnavailable)]
        for (path, status) in answers + [("inner", .noContent)] {
            router.post(RouterPath(path)) { _, _ -> HTTPResponse.Status in
                self.hits.withLock { $0[path, default: 0] += 1 }
                return status
            }
        }
        router.post("slow") { _, _ -> HTTPResponse.Status in
            self.hits.withLock { $0["slow", default: 0] += 1 }
            try await Task.sleep(for: .seconds(12))
            return .noContent
        }
        router.post("redirect") { request, _ -> Response in
            self.hits.withLock { $0["redirect", default: 0] += 1 }
            let host = request.head.authority ?? "127.0.0.1"
            return Response(status: .temporaryRedirect, headers: [.location: "http://\(host)/inner"])
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body(client.port!) }
    }
}

@Suite("Watches are no way into the server's network: public addresses only, no redirect, failures in few words")
struct GuardTests {
    let directory = TemporaryDirectory()

    /// A workspace with one partnership, each of `urls` watching it through the store (as a watch
    /// added before the checks, or to a name, would be), and its first judgement owed to them all.
    func owed(_ urls: [String]) async throws -> Workspace {
        let workspace = Workspace(store: try await StoreBackend.sqlite.makeStore(in: directory))
        for url in urls {
            _ = try await workspace.store.addWatch(
                url: url, partnership: nil, secret: "s", owner: nil, limits: WatchLimits(perToken: .max, perChange: .max), createdAt: Date())
        }
        _ = try await workspace.importDossier(text: SmallPartnership.dossier(withTarget: false), as: "kaz-irn.yaml")
        return workspace
    }

    @Test("a receiver on loopback is refused by every name and spelling and gets nothing; with private addresses allowed, each reaches it")
    func loopbackRefused() async throws {
        let probe = Probe()
        try await probe.serving { port in
            let hosts = ["localhost", "127.0.0.1", "127.1", "2130706433", "0x7f.1", "017700000001", "[::ffff:127.0.0.1]", "0.0.0.0"]
            let workspace = try await owed(hosts.map { "http://\($0):\(port)/ok" })
            defer { Task { await workspace.store.close() } }
            let refused = try await Deliveries(workspace: workspace).sendDue()
            #expect(refused.delivered == 0 && refused.failed.count == hosts.count * 3, "\(refused)")
            #expect(refused.failed.allSatisfy { $0.reason.hasPrefix("refused: not a public address") }, "\(refused.failed.map(\.reason))")
            #expect(probe.total == 0)

            var allowed = Deliveries(workspace: workspace)
            allowed.allowsPrivateAddresses = true
            let sent = try await allowed.sendDue(now: Date().addingTimeInterval(3_600))
            #expect(sent.failed.isEmpty && sent.delivered == hosts.count * 3, "\(sent.failed)")
            #expect(probe.count("ok") == hosts.count * 3)
        }
    }

    @Test("a delivery connects to the address judged, with the name kept for Host: a name nothing else resolves reaches it")
    func pinnedAddress() async throws {
        let probe = Probe()
        let loopback = try #require(IPAddress(literal: "127.0.0.1"))
        try await probe.serving { port in
            let destination = Destination(host: "caravan-pinned.invalid", address: loopback)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Deliveries.configuration(pinning: destination))
            var request = HTTPClientRequest(url: "http://caravan-pinned.invalid:\(port)/ok")
            request.method = .POST
            let status = try? await client.execute(request, timeout: .seconds(5)).status.code
            try await client.shutdown()
            #expect(status == 204 && probe.count("ok") == 1)
        }
    }

    @Test("a name server that answers a public address to the check and loopback after (DNS rebinding) leads the delivery nowhere inside")
    func rebinding() async throws {
        let probe = Probe()
        let outside = try #require(IPAddress(literal: "93.184.215.14"))
        try await probe.serving { port in
            // The system resolves localhost to 127.0.0.1: the second answer, which is never asked for.
            let workspace = try await owed(["http://localhost:\(port)/ok"])
            defer { Task { await workspace.store.close() } }
            var deliveries = Deliveries(workspace: workspace)
            deliveries.timeout = .seconds(1)
            deliveries.lookup = { _ in [outside] }
            let round = try await deliveries.sendDue()
            #expect(round.delivered == 0 && round.failed.count == 3, "\(round)")
            #expect(probe.total == 0)
        }
    }

    @Test("a 307 to another address is a failure and is not followed, even with private addresses allowed")
    func redirectNotFollowed() async throws {
        let probe = Probe()
        try await probe.serving { port in
            let workspace = try await owed(["http://127.0.0.1:\(port)/redirect"])
            defer { Task { await workspace.store.close() } }
            var deliveries = Deliveries(workspace: workspace)
            deliveries.allowsPrivateAddresses = true
            let round = try await deliveries.sendDue()
            #expect(round.delivered == 0 && round.failed.first?.reason == "failed: HTTP 3xx, not followed", "\(round)")
            #expect(probe.count("redirect") == 1 && probe.count("inner") == 0)
        }
    }

    @Test("what a failure records is refused or failed and a status class: no code, no port's state, no library's words")
    func fewWords() async throws {
        let probe = Probe()
        // A port that was just free: nothing listens there.
        let closed = try await { () async throws -> Int in
            let app = Application(router: Router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            return try await app.test(.live) { $0.port! }
        }()
        try await probe.serving { port in
            let expected = [
                "http://127.0.0.1:\(port)/unauthorized": "failed: HTTP 4xx", "http://127.0.0.1:\(port)/down": "failed: HTTP 5xx",
                "http://127.0.0.1:\(port)/slow": "failed: no answer", "http://127.0.0.1:\(closed)/ok": "failed: no answer",
                "http://no-such-host.invalid/hook": "failed: no answer",
            ]
            let workspace = try await owed(expected.keys.sorted())
            defer { Task { await workspace.store.close() } }
            var deliveries = Deliveries(workspace: workspace)
            deliveries.allowsPrivateAddresses = true
            // Long enough for a 503 on a machine running the whole suite beside a build; short of /slow's 12 s.
            deliveries.timeout = .seconds(6)
            let round = try await deliveries.sendDue()
            var first: [String: String] = [:]
            for failure in round.failed where first[failure.url] == nil { first[failure.url] = failure.reason }
            #expect(first == expected)
            for failure in round.failed {
                for word in ["401", "503", "111", "errno", "Error", "refused", "onnect", "\(port)", "\(closed)", "timed"] {
                    #expect(!failure.reason.contains(word), "\(failure.reason)")
                }
            }
            // Without private addresses allowed, a name that does not resolve reads as one that resolves inward: refused.
            let unresolved = try await Deliveries(workspace: workspace).sendDue(now: Date().addingTimeInterval(3_600))
            #expect(unresolved.failed.allSatisfy { $0.reason.hasPrefix("refused: not a public address") }, "\(unresolved.failed)")
        }
    }

    @Test("a round's failures are one line a watch, within 100 columns: the first five, then how many more")
    func lines() async throws {
        let long = "http://127.0.0.1:9/" + String(repeating: "a", count: 1_900)
        let workspace = try await owed((1...12).map { "\(long)\($0)" })
        defer { Task { await workspace.store.close() } }
        let round = try await Deliveries(workspace: workspace).sendDue()
        let lines = round.failureLines()
        #expect(round.failed.count == 36 && lines.count == 6, "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.map(\.count))")
        #expect(lines[0].hasPrefix("#1 http://127.0.0.1:9/aaa") && lines[0].hasSuffix("…: refused: not a public address"), "\(lines[0])")
        #expect(lines.last == "and 7 more watches failed")
    }
}
