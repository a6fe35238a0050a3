/// A deterministic source of randomness: SplitMix64, so a campaign is reproduced by its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Turns a valid input into a nearly valid one: the byte-level edits of a mutation fuzzer, plus
/// tokens that parsers of CSV, JSON, YAML and periods treat specially.
public struct Mutator: Sendable {
    /// Fragments worth splicing in: separators, quotes, numbers at the edges, calendar syntax.
    static let tokens: [[UInt8]] = [
        ",", "\"", "\"\"", "\n", "\r\n", "\r", "\t", " ", "-", ".", "..", ":", ";", "{", "}", "[", "]", "#", "'", "\\",
        "0", "-1", "1e308", "-1e308", "1e-320", "NaN", "inf", "-0", "99999999999999999999", "4294967296", "9223372036854775808",
        "null", "true", "~", "NA", "TOTAL", "WLD", "SH", "SH1404", "2024", "2024-02-30", "Q5", "-13", "&anchor", "*anchor", "!!binary",
        "- ", "? ", "| ", "> ", "---", "...", "\u{FEFF}", "\u{0}", "é", "\u{202E}", "𝕏", "%00", "../", "'; DROP TABLE observation;--",
        // Numbers at the edges of what readers can show: tiny, huge, denormal, written oddly.
        "0.0000001", "2000000000", "1e20", "1e13", "10000000000001", "4.9e-324", "1.7976931348623157e308", "0x10", "1_000", "+1",
        "Infinity", "-inf", "1e-7", "SH9999", "0000", "1799", "2300",
    ].map { Array($0.utf8) }

    /// Openings that nest a document one level deeper each: JSON arrays and objects, YAML blocks.
    static let nestings: [[UInt8]] = ["[", "{\"k\":", "- ", "{a: ", "[["].map { Array($0.utf8) }

    public let maxLength: Int

    public init(maxLength: Int) { self.maxLength = maxLength }

    /// One to eight edits of `input` (mostly one or two), some splicing in a piece of `other`.
    public func mutate(_ input: [UInt8], splicing other: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        var edits = 1
        while edits < 8 && Int.random(in: 0..<10, using: &random) < 4 { edits += 1 }
        for _ in 0..<edits {
            edit(&bytes, other: other, using: &random)
        }
        return bytes.count > maxLength ? Array(bytes.prefix(maxLength)) : bytes
    }

    private func edit(_ bytes: inout [UInt8], other: [UInt8], using random: inout SplitMix64) {
        // Mostly below the first line: a broken header stops a file before its rows are read.
        let body = (bytes.firstIndex(of: 0x0A) ?? -1) + 1
        let from = body < bytes.count && Int.random(in: 0..<5, using: &random) > 0 ? body : 0
        let position = bytes.isEmpty ? 0 : Int.random(in: from..<bytes.count, using: &random)
        switch Int.random(in: 0..<11, using: &random) {
        case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        case 3 where !bytes.isEmpty:
            bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &random))
        case 5, 6: bytes.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: position)
        case 7 where !other.isEmpty:
            let start = Int.random(in: 0..<other.count, using: &random)
            bytes.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 1...128, using: &random))], at: position)
        case 8 where !bytes.isEmpty: bytes.removeSubrange(position...)
        case 9 where !bytes.isEmpty:
            // A digit changed keeps the structure and moves a value, a code or a date.
            if let digit = bytes[position...].firstIndex(where: { (48...57).contains($0) }) {
                bytes[digit] = UInt8.random(in: 48...57, using: &random)
            }
        case 10:
            // Deep nesting: tens to thousands of openings, closed or not.
            let opening = Self.nestings.randomElement(using: &random)!
            let depth = [10, 70, 1_100, 5_000].randomElement(using: &random)!
            bytes.insert(contentsOf: Array([[UInt8]](repeating: opening, count: depth).joined()), at: position)
        default: bytes.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: position)
        }
    }
}
