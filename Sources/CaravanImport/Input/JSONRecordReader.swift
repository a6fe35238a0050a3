import Foundation

/// Streams the objects of a JSON response's `data` array (or of a top-level array) one at a time,
/// so that a large API response is never held whole; each object is checked by `JSONReader` (no
/// key twice, no nesting past its depth) and then built by Foundation. Written by hand because
/// Foundation's JSON readers take the whole document at once.
final class JSONRecordReader {
    /// The most bytes one record may take: a Comtrade record is about 1.5 KB, and a longer one is
    /// refused before it can fill memory.
    static let longestRecord = 1 << 20

    private let cursor: ByteCursor
    private let file: String
    private var lineNumber = 1
    private var inArray = false
    private var finished = false
    private var object: [UInt8] = []
    /// The top-level `error` text of an API response, if it carried one.
    private(set) var apiError: String?

    /// How every message of an answer that stops short begins: a transfer cut off, which another try may pass.
    static let endsEarly = "the JSON ends"

    /// The line the current object starts on.
    private(set) var line = 0

    init(_ cursor: ByteCursor, file: String) {
        self.cursor = cursor
        self.file = file
    }

    /// The next object of the array, or nil after the last.
    func next() throws(ImportError) -> [String: Any]? {
        if finished { return nil }
        if !inArray { try seekArray() }
        while let byte = try nextByte() {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A, 0x2C: continue
            case 0x5D:
                finished = true
                return nil
            case 0x7B:
                line = lineNumber
                return try readObject()
            default:
                throw malformed("expected an object in the data array, found '\(Character(UnicodeScalar(byte)))'")
            }
        }
        throw malformed("\(Self.endsEarly) inside the data array")
    }

    private func nextByte() throws(ImportError) -> UInt8? {
        let byte = try cursor.next()
        if byte == 0x0A { lineNumber += 1 }
        return byte
    }

    private func malformed(_ reason: String) -> ImportError { .malformed(file: file, line: lineNumber, reason: reason) }

    /// Walks the top-level object to its `data` key and the array's opening bracket.
    private func seekArray() throws(ImportError) {
        var depth = 0
        var lastKey: String?
        var expectingValue = false
        while let byte = try nextByte() {
            switch byte {
            case 0x22:
                let text = try readString()
                if depth == 1 {
                    if expectingValue, lastKey == "error", !text.isEmpty { apiError = text }
                    if !expectingValue { lastKey = text }
                    expectingValue = false
                }
            case 0x3A where depth == 1:
                expectingValue = true
            case 0x5B, 0x7B:
                if byte == 0x5B && (depth == 0 || (depth == 1 && expectingValue && lastKey == "data")) {
                    inArray = true
                    return
                }
                depth += 1
                if depth > JSONReader.maxDepth { throw malformed("nested deeper than \(JSONReader.maxDepth) levels") }
                expectingValue = false
            case 0x7D, 0x5D:
                depth -= 1
            case 0x2C where depth == 1:
                expectingValue = false
            default:
                break
            }
        }
        if depth > 0 && apiError == nil { throw malformed("\(Self.endsEarly) before its data array") }
        throw malformed(apiError.map { "the response has no data; it says: \($0)" } ?? "no \"data\" array of records was found")
    }

    private func readString() throws(ImportError) -> String {
        var text: [UInt8] = []
        var escaped = false
        while let byte = try nextByte() {
            if escaped {
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else if byte == 0x22 {
                return String(decoding: text, as: UTF8.self)
            }
            text.append(byte)
        }
        throw malformed("\(Self.endsEarly) inside a string")
    }

    private func readObject() throws(ImportError) -> [String: Any] {
        object.removeAll(keepingCapacity: true)
        object.append(0x7B)
        var depth = 1
        var inString = false
        var escaped = false
        while depth > 0, let byte = try nextByte() {
            object.append(byte)
            if object.count > Self.longestRecord {
                throw malformed("the object starting on line \(line) runs past \(Self.longestRecord >> 20) MiB, longer than any record can be")
            }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x7B, 0x5B:
                depth += 1
                if depth > JSONReader.maxDepth {
                    throw malformed("the object starting on line \(line) is nested deeper than \(JSONReader.maxDepth) levels")
                }
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
        guard depth == 0 else { throw malformed("\(Self.endsEarly) inside an object that starts on line \(line)") }
        try check(object)
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(object)) as? [String: Any] else {
                throw malformed("expected an object")
            }
            return parsed
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.malformed(file: file, line: line, reason: "invalid JSON in the object starting here")
        }
    }

    /// Refuses a key given twice in one object, which Foundation would settle silently by keeping the last.
    private func check(_ object: [UInt8]) throws(ImportError) {
        let failure: (reason: String, line: Int)? = object.withUnsafeBytes { bytes in
            var reader = JSONReader(bytes)
            do throws(JSONReader.Failure) {
                try reader.skip()
                return nil
            } catch {
                return (error.reason, reader.line)
            }
        }
        if let failure { throw ImportError.malformed(file: file, line: line + failure.line - 1, reason: failure.reason) }
    }

    /// SHA-256 in hex of every byte of the file, reading what is left of it.
    func digest() -> String { cursor.digest() }

    var position: Int64 { cursor.position }
}

extension ImportError {
    /// True when a JSON answer stops short, as one cut off mid-way does, rather than being wrong in what it holds.
    public var endsEarly: Bool {
        if case .malformed(_, _, let reason) = self { reason.hasPrefix(JSONRecordReader.endsEarly) } else { false }
    }
}
