import Synchronization

/// A result awaited once, settled once by whichever comes first.
final class Outcome<T: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<T, any Error>?, result: Result<T, any Error>?)>((nil, nil))

    func settle(_ result: Result<T, any Error>) {
        let waiting = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.continuation = nil }
            return state.continuation
        }
        waiting?.resume(with: result)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let settled = state.withLock { state -> Result<T, any Error>? in
                if state.result == nil { state.continuation = continuation }
                return state.result
            }
            if let settled { continuation.resume(with: settled) }
        }
    }
}

extension Outcome where T == Void {
    /// Waits until the outcome is settled, by success only: there is nothing to throw.
    func settled() async {
        do { try await value() } catch {
            // Settled with success only, by whichever came first; a failure is never put in.
        }
    }
}

/// Why a lease was given up before its work ended.
enum PostgresInterruption: Error, Equatable {
    /// No connection within the connect timeout.
    case noConnection(Duration)
    /// The server did not answer within the allowance.
    case unanswered(Duration)
    /// The connection closed under the work: the server stopped, or the network failed.
    case lost
    /// The caller was cancelled: the server is shutting down.
    case cancelled

    /// What happened, in a few words a user can read.
    var sentence: String {
        switch self {
        case .noConnection(let limit), .unanswered(let limit): "the database did not answer within \(limit.components.seconds) s"
        case .lost: "the connection to the database was lost"
        case .cancelled: "the wait for the database was cancelled"
        }
    }
}
