/// Where text stops being UTF-8: files must be, and a byte replaced silently would change a name
/// or a code without anyone knowing. NUL counts as not text: no figure holds one, and
/// PostgreSQL's text cannot store it.
enum UTF8Check {
    /// The offset of the first byte that is NUL or does not start a well-formed character, or nil.
    /// - Complexity: O(n), one pass; ASCII runs cost a few operations a word.
    static func firstInvalidByte(in bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time, none of them zero: statistics files are mostly ASCII.
            if index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if word & 0x8080_8080_8080_8080 == 0 && hasZero == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead == 0 { return index }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, scalar) = (2, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, scalar) = (3, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, scalar) = (4, UInt32(lead & 0x07))
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            // Overlong forms, surrogates and code points past Unicode's range are not characters.
            if (length == 3 && scalar < 0x800) || (length == 4 && !(0x10000...0x10FFFF).contains(scalar)) || (0xD800...0xDFFF).contains(scalar) {
                return index
            }
            index += length
        }
        return nil
    }

    /// Why the byte at `offset` is refused, for a message.
    static func reason(_ byte: UInt8) -> String {
        byte == 0 ? "holds a NUL byte" : "not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) does not start a character"
    }

    /// The 1-based line of `offset`, for a message.
    static func line(of offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
