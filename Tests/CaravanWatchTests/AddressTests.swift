import CaravanService
import Testing

@Suite("Addresses a watch may go to: public ones, in every spelling")
struct AddressTests {
    @Test(
        "every spelling of loopback, private, link-local and the other inner ranges is read as the address it is and refused",
        arguments: [
            ("127.0.0.1", IPAddress.Scope.loopback), ("127.1", .loopback), ("2130706433", .loopback), ("0x7f.1", .loopback),
            ("017700000001", .loopback), ("0x7F000001", .loopback), ("127.255.255.254", .loopback), ("::1", .loopback),
            ("[::1]", .loopback), ("::ffff:127.0.0.1", .loopback), ("[::ffff:127.0.0.1]", .loopback), ("::ffff:7f00:1", .loopback),
            ("::127.0.0.1", .loopback), ("64:ff9b::127.0.0.1", .loopback), ("2002:7f00:1::", .loopback), ("0.0.0.0", .unspecified),
            ("0", .unspecified), ("::", .unspecified), ("10.0.0.1", .private), ("10.1", .private), ("172.16.0.1", .private),
            ("172.31.255.255", .private), ("192.168.1.1", .private), ("::ffff:192.168.1.1", .private), ("100.64.0.1", .sharedAddressSpace),
            ("169.254.169.254", .linkLocal), ("0xa9.0xfe.0xa9.0xfe", .linkLocal), ("fe80::1", .linkLocal), ("febf::1", .linkLocal),
            ("fc00::1", .uniqueLocal), ("fd12:3456::1", .uniqueLocal), ("224.0.0.1", .multicast), ("ff02::1", .multicast),
            ("255.255.255.255", .broadcast), ("192.0.2.1", .reserved), ("198.18.0.1", .reserved), ("240.0.0.1", .reserved),
            ("2001:db8::1", .reserved), ("2001::1", .reserved), ("100::1", .reserved), ("64:ff9b:1::1", .reserved),
        ])
    func refused(_ host: String, _ scope: IPAddress.Scope) throws {
        let address = try #require(IPAddress(literal: host), "\(host) is an address")
        #expect(address.scope == scope && !address.isPublic, "\(host) is \(address), \(address.scope)")
        let refusal = try #require(WatchAddress.refusal(host: host))
        #expect(refusal.contains(scope.phrase) && refusal.hasSuffix("; watches go to public addresses only"), "\(refusal)")
    }

    @Test(
        "public addresses, and IPv6 ones that carry a public IPv4 address, are public",
        arguments: ["93.184.215.14", "8.8.8.8", "1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])
    func allowed(_ host: String) throws {
        let address = try #require(IPAddress(literal: host))
        #expect(address.isPublic, "\(host) is \(address), \(address.scope)")
        #expect(WatchAddress.refusal(host: host) == nil)
    }

    @Test("a host spelt otherwise is written as the address it connects to, in the refusal")
    func spelling() {
        #expect(WatchAddress.refusal(host: "0x7f.1")?.hasPrefix("0x7f.1 is 127.0.0.1, a loopback address; ") == true)
        #expect(WatchAddress.refusal(host: "::ffff:7f00:1")?.hasPrefix("::ffff:7f00:1 is 127.0.0.1, a loopback address; ") == true)
        #expect(WatchAddress.refusal(host: "127.0.0.1")?.hasPrefix("127.0.0.1 is a loopback address; ") == true)
        #expect(WatchAddress.refusal(host: "169.254.169.254")?.hasPrefix("169.254.169.254 is a link-local address; ") == true)
    }

    @Test("names are not addresses: they are judged by what they resolve to, but localhost, which is loopback by definition")
    func names() {
        for name in ["example.org", "127.0.0.1.nip.io", "1.2.3.4.5", "0x7g.1", "localhost.example"] {
            #expect(IPAddress(literal: name) == nil && WatchAddress.refusal(host: name) == nil, "\(name)")
        }
        for name in ["localhost", "LOCALHOST", "localhost.", "api.localhost"] {
            #expect(WatchAddress.refusal(host: name)?.contains("loopback name") == true, "\(name)")
        }
    }

    @Test("the host is read as the HTTP client reads it: an http(s) address's host, brackets off")
    func host() {
        #expect(WatchAddress.host(of: "http://[::ffff:127.0.0.1]:8080/hook") == "::ffff:127.0.0.1")
        #expect(WatchAddress.host(of: "https://0x7f.1/hook") == "0x7f.1")
        #expect(WatchAddress.host(of: "ftp://example.org/") == nil && WatchAddress.host(of: "http:///x") == nil)
    }
}
