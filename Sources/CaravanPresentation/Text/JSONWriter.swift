import Foundation

/// Writes any `Encodable` as the JSON every interface answers with: keys sorted, two-space
/// indents, `" : "` between key and value, slashes unescaped, dates in ISO 8601 to the second —
/// the bytes Foundation's `JSONEncoder` writes with those options (the tests hold it to them),
/// in a third of its time: each object's keys are kept in an array, not hashed into a dictionary,
/// and the text is written straight into one buffer.
enum JSONWriter {
    static func bytes(_ value: some Encodable) throws -> [UInt8] {
        let root = try ValueEncoder.node(for: value, path: [])
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(root, indent: 0, into: &out)
        return out
    }

    private static func write(_ node: Node, indent: Int, into out: inout [UInt8]) {
        switch node {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, into: &out)
        case .slot(let slot): write(slot.node ?? .object(ObjectBox()), indent: indent, into: &out)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            out.append(UInt8(ascii: "\n"))
            if box.items.isEmpty { out.append(UInt8(ascii: "\n")) }
            for (index, item) in box.items.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                pad(indent + 2, into: &out)
                write(item, indent: indent + 2, into: &out)
            }
            if !box.items.isEmpty { out.append(UInt8(ascii: "\n")) }
            pad(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "\n"))
            let entries = box.sortedEntries()
            if entries.isEmpty { out.append(UInt8(ascii: "\n")) }
            for (index, entry) in entries.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                pad(indent + 2, into: &out)
                writeString(entry.key, into: &out)
                out.append(contentsOf: " : ".utf8)
                write(entry.value, indent: indent + 2, into: &out)
            }
            if !entries.isEmpty { out.append(UInt8(ascii: "\n")) }
            pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func pad(_ count: Int, into out: inout [UInt8]) {
        var left = count
        while left > 0 {
            out.append(contentsOf: spaces[..<min(left, spaces.count)])
            left -= spaces.count
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as it is.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x08: out.append(contentsOf: "\\b".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0C: out.append(contentsOf: "\\f".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A value on its way out. Containers are references, so a container handed to an encoding
/// type can be filled after it has been put in its parent.
enum Node {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array(ArrayBox)
    case object(ObjectBox)
    /// What a `superEncoder` writes, resolved when written out.
    case slot(Slot)
}

final class ArrayBox {
    var items: [Node] = []
}

final class ObjectBox {
    var entries: [(key: String, value: Node)] = []

    /// Sorted by key as Swift orders strings; of a key set twice, the last value. An object has
    /// a handful of keys, sorted by insertion in place; a map of many, by a stable sort.
    func sortedEntries() -> [(key: String, value: Node)] {
        var sorted = entries
        if sorted.count > 32 {
            sorted = entries.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        } else {
            for i in sorted.indices.dropFirst() {
                let entry = sorted[i]
                var j = i
                while j > 0 && entry.key < sorted[j - 1].key {
                    sorted[j] = sorted[j - 1]
                    j -= 1
                }
                sorted[j] = entry
            }
        }
        var unique = 0
        for entry in sorted {
            if unique > 0 && sorted[unique - 1].key == entry.key {
                sorted[unique - 1] = entry
            } else {
                sorted[unique] = entry
                unique += 1
            }
        }
        sorted.removeLast(sorted.count - unique)
        return sorted
    }
}

final class Slot {
    var node: Node?
}

/// The `Encoder` that turns a value into nodes.
private final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let slot = Slot()

    init(path: [any CodingKey]) { codingPath = path }

    /// The node for `value`: plain values at once, dates, URLs and data as Foundation's encoder
    /// writes them, anything else by its own `encode(to:)`. Types are told apart by their
    /// metatype, which costs a comparison where a cast costs a runtime lookup.
    static func node<T: Encodable>(for value: T, path: [any CodingKey]) throws -> Node {
        if T.self == String.self, let value = value as? String { return .string(value) }
        if T.self == Int.self, let value = value as? Int { return .number(String(value)) }
        if T.self == Double.self, let value = value as? Double { return try Number.text(value, path: path) }
        if T.self == Bool.self, let value = value as? Bool { return .bool(value) }
        if T.self == Int64.self, let value = value as? Int64 { return .number(String(value)) }
        // The other widths: the containers' own methods for them fall back to this one, so each
        // must end here rather than in its `encode(to:)`, which would ask a container again.
        if T.self == Int32.self, let value = value as? Int32 { return .number(String(value)) }
        if T.self == Int16.self, let value = value as? Int16 { return .number(String(value)) }
        if T.self == Int8.self, let value = value as? Int8 { return .number(String(value)) }
        if T.self == UInt.self, let value = value as? UInt { return .number(String(value)) }
        if T.self == UInt64.self, let value = value as? UInt64 { return .number(String(value)) }
        if T.self == UInt32.self, let value = value as? UInt32 { return .number(String(value)) }
        if T.self == UInt16.self, let value = value as? UInt16 { return .number(String(value)) }
        if T.self == UInt8.self, let value = value as? UInt8 { return .number(String(value)) }
        if T.self == Float.self, let value = value as? Float { return try Number.text(value, path: path) }
        if T.self == Date.self, let value = value as? Date { return .string(ISODate.text(value)) }
        if T.self == URL.self, let value = value as? URL { return .string(value.absoluteString) }
        if T.self == Data.self, let value = value as? Data { return .string(value.base64EncodedString()) }
        if T.self == Decimal.self, let value = value as? Decimal { return .number(value.description) }
        let encoder = ValueEncoder(path: path)
        try value.encode(to: encoder)
        return encoder.slot.node ?? .object(ObjectBox())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = slot.node {
            box = existing
        } else {
            box = ObjectBox()
            slot.node = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = slot.node {
            box = existing
        } else {
            box = ArrayBox()
            slot.node = .array(box)
        }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(encoder: self) }
}

/// Numbers as Foundation writes them: integers plainly, doubles by their shortest exact
/// description without a trailing ".0"; infinities and NaN refused.
private enum Number {
    static func text<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, path: [any CodingKey]) throws -> Node {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "\(value) is not a JSON number"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [any CodingKey]

    private func put(_ node: Node, _ key: Key) { box.entries.append((key.stringValue, node)) }

    // The commonest values written at once; every other width reaches `ValueEncoder.node(for:)`.

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try Number.text(value, path: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try ValueEncoder.node(for: value, path: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        put(.object(nested), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        put(.array(nested), key)
        return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let encoder = ValueEncoder(path: codingPath)
        box.entries.append((name, .slot(encoder.slot)))
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(try Number.text(value, path: codingPath)) }
    mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try ValueEncoder.node(for: value, path: codingPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        box.items.append(.array(nested))
        return UnkeyedContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(path: codingPath)
        box.items.append(.slot(encoder.slot))
        return encoder
    }
}

private struct SingleValue: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.slot.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.slot.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.slot.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.slot.node = try Number.text(value, path: codingPath) }
    mutating func encode(_ value: Int) throws { encoder.slot.node = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.slot.node = try ValueEncoder.node(for: value, path: codingPath) }
}

/// `2026-11-30T12:00:00Z`: UTC, to the second (a fraction is dropped, as Foundation's `.iso8601` drops it).
enum ISODate {
    static func text(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        // Days to a civil date (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = year >= 0 && year < 10_000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time % 3600 / 60)):\(two(time % 60))Z"
    }
}
