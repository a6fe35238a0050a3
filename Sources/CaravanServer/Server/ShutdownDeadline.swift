import Hummingbird
import ServiceLifecycle

/// Cancels a request still running a while after SIGTERM, so that it is answered — 503
/// `shutting_down`, or what its own failure maps to — while its connection can still carry the
/// answer: past the grace period the server cancels its connections, and an answer is no longer
/// written. A request waiting on the database gives up at once when cancelled.
struct ShutdownDeadline: RouterMiddleware {
    typealias Context = CaravanContext
    /// How long after SIGTERM a request may go on.
    let allowance: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withoutActuallyEscaping(next) { next in
            // A task of its own, which a timer can cancel; awaited here, so it never outlives the request.
            let handoff = NextHandoff(next: next)
            let running = Task { try await handoff.next(request, context) }
            return try await withTaskCancellationHandler {
                try await withGracefulShutdownHandler {
                    try await running.value
                } onGracefulShutdown: { [allowance] in
                    Task {
                        try? await Task.sleep(for: allowance)
                        running.cancel()
                    }
                }
            } onCancel: {
                running.cancel()
            }
        }
    }
}

/// Hands the rest of the chain to the request's own task, which alone calls it, once.
private struct NextHandoff: @unchecked Sendable {
    let next: (Request, CaravanContext) async throws -> Response
}
