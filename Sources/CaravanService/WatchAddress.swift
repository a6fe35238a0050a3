import Foundation

/// Where a watch may point: an http or https address on a public host. A host written as an
/// address is judged when the watch is added; a name, by every address it resolves to, before
/// each delivery (CaravanWatch), since what a name resolves to can change.
public enum WatchAddress {
    /// The host a delivery connects to, read as the HTTP client reads it (`URL.host`), brackets off.
    public static func host(of url: String) -> String? {
        guard let url = URL(string: url), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            var host = url.host, !host.isEmpty
        else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : host
    }

    /// Why no watch may go to `host`, or nil: an address that is not public, in any spelling the C
    /// library reads, or a name RFC 6761 keeps for loopback. Other names are judged when resolved.
    public static func refusal(host: String) -> String? {
        // Within 100 columns on a terminal; the setting that lifts it is the operator's, in the help and the docs.
        let why = "watches go to public addresses only"
        // A name's last dot only says it is absolute.
        let name = host.lowercased().hasSuffix(".") ? String(host.lowercased().dropLast()) : host.lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") { return "\(host) is a loopback name; \(why)" }
        guard let address = IPAddress(literal: host), !address.isPublic else { return nil }
        let named = address.description == host ? "\(host) is" : "\(host) is \(address.embeddedIPv4 ?? address),"
        return "\(named) \(address.scope.phrase); \(why)"
    }
}
