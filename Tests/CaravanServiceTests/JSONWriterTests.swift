import CaravanCore
import CaravanPresentation
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

/// The JSON writer is held to Foundation's `JSONEncoder` with the options the answers were
/// written with before it: the same bytes, on awkward values and on every kind of real answer.
@Suite("The JSON writer writes what Foundation's encoder wrote")
struct JSONWriterTests {
    let directory = TemporaryDirectory()

    private func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    @Test("numbers, strings, keys, dates, empty and nested containers, nulls, repeated keys and super encoders")
    func awkwardValues() throws {
        let value = Awkward()
        #expect(try JSONOutput.string(value) == (try foundation(value)))
        #expect(try JSONOutput.string("a/b\u{0}") == (try foundation("a/b\u{0}")))
        #expect(try JSONOutput.string(42) == (try foundation(42)))
        #expect(try JSONOutput.string(-0.0) == (try foundation(-0.0)))
        #expect(try JSONOutput.string([Int]()) == (try foundation([Int]())))
        #expect(try JSONOutput.string([String: Int]()) == (try foundation([String: Int]())))
        let widths = Widths()
        #expect(try JSONOutput.string(widths) == (try foundation(widths)))
        #expect(try JSONOutput.string([UInt8(7)]) == (try foundation([UInt8(7)])))
        #expect(throws: EncodingError.self) { try JSONOutput.string([1.0, .nan]) }
        #expect(throws: EncodingError.self) { try JSONOutput.string(["x": Double.infinity]) }
    }

    @Test("every kind of answer on the bundled data, byte for byte")
    func answers() async throws {
        let workspace = Workspace(store: try await StoreBackend.sqlite.makeStore(in: directory))
        _ = try await workspace.importBundledData(recordedAt: Date(timeIntervalSince1970: 1_780_000_000.25))
        let asOf = Date(timeIntervalSince1970: 1_790_000_000)
        let query = TradeQuery(reporter: "IRN", partner: "KAZ")
        let exports = TradeQuery(reporter: "IRN", partner: "KAZ", flow: .export)
        let answers: [any Encodable] = [
            try await workspace.series(query, by: .year), try await workspace.series(query, by: .shYear),
            try await workspace.series(query, by: .month),
            try await workspace.mirror("IRN", "KAZ", commodity: "TOTAL", period: nil, asOf: nil),
            try await workspace.freightFlows(element: nil), try await workspace.scorecard(asOf: asOf),
            try await workspace.partnerships(asOf: asOf),
            try await workspace.products(exports, period: Period(parsing: "2023"), level: .heading, top: 5),
            ImportList(imports: try await workspace.batches()), try await workspace.network(),
        ]
        for answer in answers {
            let ours = try JSONOutput.string(answer)
            #expect(ours == (try foundation(answer)), "\(type(of: answer)) differs")
            #expect(ours.utf8.count > 20)
        }
    }
}

/// Values Foundation's encoder has its own ways with.
private struct Awkward: Encodable {
    enum Key: String, CodingKey {
        case numbers, integers, texts, map, empty, nested, dates, url, null, twice, list, parent
        case persian = "نام"
        case upper = "Zed"
        case digits = "10"
        case digit = "9"
        case underscore = "_x"
        case accented = "é"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(
            [0, -0.0, 0.1, 0.3, 1e21, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, 123_456.789, -42.5, 1e16, 1e15, 100, 2.5e-3, 340_000_000],
            forKey: .numbers)
        try container.encode([0, -1, Int.min, Int.max, 1_000_000], forKey: .integers)
        let controls = String(decoding: (0..<32).map { UInt8($0) } + [0x7F], as: UTF8.self)
        try container.encode(
            [controls, "quote \" back \\ slash / done", "فارسی ۱۴۰۳", "Русский", "😀 \u{2028} \u{E000}", ""], forKey: .texts)
        let keys = [
            "b", "A", "a", "B", "10", "9", "a10", "a9", "_x", "x_y", "xy", "x-y", "x y", "Z", "z", "é", "e", "ё", "ج", "😀", "\u{E000}", "~", "",
        ]
        try container.encode(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }), forKey: .map)
        try container.encode(["none": [Int](), "one": [1]], forKey: .empty)
        try container.encode([["a": [[String: Int]()]], [:]], forKey: .nested)
        try container.encode(
            [
                Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_000.5), Date(timeIntervalSince1970: -86_401),
                Date(timeIntervalSince1970: 1_790_000_000),
            ],
            forKey: .dates)
        try container.encode(URL(string: "https://example.org/a/b?c=d&e=f")!, forKey: .url)
        try container.encodeNil(forKey: .null)
        try container.encode(1, forKey: .twice)
        try container.encode(2, forKey: .twice)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(true)
        try list.encodeNil()
        var inner = list.nestedContainer(keyedBy: Key.self)
        try inner.encode("inner", forKey: .upper)
        var single = container.superEncoder().singleValueContainer()
        try single.encode("super")
        var parent = container.superEncoder(forKey: .parent).container(keyedBy: Key.self)
        try parent.encode(3, forKey: .digit)
        for key in [Key.persian, .upper, .digits, .digit, .underscore, .accented] { try container.encode(key.rawValue, forKey: key) }
    }
}

/// Every integer width and Float, in objects, arrays and as single values.
private struct Widths: Encodable {
    var i8: Int8 = -8
    var i16: Int16 = -16
    var i32: Int32 = -32
    var i64: Int64 = .min
    var u: UInt = .max
    var u8: UInt8 = 8
    var u16: UInt16 = 16
    var u32: UInt32 = 32
    var u64: UInt64 = .max
    var f: Float = 0.1
    var list: [Int32] = [1, -2]
    var floats: [Float] = [0.5, 1e-3]
    var small: [UInt8] = [0, 255]
}
