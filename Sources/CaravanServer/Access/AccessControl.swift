import CaravanService
import Foundation
import Hummingbird

/// Every write needs `Authorization: Bearer TOKEN`; on a private server every read does too, but
/// `/healthz`. 401 without a token or with an unknown one, 403 with a revoked one.
struct AccessControl: RouterMiddleware {
    typealias Context = CaravanContext
    let tokens: TokenCache
    let privateReads: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let writes = request.method != .get && request.method != .head
        guard writes || (privateReads && request.uri.path != "/healthz") else { return try await next(request, context) }
        guard let secret = Self.bearer(request.headers[.authorization]) else { throw APIError.unauthorized }
        switch try await tokens.decision(for: secret) {
        case .granted(let name):
            context.trail.tokenName = name
            return try await next(request, context)
        case .revoked(let name):
            context.trail.tokenName = name
            throw APIError.revokedToken
        case .unknown: throw APIError.invalidToken
        }
    }

    /// The token of `Bearer TOKEN`, the scheme in any case.
    static func bearer(_ header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
