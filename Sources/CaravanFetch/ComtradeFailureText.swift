import AsyncHTTPClient
import Foundation
import NIOCore

/// A failed exchange in a sentence of its own, without the HTTP library's type names or errno numbers.
enum ComtradeFailureText {
    static func describe(_ error: any Error) -> String {
        if isUnresolvedName(error) { return "the API's host name could not be resolved" }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "no connection to the API within the timeout"
            case .readTimeout: return "the API went silent for longer than the timeout"
            case .remoteConnectionClosed: return "the API closed the connection before its answer was whole"
            case .deadlineExceeded: return "no whole answer within the timeout"
            case .tlsHandshakeTimeout: return "no secure connection to the API within the timeout"
            case .bodyLengthMismatch: return "the answer was shorter or longer than it said"
            default: return "the exchange with the API broke off"
            }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "the API's host refused the connection"
            case ECONNRESET, EPIPE: return "the connection was reset"
            case ETIMEDOUT: return "no connection to the API within the timeout"
            case EHOSTUNREACH, ENETUNREACH: return "the API's host cannot be reached"
            default: return "the connection failed"
            }
        }
        // NIO's own connection errors (in NIOPosix) name the address look-up when that is what failed.
        let text = String(describing: error)
        if text.contains("Connection refused") { return "the API's host refused the connection" }
        if text.contains("dnsAError") || text.contains("dnsAAAAError") || text.contains("resolution") {
            return "the API's host name could not be resolved"
        }
        if error is CancellationError { return "the call was cancelled" }
        return "the connection failed"
    }

    /// Whether the host's name did not resolve: another try would meet the same answer, so none is made.
    static func isUnresolvedName(_ error: any Error) -> Bool {
        if error is SocketAddressError.UnknownHost { return true }
        // NIOPosix's connection error, not imported here, says so in its description.
        let text = String(describing: error)
        return text.hasPrefix("DNS error") || text.contains("UnknownHost")
    }
}
