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
/// tried again later, the wait doubling each time, until `tries` are spent. Only public addresses
/// are sent to (Destination), redirects are not followed, and what a failure records says no more
/// than "refused" or "failed" and a status class (Failure), so watches map nothing of the network.
public struct Deliveries: Sendable {
    let workspace: Workspace
    /// Loopback, private and link-local addresses are sent to as well: for receivers on the server's own network.
    public var allowsPrivateAddresses = false
    /// How a host's addresses are found before a delivery: getaddrinfo. A test puts a name server
    /// here that answers otherwise than the system's, as a rebinding one would the second time.
    var lookup: @Sendable (String) async -> [IPAddress] = Destination.resolve
    /// How long one try waits for the receiver's answer.
    public var timeout: Duration = .seconds(10)
    /// The wait after the first failure; each later one doubles it, up to `longestWait`.
    public var firstWait: Duration = .seconds(30)
    public var longestWait: Duration = .seconds(3_600)
    /// Tries before a delivery is given up.
    public var tries = 8
    /// Deliveries claimed at a time.
    static let claim = 4

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// What one round did.
    public struct Round: Sendable, Hashable {
        public var delivered = 0
        /// Each delivery that failed, in the order tried.
        public var failed: [Failure] = []

        public init() {}
    }

    /// One delivery that failed, as its watch's owner may be told of it.
    public struct Failure: Sendable, Hashable {
        public var watch: Int64
        public var url: String
        /// The words recorded: `refused: not a public address`; `failed: no answer`; `failed: HTTP 4xx`
        /// or `5xx`; `failed: HTTP 3xx, not followed`; each with `, not tried again this round` when
        /// an earlier delivery to the address failed so.
        public var reason: String
        /// No try is left: the delivery is given up.
        public var givenUp: Bool
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
            let claimed = try await workspace.claimDeliveries(at: now, lease: timeout * (Self.claim + 1) + .seconds(5), limit: Self.claim)
            if claimed.isEmpty { return round }
            for delivery in claimed {
                let failure: String? =
                    if let earlier = failing[delivery.watch.url] { "\(earlier), not tried again this round" } else {
                        await send(delivery)
                    }
                if let failure {
                    failing[delivery.watch.url] = failing[delivery.watch.url] ?? failure
                    let retryAt = delivery.attempts + 1 < tries ? Date().addingTimeInterval(wait(after: delivery.attempts + 1)) : nil
                    try await workspace.settle(delivery.id, .failed(reason: failure, retryAt: retryAt))
                    round.failed.append(Failure(watch: delivery.watch.id, url: delivery.watch.url, reason: failure, givenUp: retryAt == nil))
                } else {
                    try await workspace.settle(delivery.id, .delivered(at: Date()))
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

    /// One try; nil when the receiver took it (any 2xx), else why not, in words that say nothing
    /// of the network behind the address: which ports answer, what runs there.
    private func send(_ delivery: Delivery) async -> String? {
        guard let destination = await Destination.of(delivery.watch.url, allowingPrivate: allowsPrivateAddresses, lookup: lookup) else {
            return "refused: not a public address"
        }
        let body: String
        do { body = try JSONOutput.string(ChangeList([delivery.change])) } catch { return "failed: the change could not be written" }
        var request = HTTPClientRequest(url: delivery.watch.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "caravan/\(Release.version)")
        request.headers.add(name: "X-Caravan-Event", value: String(delivery.change.id))
        request.headers.add(name: "X-Caravan-Delivery", value: String(delivery.id))
        request.headers.add(name: "X-Caravan-Signature", value: "sha256=" + Self.signature(of: Data(body.utf8), secret: delivery.watch.secret))
        request.body = .bytes(ByteBuffer(string: body))
        // A client of its own, to connect to the address judged and no other.
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.configuration(pinning: destination))
        let status: UInt
        do {
            let seconds = Int64(timeout.components.seconds)
            let response = try await client.execute(request, timeout: .seconds(max(1, seconds)))
            _ = try? await response.body.collect(upTo: 64 << 10)
            status = response.status.code
        } catch {
            status = 0
        }
        try? await client.shutdown()
        switch status {
        case 200..<300: return nil
        case 300..<400: return "failed: HTTP 3xx, not followed"
        case 100..<600: return "failed: HTTP \(status / 100)xx"
        default: return "failed: no answer"
        }
    }

    /// Fails at once on a refused connection (where the shared client retries until the timeout),
    /// follows no redirect, and connects to the destination's address.
    static func configuration(pinning destination: Destination) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.redirectConfiguration = .disallow
        configuration.dnsOverride = destination.override
        return configuration
    }

    /// HMAC-SHA256 of `body` with `secret`, lowercase hex: what a receiver computes to check a delivery.
    public static func signature(of body: Data, secret: String) -> String {
        HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))).map { String(format: "%02x", $0) }.joined()
    }
}
