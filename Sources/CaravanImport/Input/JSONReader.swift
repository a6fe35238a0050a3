#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pull parser over a JSON document in memory, byte by byte, building nothing it is not asked
/// for. Written by hand because Foundation's JSON readers build every object as a dictionary of
/// boxed values first: several times slower, and several times the memory, on a network of
/// millions of links.
struct JSONReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    /// Objects and arrays open around the reader; past `maxDepth` a document is refused, so no
    /// nesting can exhaust the stack.
    private var depth = 0
    static let maxDepth = 64
    /// The keys of the objects open around the reader, as (start, length), innermost last: a key
    /// repeated within one object is refused rather than one of its values silently dropped.
    private var openKeys: [(start: Int, count: Int)] = []

    /// Why the document could not be read, at the byte offset it was found.
    struct Failure: Error {
        let reason: String
    }

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The next byte that is not white space, without consuming it; nil at the end.
    mutating func peek() -> UInt8? {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 { return byte }
            offset += 1
        }
        return nil
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard peek() == byte else { throw Failure(reason: "expected \(what)\(found)") }
        offset += 1
    }

    /// Reads `{ "key": value, ... }`, handing each key to `body`, which must read its value.
    mutating func object(_ body: (inout JSONReader, JSONKey) throws(Failure) -> Void) throws(Failure) {
        try expect(0x7B, "an object")
        try enter()
        defer { depth -= 1 }
        if peek() == 0x7D {
            offset += 1
            return
        }
        let firstKey = openKeys.count
        defer { openKeys.removeSubrange(firstKey...) }
        // A bit per key hash: most keys are new, and only a hash seen before is compared in full.
        var seen: UInt64 = 0
        while true {
            let key = try self.key()
            let start = key.bytes.isEmpty ? offset : key.bytes.baseAddress! - bytes.baseAddress!
            let bit: UInt64 = 1 << (key.hash & 63)
            if seen & bit != 0, openKeys[firstKey...].contains(where: { $0.count == key.bytes.count && same(at: $0.start, as: key) }) {
                throw Failure(reason: "the key '\(key)' appears twice in one object")
            }
            seen |= bit
            openKeys.append((start, key.bytes.count))
            try expect(0x3A, "':' after a key")
            try body(&self, key)
            switch peek() {
            case 0x2C: offset += 1
            case 0x7D:
                offset += 1
                return
            default: throw Failure(reason: "expected ',' or '}'\(found)")
            }
        }
    }

    private func same(at start: Int, as key: JSONKey) -> Bool {
        key.bytes.isEmpty || memcmp(bytes.baseAddress! + start, key.bytes.baseAddress!, key.bytes.count) == 0
    }

    /// One level deeper, refused past `maxDepth`.
    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth { throw Failure(reason: "nested deeper than \(Self.maxDepth) levels") }
    }

    /// Reads `[ value, ... ]`, handing each element's index to `body`, which must read it.
    mutating func array(_ body: (inout JSONReader, Int) throws(Failure) -> Void) throws(Failure) {
        try expect(0x5B, "an array")
        try enter()
        defer { depth -= 1 }
        if peek() == 0x5D {
            offset += 1
            return
        }
        var index = 0
        while true {
            try body(&self, index)
            index += 1
            switch peek() {
            case 0x2C: offset += 1
            case 0x5D:
                offset += 1
                return
            default: throw Failure(reason: "expected ',' or ']'\(found)")
            }
        }
    }

    /// True, and the null consumed, when the next value is `null`.
    mutating func null() -> Bool {
        guard peek() == 0x6E, offset + 4 <= bytes.count, bytes[offset + 1] == 0x75, bytes[offset + 2] == 0x6C, bytes[offset + 3] == 0x6C
        else { return false }
        offset += 4
        return true
    }

    /// An object's key, left as bytes: matched against the keys a reader knows without building a string.
    mutating func key() throws(Failure) -> JSONKey {
        try expect(0x22, "a key")
        let start = offset
        while offset < bytes.count && bytes[offset] != 0x22 {
            offset += bytes[offset] == 0x5C ? 2 : 1
        }
        guard offset < bytes.count else {
            offset = bytes.count
            throw Failure(reason: "the document ends inside a key")
        }
        offset += 1
        return JSONKey(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<offset - 1]))
    }

    mutating func string() throws(Failure) -> String {
        try expect(0x22, "a string")
        let start = offset
        var escaped = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x22 {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                return escaped ? try unescape(raw) : String(decoding: raw, as: UTF8.self)
            }
            if byte == 0x5C {
                escaped = true
                offset += 1
            }
            offset += 1
        }
        offset = bytes.count
        throw Failure(reason: "the document ends inside a string")
    }

    private func unescape(_ raw: UnsafeRawBufferPointer) throws(Failure) -> String {
        var scalars = String.UnicodeScalarView()
        var text = String(decoding: raw, as: UTF8.self).unicodeScalars.makeIterator()
        var pendingHigh: UInt32?
        while let scalar = text.next() {
            guard scalar == "\\" else {
                scalars.append(scalar)
                continue
            }
            switch text.next() {
            case "n": scalars.append("\n")
            case "t": scalars.append("\t")
            case "r": scalars.append("\r")
            case "b": scalars.append("\u{08}")
            case "f": scalars.append("\u{0C}")
            case "u":
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard let digit = text.next().flatMap({ UInt32(String($0), radix: 16) }) else {
                        throw Failure(reason: "a \\u escape needs four hex digits")
                    }
                    value = value * 16 + digit
                }
                if (0xD800..<0xDC00).contains(value) {
                    pendingHigh = value
                } else if let high = pendingHigh, (0xDC00..<0xE000).contains(value) {
                    scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))!)
                    pendingHigh = nil
                } else if let scalar = Unicode.Scalar(value) {
                    scalars.append(scalar)
                }
            case let other?: scalars.append(other)
            case nil: throw Failure(reason: "the document ends inside an escape")
            }
        }
        return String(scalars)
    }

    mutating func number() throws(Failure) -> Double {
        _ = peek()
        let start = offset
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var negative = false
        if offset < bytes.count && bytes[offset] == 0x2D {
            negative = true
            offset += 1
        }
        while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 {
            if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[offset] - 0x30) } else { scale += 1 }
            digits += 1
            offset += 1
        }
        if offset < bytes.count && bytes[offset] == 0x2E {
            offset += 1
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 {
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[offset] - 0x30)
                    scale -= 1
                }
                digits += 1
                offset += 1
            }
        }
        var exponentGiven = false
        if offset < bytes.count && (bytes[offset] == 0x65 || bytes[offset] == 0x45) {
            exponentGiven = true
            offset += 1
            if offset < bytes.count && (bytes[offset] == 0x2B || bytes[offset] == 0x2D) { offset += 1 }
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 { offset += 1 }
        }
        guard digits > 0 else { throw Failure(reason: "expected a number\(found)") }
        // Exact when the digits fit a double's mantissa and the power of ten is one too (Clinger).
        if !exponentGiven && mantissa < 1 << 53 && scale >= -22 && scale <= 0 {
            let value = Double(mantissa) / Self.powers[-scale]
            return negative ? -value : value
        }
        return slowNumber(from: start)
    }

    private static let powers: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private func slowNumber(from start: Int) -> Double {
        var text = [CChar](repeating: 0, count: offset - start + 1)
        for i in start..<offset { text[i - start] = CChar(bitPattern: bytes[i]) }
        return strtod(text, nil)
    }

    mutating func bool() throws(Failure) -> Bool {
        for (literal, value) in [(Array("true".utf8), true), (Array("false".utf8), false)]
        where peek() == literal[0] && offset + literal.count <= bytes.count && literal.indices.allSatisfy({ bytes[offset + $0] == literal[$0] }) {
            offset += literal.count
            return value
        }
        throw Failure(reason: "expected true or false\(found)")
    }

    /// Reads and discards any value.
    mutating func skip() throws(Failure) {
        switch peek() {
        case 0x7B: try object { reader, _ throws(Failure) in try reader.skip() }
        case 0x5B: try array { reader, _ throws(Failure) in try reader.skip() }
        case 0x22: _ = try string()
        case 0x74, 0x66: _ = try bool()
        case 0x6E:
            if !null() { throw Failure(reason: "expected a value\(found)") }
        default: _ = try number()
        }
    }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - offset }

    /// True when nothing but white space is left.
    mutating func atEnd() -> Bool { peek() == nil }

    /// The line the reader is on, counted from the start (for messages).
    var line: Int { bytes[..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }

    private var found: String {
        guard offset < bytes.count else { return ", found the end of the document" }
        return ", found '\(Character(UnicodeScalar(bytes[offset])))'"
    }
}

/// An object key as it stands in the document, valid while the document is.
struct JSONKey: CustomStringConvertible {
    let bytes: UnsafeRawBufferPointer

    /// Matches `case "id":` in a switch, comparing bytes.
    /// Compared byte by byte in line: keys are a few bytes long, shorter than a call to `memcmp`.
    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        guard pattern.utf8CodeUnitCount == key.bytes.count else { return false }
        for index in 0..<key.bytes.count where pattern.utf8Start[index] != key.bytes[index] { return false }
        return true
    }

    var description: String { String(decoding: bytes, as: UTF8.self) }

    /// A cheap hash of the key: its length and its first and last bytes.
    var hash: Int { bytes.isEmpty ? 0 : bytes.count &* 31 &+ Int(bytes[0]) &* 7 &+ Int(bytes[bytes.count - 1]) }
}
