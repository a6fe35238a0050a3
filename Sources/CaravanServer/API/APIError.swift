import Hummingbird

/// A refusal the API explains: `{"error":{"code":…,"message":…}}` with its HTTP status.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    /// Seconds after which asking again may succeed, sent as `Retry-After`.
    var retryAfter: Int?

    static func badRequest(_ code: String, _ message: String) -> APIError { APIError(status: .badRequest, code: code, message: message) }
    static func notFound(_ code: String, _ message: String) -> APIError { APIError(status: .notFound, code: code, message: message) }
    static let unauthorized = APIError(
        status: .unauthorized, code: "unauthorized", message: "this needs a token: send Authorization: Bearer TOKEN (caravan token create)")
    /// A private dashboard page asked for without a token: the browser asks for it as a password.
    static let unauthorizedPage = APIError(
        status: .unauthorized, code: "unauthorized", message: "this dashboard is private: give any user name and your token as the password")
    static let invalidToken = APIError(status: .unauthorized, code: "unauthorized", message: "the token is not one this server knows")
    static let revokedToken = APIError(status: .forbidden, code: "forbidden", message: "the token has been revoked")
    /// The database could not be reached, or another writer holds it.
    static func storeUnavailable(_ message: String, retryAfter: Int = 5) -> APIError {
        APIError(status: .serviceUnavailable, code: "store_unavailable", message: message, retryAfter: retryAfter)
    }
    static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "payload_too_large", message: "the body is over the limit of \(limit) bytes")
    }
}
