import CaravanService
import Foundation
import Hummingbird
import Synchronization

/// Answers to reads, kept until the store changes: a scorecard costs milliseconds to work out and
/// microseconds to send again. The store's last batch id tells whether anything was stored; it is
/// read again at most every quarter second, and at once after a write through this server, so a
/// `caravan import` run beside the server shows within a quarter second. Answers that default
/// to "now" are kept for the UTC day they were made on. Requests for an answer being worked out
/// wait for it rather than work it out again, so a burst after a change costs one computation.
final class AnswerCache: Sendable {
    fileprivate struct State {
        var entries: [String: Answer] = [:]
        var inFlight: [String: Task<Answer, any Error>] = [:]
        var generation: Int64?? = .none
        var checkedAt: ContinuousClock.Instant?
        /// Counts the times the entries were dropped, so an answer worked out before a drop is not kept after it.
        var epoch = 0
    }

    private let workspace: Workspace
    private let state = Mutex(State())
    /// Entries kept at most; past it the cache starts again, so memory stays bounded.
    private static let capacity = 2_048
    private static let recheck = Duration.milliseconds(250)

    /// Whether answers are kept at all; a server measured cold keeps none.
    private let keeps: Bool

    init(workspace: Workspace, keeps: Bool = true) {
        self.workspace = workspace
        self.keeps = keeps
    }

    /// The kept answer to `request`, or the one `make` works out, kept if it is a 200.
    func answer(_ request: Request, variant: String = "", make: @escaping @Sendable () async throws -> Answer) async throws -> Answer {
        guard keeps else { return try await make() }
        let (address, epoch) = try await key(request)
        let key = variant.isEmpty ? address : address + " " + variant
        let lookup = state.withLock { state -> Lookup in
            if let hit = state.entries[key] { return .kept(hit) }
            if state.epoch == epoch, let running = state.inFlight[key] { return .running(running, own: false) }
            let task = Task { try await make() }
            if state.epoch == epoch { state.inFlight[key] = task }
            return .running(task, own: true)
        }
        let task: Task<Answer, any Error>
        switch lookup {
        case .kept(let answer): return answer
        case .running(let running, own: false): return try await running.value
        case .running(let running, own: true): task = running
        }
        let made: Answer
        do { made = try await task.value } catch {
            state.withLock { state in if state.epoch == epoch { state.inFlight[key] = nil } }
            throw error
        }
        state.withLock { state in
            guard state.epoch == epoch else { return }
            state.inFlight[key] = nil
            guard made.status == .ok else { return }
            if state.entries.count >= Self.capacity { state.drop() }
            state.entries[key] = made
        }
        return made
    }

    private enum Lookup {
        case kept(Answer)
        case running(Task<Answer, any Error>, own: Bool)
    }

    /// Forgets every answer: after a write, the next read checks the store.
    func invalidate() {
        state.withLock { state in
            state.drop()
            state.checkedAt = nil
        }
    }

    /// The request and the store's generation and day it is answered in.
    private func key(_ request: Request) async throws -> (String, epoch: Int) {
        let due = state.withLock { state in state.checkedAt.map { $0.duration(to: .now) > Self.recheck } ?? true }
        if due {
            let latest = try await workspace.lastBatch()
            state.withLock { state in
                if state.generation != .some(latest) { state.drop() }
                state.generation = .some(latest)
                state.checkedAt = .now
            }
        }
        let day = Int(Date().timeIntervalSince1970 / 86_400)
        return ("\(day) \(request.uri.path)?\(request.uri.query ?? "")", state.withLock { $0.epoch })
    }
}

extension AnswerCache.State {
    fileprivate mutating func drop() {
        entries.removeAll(keepingCapacity: true)
        inFlight.removeAll()
        epoch += 1
    }
}
