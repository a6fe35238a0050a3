import CaravanService
import Foundation
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where one delivery connects: the host of the watch's address and the one address it was
/// judged by. Every address the name resolves to must be public; the connection then goes to the
/// address judged, not to a second lookup, so a name that answers otherwise the next time (DNS
/// rebinding) cannot lead a delivery into the server's network.
struct Destination: Sendable, Hashable {
    /// The host as the URL names it: what the request's Host header and TLS name stay.
    let host: String
    /// The address connected to; nil when private addresses are allowed and the client resolves the name itself.
    let address: IPAddress?

    /// The destination of `url`, or nil when it may not be sent to: not http(s), a name that does
    /// not resolve, or one address of the name that is not public (unless `allowingPrivate`).
    static func of(
        _ url: String, allowingPrivate: Bool, lookup: @Sendable (String) async -> [IPAddress] = resolve
    ) async -> Destination? {
        guard let host = WatchAddress.host(of: url) else { return nil }
        if allowingPrivate { return Destination(host: host, address: nil) }
        let addresses = await lookup(host)
        guard !addresses.isEmpty, addresses.allSatisfy(\.isPublic) else { return nil }
        // IPv4 first: a server with no IPv6 route fails on an IPv6 address it could not reach.
        return Destination(host: host, address: addresses.first { $0.bytes.count == 4 } ?? addresses[0])
    }

    /// The client's `dnsOverride`: the host to the address judged.
    var override: [String: String] { address.map { [host: $0.description] } ?? [:] }

    /// Every address getaddrinfo gives the host, a literal in any spelling included; none when
    /// it gives none. Run on NIO's thread pool, as a lookup may block for seconds.
    static func resolve(_ host: String) async -> [IPAddress] {
        if let literal = IPAddress(literal: host) { return [literal] }
        let found = try? await NIOThreadPool.singleton.runIfActive { () -> [IPAddress] in
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            #if canImport(Glibc)
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            #else
                hints.ai_socktype = SOCK_STREAM
            #endif
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
            defer { freeaddrinfo(first) }
            var addresses: [IPAddress] = []
            for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
                guard let socket = entry.pointee.ai_addr else { continue }
                switch Int32(socket.pointee.sa_family) {
                case AF_INET:
                    let v4 = UnsafeRawPointer(socket).load(as: sockaddr_in.self)
                    addresses += IPAddress(bytes: withUnsafeBytes(of: v4.sin_addr.s_addr) { Array($0) }).map { [$0] } ?? []
                case AF_INET6:
                    let v6 = UnsafeRawPointer(socket).load(as: sockaddr_in6.self)
                    addresses += IPAddress(bytes: withUnsafeBytes(of: v6.sin6_addr) { Array($0) }).map { [$0] } ?? []
                default: continue
                }
            }
            return addresses
        }
        return found ?? []
    }
}
