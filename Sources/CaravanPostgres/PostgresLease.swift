import NIOCore
import PostgresNIO
import Synchronization

/// One use of a pooled connection, held to deadlines: a connection within the connect timeout,
/// then each answer of the server within the answer timeout. Every moment of a lease counts as a
/// wait on the server but what the work marks as its own (`ours`: reading the file it stores).
/// Past a deadline, when the connection closes under the work, or when the caller is cancelled,
/// the lease is given up: the connection is closed, the caller is answered at once, and the work
/// is cancelled and left to unwind rather than awaited, since a driver stuck on a lost server
/// may never return.
final class PostgresLease: Sendable {
    private struct State {
        var connection: PostgresConnection?
        /// When the wait under way must end; nil while the work is on its own.
        var due: ContinuousClock.Instant?
        /// How long the wait under way was allowed, for the message.
        var allowance: Duration
        var interruption: PostgresInterruption?
        var ended = false
        /// Whether a COPY is under way: PostgresNIO 1.33 crashes on closing a connection while it
        /// sends a COPY's data, so such a connection is left to the driver, never closed here.
        var copying = false
        var onGiveUp: [Int: @Sendable (PostgresInterruption) -> Void] = [:]
        var nextHandler = 0
        var clock: Task<Void, Never>?
    }

    /// How long one answer of the server may take.
    let answer: Duration
    private let connect: Duration
    /// The allowance of the first wait once leased: a write's turn may be waited for first.
    private let first: Duration
    private let state: Mutex<State>

    private init(connect: Duration, answer: Duration, first: Duration) {
        self.connect = connect
        self.answer = answer
        self.first = first
        state = Mutex(State(due: .now + connect, allowance: connect))
    }

    /// Runs `work`, which leases a connection and calls `leased` with it, under the lease's deadlines.
    /// - Parameter first: how long the first answer may take (default: `answer`).
    static func run<T: Sendable>(
        connect: Duration, answer: Duration, first: Duration? = nil, _ work: @escaping @Sendable (PostgresLease) async throws -> T
    ) async throws -> T {
        let lease = PostgresLease(connect: connect, answer: answer, first: first ?? answer)
        let outcome = Outcome<T>()
        let worker = Task {
            do { outcome.settle(.success(try await work(lease))) } catch { outcome.settle(.failure(error)) }
            lease.end()
        }
        lease.whenGivenUp { reason in
            outcome.settle(.failure(reason))
            worker.cancel()
        }
        lease.startClock()
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            lease.giveUp(.cancelled)
        }
    }

    /// Waits for `work` at most `limit`, then leaves it running.
    static func wait(atMost limit: Duration, _ work: @escaping @Sendable () async -> Void) async {
        let outcome = Outcome<Void>()
        Task {
            await work()
            outcome.settle(.success(()))
        }
        let clock = Task {
            try? await Task.sleep(for: limit)
            outcome.settle(.success(()))
        }
        await outcome.settled()
        clock.cancel()
    }

    /// The work has its connection: the first answer's clock starts.
    func leased(_ connection: PostgresConnection) {
        state.withLock { state in
            state.connection = connection
            state.due = .now + first
            state.allowance = first
        }
    }

    /// The server answered: the next answer's clock starts.
    func answered() {
        state.withLock { state in
            state.due = .now + answer
            state.allowance = answer
        }
    }

    /// Runs the work's own part, which is no wait on the server, then starts the next answer's clock.
    /// Once the lease is given up it refuses, so the work stops where it is.
    func ours<T>(_ body: () throws -> T) throws -> T {
        let given = state.withLock { state in
            state.due = nil
            return state.interruption
        }
        defer { answered() }
        if let given { throw given }
        return try body()
    }

    /// Runs a COPY, during which the connection is not closed when the lease is given up; refuses
    /// to begin one once it is.
    func copying<T>(_ body: () async throws -> T) async throws -> T {
        let given = state.withLock { state in
            if state.interruption == nil { state.copying = true }
            return state.interruption
        }
        if let given { throw given }
        defer { state.withLock { $0.copying = false } }
        return try await body()
    }

    /// Runs a COPY write, and returns when it ends or, once the lease is given up, when the driver is
    /// done with it. PostgresNIO 1.33 forgets a write waiting for the socket to drain when the
    /// server fails meanwhile, so that write is left behind rather than awaited; one waiting on a
    /// silent server is cancelled, and the driver then closes the connection itself. The caller
    /// goes on only once the driver has settled, since it crashes on a COPY ended mid-close.
    func abandoning(_ write: @escaping @Sendable () async throws -> Void) async throws {
        if let given = state.withLock({ $0.interruption }) { throw given }
        let writing = Task { try await write() }
        let outcome = Outcome<Void>()
        Task {
            do { outcome.settle(.success(try await writing.value)) } catch { outcome.settle(.failure(error)) }
        }
        let handler = whenGivenUp { reason in
            writing.cancel()
            outcome.settle(.failure(reason))
        }
        defer { state.withLock { _ = $0.onGiveUp.removeValue(forKey: handler) } }
        do {
            try await outcome.value()
        } catch {
            guard let given = state.withLock({ $0.interruption }), let connection = state.withLock({ $0.connection }) else { throw error }
            await Self.settled(writing, connection)
            throw given
        }
    }

    /// Waits until an abandoned write has ended or its connection closed, then until the driver
    /// has handled that on its event loop and, if it closed, has let go of the connection.
    private static func settled(_ writing: Task<Void, any Error>, _ connection: PostgresConnection) async {
        let either = Outcome<Void>()
        Task {
            do { try await writing.value } catch {
                // How the abandoned write ended is not told: the interruption that abandoned it is.
            }
            either.settle(.success(()))
        }
        connection.closeFuture.whenComplete { _ in either.settle(.success(())) }
        await either.settled()
        do { try await connection.eventLoop.submit {}.get() } catch {
            // An event loop shut down has nothing left to handle.
        }
        guard connection.isClosed else { return }
        do { try await connection.closeFuture.get() } catch {
            // A connection that closed with an error has let go of it all the same.
        }
    }

    /// Gives the lease up for `reason`: the caller is answered, the connection closed but during a COPY.
    func giveUp(_ reason: PostgresInterruption) {
        let handlers = state.withLock { state -> [@Sendable (PostgresInterruption) -> Void]? in
            guard state.interruption == nil, !state.ended else { return nil }
            state.interruption = reason
            state.clock?.cancel()
            if reason != .lost && !state.copying, let connection = state.connection {
                // Closed at once, before the work can hand the connection back to the pool; the
                // server's side of the transaction ends with it, so nothing of it is kept.
                _ = connection.close() as EventLoopFuture<Void>
            }
            defer { state.onGiveUp = [:] }
            return state.onGiveUp.sorted { $0.key < $1.key }.map(\.value)
        }
        for handler in handlers ?? [] { handler(reason) }
    }

    /// Calls `handler` when the lease is given up, at once if it was; returns its number, to remove it.
    @discardableResult
    private func whenGivenUp(_ handler: @escaping @Sendable (PostgresInterruption) -> Void) -> Int {
        let (number, given) = state.withLock { state -> (Int, PostgresInterruption?) in
            state.nextHandler += 1
            if state.interruption == nil && !state.ended { state.onGiveUp[state.nextHandler] = handler }
            return (state.nextHandler, state.interruption)
        }
        if let given { handler(given) }
        return number
    }

    /// The work is done with the connection, which goes back to the pool: nothing is given up
    /// after this, so nothing here touches a connection another lease may have by then.
    func end() {
        state.withLock { state in
            state.ended = true
            state.onGiveUp = [:]
            state.clock?.cancel()
        }
    }

    private func startClock() {
        let clock = Task { await self.watch() }
        state.withLock { state in
            if state.ended || state.interruption != nil { clock.cancel() } else { state.clock = clock }
        }
    }

    /// Gives the lease up when a deadline passes or the connection closes; looks every second
    /// whether it closed, so a lost server is noticed within a second, not at the deadline.
    private func watch() async {
        while !Task.isCancelled {
            let (connection, due, allowance) = state.withLock { ($0.connection, $0.due, $0.allowance) }
            let now = ContinuousClock.now
            if connection?.isClosed == true { return giveUp(.lost) }
            if let due, due <= now { return giveUp(connection == nil ? .noConnection(connect) : .unanswered(allowance)) }
            // While the work is on its own, its next wait cannot end before an answer's time from now.
            let next = min(due ?? now + answer, now + (connection == nil ? connect : .seconds(1)))
            try? await Task.sleep(until: next, clock: .continuous)
        }
    }
}
