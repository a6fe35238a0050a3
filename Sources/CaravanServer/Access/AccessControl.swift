import CaravanService
import Foundation
import Hummingbird

/// Every write needs `Authorization: Bearer TOKEN`, and so does a read of the token's own (its
/// watches); on a private server every read does too, but `/healthz`. 401 without a token or with
/// an unknown one, 403 with a revoked one. A browser
/// cannot send a bearer token, so a private dashboard page also takes the token as the password
/// of HTTP Basic authentication, which the browser asks for itself.
struct AccessControl: RouterMiddleware {
    typealias Context = CaravanContext
    let tokens: TokenCache
    let privateReads: Bool
    /// The API's operations: a write to none of them changes nothing, and is left to the router's 404 or 405.
    let endpoints: [Endpoint]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var writes = request.method != .get && request.method != .head
        if request.method == .post && CheckPageRoutes.posts.contains(request.uri.path) {
            // A form a page posts (an article to check) is read like the page: open where pages are, with a password where they are not.
            writes = false
        } else if writes {
            guard let endpoint = endpoints.first(where: { $0.method == request.method && $0.matches(request.uri.path) }) else {
                return try await next(request, context)
            }
            // An article posted to be checked is read, not stored: open where reads are.
            writes = endpoint.writes
        }
        let own = endpoints.contains { $0.perToken && ($0.method == request.method || request.method == .head) && $0.matches(request.uri.path) }
        guard writes || own || (privateReads && request.uri.path != "/healthz") else { return try await next(request, context) }
        let page = !writes && !request.uri.path.hasPrefix("/api/")
        let header = request.headers[.authorization]
        guard let secret = Self.bearer(header) ?? (page ? Self.basicPassword(header) : nil) else {
            throw page ? APIError.unauthorizedPage : APIError.unauthorized
        }
        switch try await tokens.decision(for: secret) {
        case .granted(let name, let id):
            context.trail.tokenName = name
            context.trail.tokenID = id
            return try await next(request, context)
        case .revoked(let name):
            context.trail.tokenName = name
            throw APIError.revokedToken
        case .unknown: throw APIError.invalidToken
        }
    }

    /// The password of `Basic base64(user:password)`, whatever the user name.
    static func basicPassword(_ header: String?) -> String? {
        guard let header, header.count > 6, header.prefix(6).lowercased() == "basic ",
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        else { return nil }
        let password = String(pair[pair.index(after: colon)...])
        return password.isEmpty ? nil : password
    }

    /// The token of `Bearer TOKEN`, the scheme in any case.
    static func bearer(_ header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
