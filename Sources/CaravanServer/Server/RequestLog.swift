import Hummingbird
import Logging

/// One structured log line per request, once it is answered: method, path, status, time taken,
/// and the token's name when one was checked. Headers, and so secrets, are never logged.
struct RequestLog: RouterMiddleware {
    typealias Context = CaravanContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        guard context.logger.logLevel <= .info else { return response }
        let elapsed = start.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
            "ms": "\((milliseconds * 10).rounded() / 10)",
        ]
        if let token = context.trail.tokenName { metadata["token"] = "\(token)" }
        context.logger.info("request", metadata: metadata)
        return response
    }
}
