import CaravanCore

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

    /// The most bytes one record may take: the longest row of any format read is a few KB, and a
    /// longer one is refused before it can fill memory, whatever filter would pass over it.
    static let longestRecord = 1 << 20

    /// The line the current record starts on.
    private(set) var line = 0
    /// Looks at a whole unquoted line, its end excluded, before it is split: false passes over it
    /// unread. Lines across a chunk's end, or quoted, are read as usual and judged by the parser.
    var passes: ((UnsafeRawBufferPointer) -> Bool)?
    /// Lines `passes` passed over.
    private(set) var passedOver = 0
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
    func digest() -> String { cursor.digest() }

    /// The number of fields in the current record.
    var count: Int { starts.count }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The unread part of the current chunk.
    private var pending = UnsafeRawBufferPointer(start: nil, count: 0)
    private var offset = 0

    /// Moves to the next non-blank record; false at the end of the input.
    func next() throws(ImportError) -> Bool {
        while true {
            guard try readRecord() else { return false }
            if !(starts.count == 1 && ends[0] == starts[0]) { return true }
        }
    }

    /// Reads one record into `bytes`, `starts` and `ends`. The loop works on local copies: on a
    /// class's stored properties every access would be checked for exclusivity, byte by byte.
    private func readRecord() throws(ImportError) -> Bool {
        var bytes = take(&self.bytes)
        var starts = take(&self.starts)
        var ends = take(&self.ends)
        var buffer = pending
        var index = offset
        var lines = nextLine
        defer {
            self.bytes = bytes
            self.starts = starts
            self.ends = ends
            pending = buffer
            offset = index
            nextLine = lines
        }
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        line = lines
        var state = State.fieldStart
        var started = false
        let delimiter = self.delimiter
        if let passes {
            // Whole lines in the chunk at hand, found with memchr, go to the filter before any byte is copied.
            while index < buffer.count, let base = buffer.baseAddress,
                let found = memchr(base + index, 0x0A, buffer.count - index)
            {
                let end = base.distance(to: UnsafeRawPointer(found))
                let text = UnsafeRawBufferPointer(rebasing: buffer[index..<end])
                if text.isEmpty || memchr(text.baseAddress!, 0x22, text.count) != nil || passes(text) { break }
                index = end + 1
                lines += 1
                passedOver += 1
            }
            line = lines
        }
        while true {
            if index == buffer.count {
                // Checked a chunk at a time (1 MiB), so a record holds at most twice the limit before it is refused.
                if bytes.count > Self.longestRecord {
                    let limit = "\(Self.longestRecord >> 20) MiB"
                    throw .malformed(file: file, line: line, reason: "the record starting here runs past \(limit), longer than any row can be")
                }
                guard let next = try cursor.nextBytes() else {
                    buffer = UnsafeRawBufferPointer(start: nil, count: 0)
                    index = 0
                    if state == .quoted { throw .malformed(file: file, line: line, reason: "the file ends inside a quoted field") }
                    if started {
                        ends.append(bytes.count)
                        bytes.append(0)
                    }
                    return started
                }
                buffer = next
                index = 0
            }
            let byte = buffer[index]
            index += 1
            if !started {
                started = true
                starts.append(0)
            }
            switch state {
            case .quoted:
                if byte == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A { lines += 1 }
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
                ends.append(bytes.count)
                bytes.append(0)
                starts.append(bytes.count)
                state = .fieldStart
            } else if byte == 0x0A {
                lines += 1
                ends.append(bytes.count)
                bytes.append(0)
                return true
            } else if byte != 0x0D {
                bytes.append(byte)
                state = .unquoted
            }
        }
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

    /// The field as a decimal number, nil when it is not one (`DecimalText`'s forms only).
    func double(_ index: Int) -> Double? {
        guard index < starts.count else { return nil }
        let (start, end) = trimmed(index)
        guard start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Double? in
            guard DecimalText.isDecimal(UnsafeBufferPointer(rebasing: buffer[start..<end])) else { return nil }
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(base + start, &stop)
            guard let stop, stop == UnsafeMutablePointer(mutating: base + end), value.isFinite else { return nil }
            return value
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

    /// The first field that is not text (not UTF-8, or holding NUL), and why; nil when all are.
    func fieldNotText() -> (field: Int, reason: String)? {
        bytes.withUnsafeBytes { buffer in
            for field in starts.indices {
                let text = UnsafeRawBufferPointer(rebasing: buffer[starts[field]..<ends[field]])
                if let offset = UTF8Check.firstInvalidByte(in: text) { return (field, UTF8Check.reason(text[offset])) }
            }
            return nil
        }
    }

    /// The record's fields joined again, for the rejected-rows file.
    var raw: String { (0..<count).map { text($0) }.joined(separator: String(UnicodeScalar(delimiter))) }
}

/// Moves an array out of its place, leaving an empty one, so it can be changed without a copy.
private func take<Element>(_ array: inout [Element]) -> [Element] {
    var taken: [Element] = []
    swap(&taken, &array)
    return taken
}
