import CaravanService
import CaravanStore
import CaravanTestSupport
import CaravanWatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// A webhook receiver on loopback: checks each delivery's signature, answers 500 to the first
/// tries it is told to fail, and keeps what it took.
final class Receiver: Sendable {
    let secret = Mutex<String>("")
    let failFirst: Int
    private let state = Mutex<(tries: Int, taken: [Int64], badSignatures: Int)>((0, [], 0))

    init(failFirst: Int) { self.failFirst = failFirst }

    var tries: Int { state.withLock { $0.tries } }
    var taken: [Int64] { state.withLock { $0.taken } }
    var badSignatures: Int { state.withLock { $0.badSignatures } }

    var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            let data = Data(body.readableBytesView)
            let expected = "sha256=" + Deliveries.signature(of: data, secret: self.secret.withLock { $0 })
            let signed = request.headers[HTTPField.Name("X-Caravan-Signature")!] == expected
            let event = request.headers[HTTPField.Name("X-Caravan-Event")!].flatMap { Int64($0) }
            return self.state.withLock { state in
                state.tries += 1
                guard signed, let event else {
                    state.badSignatures += 1
                    return .unauthorized
                }
                if state.tries <= self.failFirst { return .internalServerError }
                state.taken.append(event)
                return .noContent
            }
        }
        return router
    }

    func serving(_ body: @Sendable @escaping (Int) async throws -> Void) async throws {
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body(client.port!) }
    }
}

@Suite("Webhooks: signed, retried after a failure, never sent twice")
struct DeliveryTests {
    let directory = TemporaryDirectory()

    @Test("a receiver that fails once gets every change once, each signed, after the wait; nothing is owed after", arguments: StoreBackend.available)
    func retriedOnce(_ backend: StoreBackend) async throws {
        let workspace = Workspace(store: try await backend.makeStore(in: directory))
        defer { Task { await workspace.store.close() } }
        let receiver = Receiver(failFirst: 1)
        try await receiver.serving { port in
            _ = try await workspace.importFile(directory.write("kaz-irn.yaml", SmallPartnership.dossier()))
            let watch = try await workspace.addWatch(WatchRequest(url: "http://127.0.0.1:\(port)/hook", partnership: "kaz-irn"))
            receiver.secret.withLock { $0 = watch.secret }
            let elsewhere = try await workspace.addWatch(WatchRequest(url: "http://127.0.0.1:\(port)/gone", partnership: nil))

            let path = directory.write(
                "kaz-irn.csv", SmallPartnership.turnover)
            let changes = try await workspace.importFile(path).changes
            #expect(changes.count == 2)
            #expect(try await workspace.store.pendingDeliveries() == 4)
            // A watch removed is owed nothing more.
            _ = try await workspace.removeWatch(id: elsewhere.id)
            #expect(try await workspace.store.pendingDeliveries() == 2)
            var deliveries = Deliveries(workspace: workspace)
            deliveries.allowsPrivateAddresses = true
            deliveries.firstWait = .seconds(60)
            let first = try await deliveries.sendDue()
            // The first try fails; the address is not tried again in the round, so both wait.
            #expect(first.delivered == 0 && first.failed.count == 2 && first.failed[0].reason == "failed: HTTP 5xx", "\(first)")
            #expect(first.failed[1].reason == "failed: HTTP 5xx, not tried again this round", "\(first)")
            // They wait their turn: a round at once sends nothing, a round a minute later sends both.
            #expect(try await deliveries.sendDue() == Deliveries.Round())
            let second = try await deliveries.sendDue(now: Date().addingTimeInterval(61))
            #expect(second.delivered == 2 && second.failed.isEmpty)
            #expect(try await deliveries.sendDue(now: Date().addingTimeInterval(86_400)) == Deliveries.Round())
            #expect(try await workspace.store.pendingDeliveries() == 0)
            #expect(receiver.tries == 3 && receiver.badSignatures == 0)
            #expect(receiver.taken.sorted() == changes.map(\.id).sorted())
        }
    }

    @Test("two senders at once send each delivery once")
    func twoSenders() async throws {
        let workspace = Workspace(store: try await StoreBackend.sqlite.makeStore(in: directory))
        let receiver = Receiver(failFirst: 0)
        try await receiver.serving { port in
            let watch = try await workspace.addWatch(WatchRequest(url: "http://127.0.0.1:\(port)/hook", partnership: nil))
            receiver.secret.withLock { $0 = watch.secret }
            _ = try await workspace.importFile(directory.write("kaz-irn.yaml", SmallPartnership.dossier()))
            var sender = Deliveries(workspace: workspace)
            sender.allowsPrivateAddresses = true
            let deliveries = sender
            async let a = deliveries.sendDue()
            async let b = deliveries.sendDue()
            let (x, y) = try await (a, b)
            #expect(x.delivered + y.delivered == 4)
            #expect(receiver.taken.count == 4 && Set(receiver.taken).count == 4)
        }
    }

    @Test("a receiver that never answers 2xx is given up after the tries, and says why")
    func givenUp() async throws {
        let workspace = Workspace(store: try await StoreBackend.sqlite.makeStore(in: directory))
        let receiver = Receiver(failFirst: .max)
        try await receiver.serving { port in
            let watch = try await workspace.addWatch(WatchRequest(url: "http://127.0.0.1:\(port)/hook", partnership: nil))
            receiver.secret.withLock { $0 = watch.secret }
            _ = try await workspace.importDossier(text: SmallPartnership.dossier(withTarget: false), as: "kaz-irn.yaml")
            var deliveries = Deliveries(workspace: workspace)
            deliveries.allowsPrivateAddresses = true
            deliveries.tries = 2
            deliveries.firstWait = .seconds(0)
            let first = try await deliveries.sendDue()
            let second = try await deliveries.sendDue(now: Date().addingTimeInterval(1))
            #expect(first.failed.count == 3 && second.failed.count == 3 && second.failed.allSatisfy(\.givenUp))
            // One try a round: the address failed, the others of the round waited with it.
            #expect(try await workspace.store.pendingDeliveries() == 0 && receiver.taken.isEmpty && receiver.tries == 2)
        }
    }
}
