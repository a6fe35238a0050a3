import AsyncHTTPClient
import CaravanPresentation
import CaravanService
import CaravanStore
import Crypto
import Foundation
import NIOCore

/// Sends each change owed to a watch as a POST of `{"changes": [change]}`, the body signed with
/// the watch's secret (`X-Caravan-Signature: sha256=HEX`, HMAC-SHA256). A delivery is claimed
/// before it is sent, so two senders (a server, a command) never send it both; a failed one is
/// tried again later, the wait doubling each time, until `tries` are spent.
public struct Deliveries: Sendable {
    let store: any ChangeStore
    /// How long one try waits for the receiver's answer.
    public var timeout: Duration = .seconds(10)
    /// The wait after the first failure; each later one doubles it, up to `longestWait`.
    public var firstWait: Duration = .seconds(30)
    public var longestWait: Duration = .seconds(3_600)
    /// Tries before a delivery is given up.
    public var tries = 8
    /// Deliveries claimed at a time.
    static let claim = 4

    public init(store: any ChangeStore) {
        self.store = store
    }

    /// What one round did.
    public struct Round: Sendable, Hashable {
        public var delivered = 0
        public var failed: [String] = []

        public init() {}
    }

    /// Sends every delivery due now, once each; what fails is left for a later round. An address
    /// that fails is not tried again in the round: what else it is owed waits with it. With a
    /// `budget`, no delivery is claimed after it is spent; what is left is sent by a later round.
    public func sendDue(now: Date = Date(), budget: Duration? = nil) async throws -> Round {
        var round = Round()
        var failing: [String: String] = [:]
        let start = ContinuousClock.now
        while budget.map({ start.duration(to: .now) < $0 }) ?? true {
            // The lease outlasts every try of the claim, so no other sender takes a delivery while
            // this one may still send it.
            let claimed = try await store.claimDeliveries(at: now, lease: timeout * (Self.claim + 1) + .seconds(5), limit: Self.claim)
            if claimed.isEmpty { return round }
            for delivery in claimed {
                let failure: String? =
                    if let earlier = failing[delivery.watch.url] { "not tried: \(earlier) on an earlier delivery of this round" } else {
                        await send(delivery)
                    }
                if let failure {
                    failing[delivery.watch.url] = failing[delivery.watch.url] ?? failure
                    let retryAt = delivery.attempts + 1 < tries ? Date().addingTimeInterval(wait(after: delivery.attempts + 1)) : nil
                    try await store.settle(delivery.id, .failed(reason: failure, retryAt: retryAt))
                    round.failed.append("\(delivery.watch.url): \(failure)" + (retryAt == nil ? " (given up)" : ""))
                } else {
                    try await store.settle(delivery.id, .delivered(at: Date()))
                    round.delivered += 1
                }
            }
        }
        return round
    }

    /// The wait after the `failures`-th failed try, in seconds.
    func wait(after failures: Int) -> TimeInterval {
        let first = Double(firstWait.components.seconds) + Double(firstWait.components.attoseconds) / 1e18
        let longest = Double(longestWait.components.seconds)
        return min(longest, first * Double(1 << min(failures - 1, 30)))
    }

    /// One try; nil when the receiver took it (any 2xx), else why not.
    private func send(_ delivery: Delivery) async -> String? {
        let body: String
        do { body = try JSONOutput.string(ChangeList([delivery.change])) } catch { return "the change could not be written: \(error)" }
        var request = HTTPClientRequest(url: delivery.watch.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "caravan/\(Release.version)")
        request.headers.add(name: "X-Caravan-Event", value: String(delivery.change.id))
        request.headers.add(name: "X-Caravan-Delivery", value: String(delivery.id))
        request.headers.add(name: "X-Caravan-Signature", value: "sha256=" + Self.signature(of: Data(body.utf8), secret: delivery.watch.secret))
        request.body = .bytes(ByteBuffer(string: body))
        do {
            let seconds = Int64(timeout.components.seconds)
            let response = try await Self.client.execute(request, timeout: .seconds(max(1, seconds)))
            _ = try? await response.body.collect(upTo: 64 << 10)
            return (200..<300).contains(response.status.code) ? nil : "HTTP \(response.status.code)"
        } catch {
            return "\(error)"
        }
    }

    /// The client every delivery goes through, kept for the process's life like `HTTPClient.shared`,
    /// but failing at once on a refused connection, where the shared one retries until the timeout.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// HMAC-SHA256 of `body` with `secret`, lowercase hex: what a receiver computes to check a delivery.
    public static func signature(of body: Data, secret: String) -> String {
        HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))).map { String(format: "%02x", $0) }.joined()
    }
}
