import CaravanService
import CaravanStore
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Answers to reads, kept while no batch stores anything they read: a scorecard costs
/// milliseconds to work out and microseconds to send again. Each answer notes what it read of the
/// store as it is made (`StoreReads`); the store's last batch tells whether anything was stored
/// since, read again at most every quarter second, and at once after a write through this server,
/// so a `caravan import` run beside the server shows within a quarter second. A batch of other
/// pairs leaves an answer standing; one that stored what it read drops it. Answers that default to
/// "now" are kept for the UTC day they were made on. Requests for an answer being worked out wait
/// for it rather than work it out again, so a burst after a change costs one computation.
final class AnswerCache: Sendable {
    /// An answer with the last batch the store held when it was begun, and what it read (nil: anything).
    fileprivate struct Entry {
        var answer: Answer
        var through: Int64?
        var reads: Set<LedgerSubject>?
    }

    fileprivate struct State {
        var entries: [String: Entry] = [:]
        var inFlight: [String: Task<Entry, any Error>] = [:]
        var generation: Int64?? = .none
        var checkedAt: ContinuousClock.Instant?
    }

    private let workspace: Workspace
    private let state = Mutex(State())
    /// Entries kept at most; past it the cache starts again, so memory stays bounded.
    private static let capacity = 2_048
    private static let recheck = Duration.milliseconds(250)
    /// Says whether an answer was sent as kept (`hit`) or made for the request (`miss`).
    static let header = HTTPField.Name("X-Cache")!

    /// Whether answers are kept at all; a server measured cold keeps none.
    private let keeps: Bool

    init(workspace: Workspace, keeps: Bool = true) {
        self.workspace = workspace
        self.keeps = keeps
    }

    /// The kept answer to `request`, or the one `make` works out, kept if it is a 200.
    func answer(_ request: Request, variant: String = "", make: @escaping @Sendable () async throws -> Answer) async throws -> Answer {
        guard keeps else { return try await make() }
        let (address, generation) = try await key(request)
        let key = variant.isEmpty ? address : address + " " + variant
        if let kept = try await standing(key, generation: generation) { return kept.marked("hit") }
        // One working-out per answer and store generation: a request after a write never joins one begun before it.
        let flight = "\(key) \(generation.map(String.init) ?? "-")"
        let (task, own) = state.withLock { state -> (Task<Entry, any Error>, Bool) in
            if let running = state.inFlight[flight] { return (running, false) }
            let task = Task {
                let reads = StoreReads()
                let answer = try await StoreReads.$current.withValue(reads) { try await make() }
                return Entry(answer: answer, through: generation, reads: reads.subjects)
            }
            state.inFlight[flight] = task
            return (task, true)
        }
        defer { if own { state.withLock { $0.inFlight[flight] = nil } } }
        let made = try await task.value
        if own && made.answer.status == .ok {
            state.withLock { state in
                if state.entries.count >= Self.capacity { state.entries.removeAll(keepingCapacity: true) }
                state.entries[key] = made
            }
        }
        return made.answer.marked("miss")
    }

    /// The answer kept for `key` if it stands for the store at `generation`: made on it, or on an
    /// earlier one whose later batches stored nothing it read. One that does not stand is dropped.
    private func standing(_ key: String, generation: Int64?) async throws -> Answer? {
        guard let entry = state.withLock({ $0.entries[key] }) else { return nil }
        if entry.through == generation { return entry.answer }
        var stands = false
        if let reads = entry.reads, let through = entry.through, let generation, through < generation {
            stands = try await !workspace.stored(reads, after: through)
        }
        state.withLock { state in
            guard state.entries[key]?.through == entry.through else { return }
            if stands { state.entries[key]?.through = generation } else { state.entries[key] = nil }
        }
        return stands ? entry.answer : nil
    }

    /// After a write through this server: the next read checks the store's last batch at once.
    func invalidate() {
        state.withLock { $0.checkedAt = nil }
    }

    /// The request and day it is answered in, and the store's last batch.
    private func key(_ request: Request) async throws -> (String, generation: Int64?) {
        let due = state.withLock { state in state.checkedAt.map { $0.duration(to: .now) > Self.recheck } ?? true }
        if due {
            let latest = try await workspace.lastBatch()
            state.withLock { state in
                state.generation = .some(latest)
                state.checkedAt = .now
            }
        }
        let day = Int(Date().timeIntervalSince1970 / 86_400)
        return ("\(day) \(request.uri.path)?\(request.uri.query ?? "")", state.withLock { $0.generation ?? nil })
    }
}

extension Answer {
    /// The answer with the cache's word on it.
    fileprivate func marked(_ word: String) -> Answer {
        var marked = self
        marked.headers[AnswerCache.header] = word
        return marked
    }
}
