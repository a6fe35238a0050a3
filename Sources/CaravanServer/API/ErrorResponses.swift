import CaravanCore
import CaravanImport
import CaravanNetwork
import CaravanPresentation
import CaravanService
import CaravanStore
import Hummingbird
import NIOHTTP1

/// Turns whatever a handler threw into an answer: the API's JSON error body, or for the dashboard
/// a page that says what went wrong. Server faults are logged; their details are not sent.
struct ErrorResponses: RouterMiddleware {
    typealias Context = CaravanContext
    /// The API's operations, to tell a path asked with the wrong method (405) from no path (404).
    let endpoints: [Endpoint]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var refusal = APIError(error)
            var allowed: [String] = []
            if let error = error as? HTTPError, error.status == .notFound {
                allowed = endpoints.filter { $0.matches(request.uri.path) }.map(\.method.rawValue)
                refusal =
                    allowed.isEmpty
                    ? .notFound("not_found", "nothing at \(request.method) \(request.uri.path); the API is described at /api/v1/openapi.json")
                    : APIError(
                        status: .methodNotAllowed, code: "method_not_allowed",
                        message: "\(request.uri.path) takes \(allowed.joined(separator: ", ")), not \(request.method)")
            }
            // A request cancelled at shutdown is no fault of the server's.
            if refusal.status.kind == .serverError && !(error is CancellationError) {
                context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            }
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/healthz" {
                var response = try refusal.response()
                if !allowed.isEmpty { response.headers[.allow] = allowed.joined(separator: ", ") }
                return response
            }
            var page = Answer.html(
                DashboardPage.error(status: refusal.status.code, message: refusal.message, request: PageRequest(request)), status: refusal.status)
            if refusal.status == .unauthorized { page.headers[.wwwAuthenticate] = "Basic realm=\"caravan\", charset=\"UTF-8\"" }
            if let retryAfter = refusal.retryAfter { page.headers[.retryAfter] = String(retryAfter) }
            return page.response
        }
    }
}

extension APIError {
    /// The refusal a domain error stands for.
    init(_ error: any Error) {
        switch error {
        case let error as APIError: self = error
        case let error as HTTPError:
            let code =
                switch error.status {
                case .notFound: "not_found"
                case .methodNotAllowed: "method_not_allowed"
                case .contentTooLarge: "payload_too_large"
                default: error.status.kind == .clientError ? "bad_request" : "internal"
                }
            self.init(status: error.status, code: code, message: error.body ?? error.status.reasonPhrase)
        case let error as RequestError: self = .badRequest("invalid_parameter", error.description)
        case is HTTPParserError:
            // A body cut short, or chunks that do not add up: the client's request, not the server, failed.
            self = .badRequest("bad_request", "the request's body is cut short or is not valid HTTP/1.1")
        case let error as RouteError:
            switch error {
            case .noRoute: self.init(status: .unprocessableContent, code: "no_route", message: error.description)
            case .samePlace: self = .badRequest("same_place", error.description)
            case .unknownPlace, .ambiguousPlace: self = .badRequest("unknown_place", error.description)
            }
        case let error as CorridorError: self = .notFound("no_network", error.description)
        case let error as DossierError:
            switch error {
            case .none: self = .notFound("no_dossier", error.description)
            case .unknown: self = .notFound("unknown_partnership", error.description)
            case .mismatch: self = .badRequest("partnership_mismatch", error.description)
            }
        case let error as WatchError:
            switch error {
            case .unknown: self = .notFound("unknown_watch", error.description)
            case .tooManyForToken, .tooManyForChange: self.init(status: .conflict, code: "watch_limit", message: error.description)
            }
        case let error as ImportError: self.init(status: .unprocessableContent, code: "invalid_file", message: error.description)
        case let error as StoreError:
            switch error {
            case .duplicate: self.init(status: .unprocessableContent, code: "invalid_file", message: error.description)
            case .busy(_, let seconds):
                self.init(
                    status: .serviceUnavailable, code: "store_busy", message: "another import is writing to the database; try again shortly",
                    retryAfter: seconds)
            case .unavailable: self = .storeUnavailable("the database is unavailable; try again shortly")
            case .interrupted(_, let file):
                self = .storeUnavailable("the database became unavailable during the import; nothing of \(file) was stored; try again shortly")
            case .readOnly:
                self.init(
                    status: .serviceUnavailable, code: "store_read_only",
                    message: "this server's database takes reads only (a replica); send writes to a server on the primary")
            }
        case is CancellationError:
            self.init(status: .serviceUnavailable, code: "shutting_down", message: "the server is shutting down; try again shortly", retryAfter: 5)
        case let error as PeriodError: self = .badRequest("invalid_parameter", error.description)
        case let error as ProductError:
            switch error {
            case .noSchedule: self = .notFound("no_schedule", error.description)
            case .ambiguousRegime: self = .badRequest("ambiguous_regime", error.description)
            case .noNomenclature: self.init(status: .internalServerError, code: "internal", message: error.description)
            }
        default: self.init(status: .internalServerError, code: "internal", message: "the server failed to answer; its log has the details")
        }
    }

    /// The JSON answer: `{"error":{"code":…,"message":…}}`.
    func response() throws -> Response {
        var answer = try Answer.json(ErrorBody(error: .init(code: code, message: message)), status: status)
        if status == .unauthorized { answer.headers[.wwwAuthenticate] = "Bearer realm=\"caravan\"" }
        if let retryAfter { answer.headers[.retryAfter] = String(retryAfter) }
        return answer.response
    }
}

private struct ErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
    }

    let error: Detail
}
