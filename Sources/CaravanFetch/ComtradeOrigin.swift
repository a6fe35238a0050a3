import Foundation

/// The API's origin — scheme, host and port — the only one sent the key, and the only one whose
/// redirects are followed.
struct ComtradeOrigin {
    private let scheme: String
    private let host: String
    private let port: Int?
    /// The base address's path (a mirror's `/comtrade`), before every call's own.
    private let prefix: String

    init(_ baseURL: String) {
        let parts = URLComponents(string: baseURL)
        scheme = parts?.scheme?.lowercased() ?? ""
        host = parts?.host?.lowercased() ?? ""
        port = parts?.port ?? Self.defaultPort(scheme)
        prefix = parts?.percentEncodedPath ?? ""
    }

    private static func defaultPort(_ scheme: String) -> Int? { ["http": 80, "https": 443][scheme] }

    /// Where a redirect from `current` to `location` leads, as a full address and as the call's
    /// path and query; a redirect off the origin, or from https to http, is refused unfollowed.
    func redirect(from current: String, to location: String, status: UInt) throws(ComtradeClient.Failure) -> (url: String, target: String) {
        guard let resolved = URL(string: location, relativeTo: URL(string: current))?.absoluteURL,
            let parts = URLComponents(url: resolved, resolvingAgainstBaseURL: false)
        else { throw .lasting("HTTP \(status) to an address that cannot be read; not followed") }
        let toScheme = parts.scheme?.lowercased() ?? ""
        if scheme == "https" && toScheme == "http" {
            throw .lasting("HTTP \(status) from https to http refused: it would send the key in clear")
        }
        let toHost = parts.host?.lowercased() ?? ""
        let toPort = parts.port ?? Self.defaultPort(toScheme)
        guard toScheme == scheme, toHost == host, toPort == port else {
            let place = toHost + (parts.port.map { ":\($0)" } ?? "")
            throw .lasting("HTTP \(status) to another origin (\(place.prefix(80))) refused: the key goes to the API's own origin only")
        }
        let path = parts.percentEncodedPath
        guard path.hasPrefix(prefix) else { throw .lasting("HTTP \(status) out of the API's address (\(path.prefix(80))); not followed") }
        let target = String(path.dropFirst(prefix.count)) + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
        return (resolved.absoluteString, target)
    }
}
