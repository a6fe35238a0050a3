import CaravanCore
import Foundation

/// The changes asked for: of one partnership or all, since a moment or ever.
public struct ChangesRequest: Sendable {
    public var partnership: String?
    public var since: Date?
}

/// An address to tell of changes, and the partnership it watches (nil: all).
public struct WatchRequest: Sendable {
    public var url: String
    public var partnership: String?

    public init(url: String, partnership: String?) {
        self.url = url
        self.partnership = partnership
    }
}

extension RequestReader {
    /// `partnership` and `since` (a date, from its first instant, or an ISO 8601 time).
    public func changes(_ asked: ChangesRequest.Asked) throws -> ChangesRequest {
        var since: Date?
        if let text = self.text(asked.since) {
            guard let time = RecordedTime(text) else { throw refuse("since", "'\(text)'; expected a date YYYY-MM-DD or an ISO 8601 time") }
            since = time.date
        }
        return ChangesRequest(partnership: text(asked.partnership), since: since)
    }

    /// `url`, an absolute http or https address, and `partnership`. Unless `allowingPrivate`, a
    /// host written as an address that is not public is refused (WatchAddress).
    public func watch(_ asked: WatchRequest.Asked, allowingPrivate: Bool = false) throws -> WatchRequest {
        let url = try required("url", asked.url)
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parts.host, !host.isEmpty, let connected = WatchAddress.host(of: url), url.count <= 2_000,
            !url.contains(where: { $0.isWhitespace || $0.isNewline })
        else { throw refuse("url", "'\(url.prefix(200))'; expected an absolute http or https address such as https://example.org/hook") }
        if !allowingPrivate, let refusal = WatchAddress.refusal(host: connected) { throw refuse("url", refusal) }
        return WatchRequest(url: url, partnership: text(asked.partnership))
    }
}
