/// The one way a number is read from text, in every file, parameter and option: a plain decimal
/// (`-12`, `3.5`, `.5`, `1e9`, `2.5E-3`), never hexadecimal, `inf`, `nan` or digit groups —
/// the forms `strtod` and `Double(_:)` would also take.
public enum DecimalText {
    /// The value, or nil when the text is not a finite decimal.
    public static func value(_ text: some StringProtocol) -> Double? {
        guard isDecimal(text.utf8) else { return nil }
        return Double(String(text)).flatMap { $0.isFinite ? $0 : nil }
    }

    /// Whether the bytes are `[+-]digits[.digits][(e|E)[+-]digits]`, with digits on at least one
    /// side of the point. Inlinable so each reader gets it specialized to its own bytes: the
    /// generic version costs a witness call a byte, a sixth of a large import's parsing.
    @inlinable
    public static func isDecimal(_ bytes: some Collection<UInt8>) -> Bool {
        var index = bytes.startIndex
        func digits() -> Int {
            var count = 0
            while index < bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                count += 1
                index = bytes.index(after: index)
            }
            return count
        }
        func sign() {
            if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { index = bytes.index(after: index) }
        }
        sign()
        var mantissa = digits()
        if index < bytes.endIndex, bytes[index] == 0x2E {
            index = bytes.index(after: index)
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index = bytes.index(after: index)
            sign()
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }
}
