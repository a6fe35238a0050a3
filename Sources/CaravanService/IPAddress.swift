import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 or IPv6 address and the range it lies in: a watch is sent to public addresses only,
/// never into the network the server stands in (docs/changes.md, "Where a watch may point").
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, in network order.
    public let bytes: [UInt8]

    /// The ranges an address may lie in; every one but `public` is refused.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case `public`, unspecified, loopback, `private`, sharedAddressSpace, linkLocal, uniqueLocal, multicast, broadcast, reserved

        /// As a sentence names it: "a loopback address".
        public var phrase: String {
            switch self {
            case .public: "a public address"
            case .unspecified: "the unspecified address"
            case .loopback: "a loopback address"
            case .private: "a private address"
            case .sharedAddressSpace: "a carrier-grade NAT address"
            case .linkLocal: "a link-local address"
            case .uniqueLocal: "a unique-local address"
            case .multicast: "a multicast address"
            case .broadcast: "the broadcast address"
            case .reserved: "a reserved address"
            }
        }
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// A host written as an address, in every form the C library reads as one and so connects to:
    /// dotted quads and the older forms `127.1`, `2130706433`, `0x7f.1`, `017700000001`
    /// (inet_aton), IPv6 with or without brackets (inet_pton). nil for a name.
    public init?(literal host: String) {
        var text = host
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        guard !text.isEmpty, !text.contains("\0") else { return nil }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_aton(text, &v4) != 0 {
            self.bytes = withUnsafeBytes(of: v4.s_addr) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            self.bytes = withUnsafeBytes(of: v6) { Array($0) }
        } else {
            return nil
        }
    }

    public var isPublic: Bool { scope == .public }

    /// The IPv4 address an IPv6 one carries and is routed to: IPv4-mapped `::ffff:a.b.c.d`,
    /// IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:AABB:CCDD::`.
    public var embeddedIPv4: IPAddress? {
        guard bytes.count == 16 else { return nil }
        let head = bytes.prefix(12)
        if head.dropLast(2).allSatisfy({ $0 == 0 }) && (head.suffix(2) == [0xFF, 0xFF] || head.suffix(2) == [0, 0]) {
            // `::` and `::1` are IPv6's own, not IPv4 addresses.
            return bytes.prefix(15).allSatisfy { $0 == 0 } ? nil : IPAddress(bytes: Array(bytes.suffix(4)))
        }
        if head == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return IPAddress(bytes: Array(bytes.suffix(4))) }
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return IPAddress(bytes: Array(bytes[2..<6])) }
        return nil
    }

    public var scope: Scope {
        if let inside = embeddedIPv4 { return inside.scope }
        return bytes.count == 4 ? Self.scope(v4: bytes.reduce(0) { $0 << 8 | UInt32($1) }) : Self.scope(v6: bytes)
    }

    /// The address as inet_ntop writes it: `127.0.0.1`, `::ffff:127.0.0.1`.
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let written = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return written == nil ? "" : String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func scope(v4 address: UInt32) -> Scope {
        func within(_ network: UInt32, _ bits: UInt32) -> Bool { address >> (32 - bits) == network >> (32 - bits) }
        if address == 0xFFFF_FFFF { return .broadcast }
        if within(0x0000_0000, 8) { return .unspecified }
        if within(0x7F00_0000, 8) { return .loopback }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return .private }
        if within(0x6440_0000, 10) { return .sharedAddressSpace }
        if within(0xA9FE_0000, 16) { return .linkLocal }
        if within(0xE000_0000, 4) { return .multicast }
        // IETF assignments, documentation, the 6to4 relay, benchmarking, and the old class E.
        let reserved: [(UInt32, UInt32)] = [
            (0xC000_0000, 24), (0xC000_0200, 24), (0xC633_6400, 24), (0xCB00_7100, 24), (0xC058_6300, 24), (0xC612_0000, 15),
            (0xF000_0000, 4),
        ]
        return reserved.contains { within($0.0, $0.1) } ? .reserved : .public
    }

    private static func scope(v6 bytes: [UInt8]) -> Scope {
        if bytes.allSatisfy({ $0 == 0 }) { return .unspecified }
        if bytes.prefix(15).allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return .loopback }
        if bytes[0] == 0xFF { return .multicast }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return .linkLocal }
        if bytes[0] & 0xFE == 0xFC { return .uniqueLocal }
        // Global unicast is 2000::/3; within it, the IETF's assignments (Teredo, ORCHID, …) and documentation are not reachable hosts.
        guard bytes[0] & 0xE0 == 0x20 else { return .reserved }
        if bytes[0] == 0x20 && bytes[1] == 0x01 && (bytes[2] <= 0x01 || bytes[2] == 0x0D && bytes[3] == 0xB8) { return .reserved }
        return .public
    }
}
