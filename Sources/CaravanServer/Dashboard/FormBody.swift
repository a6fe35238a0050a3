import Foundation

/// A form's `application/x-www-form-urlencoded` body read strictly: `+` is a space, `%XX` a byte,
/// and the bytes of each name and value must be UTF-8. Unlike a shared link's query, whose
/// broken escapes are left as they are, a body that is not UTF-8 is refused: the article in it
/// would otherwise be checked as some other text.
struct FormBody: Sendable {
    /// Each field's values, in the order sent.
    private(set) var fields: [String: [String]] = [:]

    struct NotUTF8: Error {
        /// The field whose name or value is not UTF-8 once decoded.
        let field: String
    }

    init(_ body: some Collection<UInt8>) throws(NotUTF8) {
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { throw NotUTF8(field: "a field's name") }
            guard let value = parts.count > 1 ? Self.decode(parts[1]) : "" else { throw NotUTF8(field: name) }
            fields[name, default: []].append(value)
        }
    }

    /// The first value of a field, or an empty one: a form sends a field left blank as empty.
    subscript(_ name: String) -> String { fields[name]?.first ?? "" }

    private static func decode(_ encoded: some Collection<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index != encoded.endIndex {
            let byte = encoded[index]
            index = encoded.index(after: index)
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = hex(encoded, index),
                let low = hex(encoded, encoded.index(index, offsetBy: 1, limitedBy: encoded.endIndex))
            {
                bytes.append(high << 4 | low)
                index = encoded.index(index, offsetBy: 2)
            } else {
                // A `%` not followed by two hex digits stands for itself, as browsers read it.
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ index: Bytes.Index?) -> UInt8? {
        guard let index, index != bytes.endIndex else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return bytes[index] - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return bytes[index] - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return bytes[index] - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
