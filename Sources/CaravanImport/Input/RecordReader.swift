#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads delimiter-separated records (RFC 4180 quoting, `\n` or `\r\n` line ends) from a byte
/// input one at a time, counting lines and hashing every byte it reads. Written by hand because
/// the Swift CSV readers available build a String per field, several times too slow for BACI.
final class RecordReader {
    private let cursor: ByteCursor
    private let file: String
    let delimiter: UInt8
    private var nextLine = 1

    /// The line the current record starts on.
    private(set) var line = 0
    /// The current record's fields, unquoted, each followed by a NUL byte.
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ cursor: ByteCursor, file: String, delimiter: UInt8) {
        self.cursor = cursor
        self.file = file
        self.delimiter = delimiter
        bytes.reserveCapacity(4096)
    }

    /// Bytes consumed from the file on disk, for progress.
    var position: Int64 { cursor.position }

    /// SHA-256 in hex of every byte of the file, reading what is left of it.
    func digest() -> String {
        while (try? cursor.next()) != nil {}
        return cursor.digest()
    }

    /// The number of fields in the current record.
    var count: Int { starts.count }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// Moves to the next non-blank record; false at the end of the input.
    func next() throws(ImportError) -> Bool {
        while true {
            bytes.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            guard try readRecord() else { return false }
            if !(starts.count == 1 && ends[0] == starts[0]) { return true }
        }
    }

    private func readRecord() throws(ImportError) -> Bool {
        var state = State.fieldStart
        var started = false
        line = nextLine
        while true {
            guard let byte = try cursor.next() else {
                if state == .quoted {
                    throw .malformed(file: file, line: line, reason: "the file ends inside a quoted field")
                }
                if started { endField() }
                return started
            }
            if !started {
                started = true
                starts.append(0)
            }
            switch state {
            case .quoted:
                if byte == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A { nextLine += 1 }
                    bytes.append(byte)
                }
                continue
            case .fieldStart where byte == 0x22:
                state = .quoted
                continue
            case .quoteInQuoted where byte == 0x22:
                bytes.append(byte)
                state = .quoted
                continue
            default:
                break
            }
            if byte == delimiter {
                endField()
                starts.append(bytes.count)
                state = .fieldStart
            } else if byte == 0x0A {
                nextLine += 1
                endField()
                return true
            } else if byte != 0x0D {
                bytes.append(byte)
                state = .unquoted
            }
        }
    }

    private func endField() {
        ends.append(bytes.count)
        bytes.append(0)
    }

    // MARK: Fields

    /// The field's text with surrounding spaces removed.
    func text(_ index: Int) -> String {
        guard index < starts.count else { return "" }
        let (start, end) = trimmed(index)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// True when the field is empty or holds only spaces.
    func isBlank(_ index: Int) -> Bool {
        guard index < starts.count else { return true }
        let (start, end) = trimmed(index)
        return start == end
    }

    /// The field as a decimal number, nil when it is not one.
    func double(_ index: Int) -> Double? {
        guard index < starts.count else { return nil }
        let (start, end) = trimmed(index)
        guard start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Double? in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(base + start, &stop)
            guard let stop, stop == UnsafeMutablePointer(mutating: base + end), value.isFinite else { return nil }
            // strtod also reads hexadecimal, "inf" and "nan"; a statistics file has only decimals.
            let first = buffer[start]
            return (first >= 0x30 && first <= 0x39) || first == 0x2D || first == 0x2E || first == 0x2B ? value : nil
        }
    }

    /// The field as a whole number, nil when it is not one.
    func int(_ index: Int) -> Int? {
        guard index < starts.count else { return nil }
        let (start, end) = trimmed(index)
        guard start < end, end - start <= 18 else { return nil }
        var value = 0
        for i in start..<end {
            let digit = Int(bytes[i]) - 0x30
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private func trimmed(_ index: Int) -> (Int, Int) {
        var start = starts[index]
        var end = ends[index]
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        return (start, end)
    }

    /// The record's fields joined again, for the rejected-rows file.
    var raw: String { (0..<count).map { text($0) }.joined(separator: String(UnicodeScalar(delimiter))) }
}
