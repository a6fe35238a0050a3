import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP relay on loopback between a program and a server, which a test can make fail the two
/// ways a network does: `silence()` stops forwarding while every connection stays open (a peer
/// that hangs, packets dropped), `cut()` resets every connection at once (a peer that is gone).
public final class TCPProxy: @unchecked Sendable {
    private enum Mode {
        case forwarding, silent
    }

    /// The port the relay listens on, on 127.0.0.1.
    public let port: Int
    private let target: Int
    private let listener: Int32
    private let lock = NSLock()
    private var mode = Mode.forwarding
    private var stopped = false
    /// Counts the cuts: a connection relayed before the last one resets itself. Each relay
    /// thread closes only its own sockets, so no descriptor is closed under another's read.
    private var cuts = 0

    /// Relays connections to 127.0.0.1:`port`.
    public init(to port: Int) throws {
        target = port
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw TestSetupError("proxy: no socket") }
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw TestSetupError("proxy: cannot listen on loopback") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in accepting() }
    }

    deinit { stop() }

    /// Stops forwarding in both directions; every connection stays open, and new ones are taken
    /// but get no answer.
    public func silence() { lock.withLock { mode = .silent } }

    /// Forwards again.
    public func restore() { lock.withLock { mode = .forwarding } }

    /// Resets every connection open now, both sides, as a peer that vanished does; new ones are
    /// still relayed.
    public func cut() { lock.withLock { cuts += 1 } }

    /// Resets every connection and stops taking new ones.
    public func stop() {
        lock.withLock {
            cuts += 1
            stopped = true
        }
    }

    private func accepting() {
        defer { close(listener) }
        while !lock.withLock({ stopped }) {
            guard Self.readable(listener, timeout: 100) else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: target)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                close(client)
                close(server)
                continue
            }
            let generation = lock.withLock { cuts }
            Thread.detachNewThread { [self] in relay(client, server, generation: generation) }
        }
    }

    /// Copies bytes both ways while forwarding; reads nothing while silent, so the peers' buffers
    /// fill and their writes wait, as across a network that went quiet.
    private func relay(_ a: Int32, _ b: Int32, generation: Int) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let (cut, mode) = lock.withLock { (cuts > generation, self.mode) }
            if cut {
                Self.reset(a)
                Self.reset(b)
                return
            }
            if mode == .silent {
                usleep(50_000)
                continue
            }
            var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 2, 100) > 0 else { continue }
            for (index, (from, to)) in [(a, b), (b, a)].enumerated() where fds[index].revents != 0 {
                let count = read(from, &buffer, buffer.count)
                guard count > 0, Self.writeAll(to, buffer, count) else {
                    // One side closed: the other is closed too, as a relay does.
                    close(a)
                    close(b)
                    return
                }
            }
        }
    }

    private static func writeAll(_ fd: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        var sent = 0
        while sent < count {
            let written = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + sent, count - sent) }
            guard written > 0 else { return false }
            sent += written
        }
        return true
    }

    /// Closes with a reset rather than a goodbye: SO_LINGER with no time.
    private static func reset(_ fd: Int32) {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        close(fd)
    }

    private static func readable(_ fd: Int32, timeout: Int32) -> Bool {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, timeout) > 0
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        return address
    }
}
