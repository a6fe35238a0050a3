import Foundation

/// Numbers as tables show them. Total over every double: a figure too large for digits is
/// written in scientific notation, one that is not finite as `n/a`, and none traps.
public enum NumberText {
    /// Beyond this, digits would be past a double's precision: scientific notation instead.
    private static let largestExact = 1e15

    /// A whole number with thousands separators: 340,000,000.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return notFinite(value) }
        let rounded = value.rounded()
        guard rounded.magnitude < largestExact else { return scientific(value) }
        let digits = String(Int64(rounded.magnitude))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (rounded < 0 ? "-" : "") + grouped
    }

    /// An amount in US dollars for people, scaled: `$340M` is 340 under `money.m` (`${n}M` in
    /// English); the sign goes in front of whatever the language writes.
    public static func moneyScale(_ usd: Double) -> (sign: String, scaled: Double, key: String, english: String, decimals: Int) {
        let size = usd.magnitude
        let sign = usd < 0 && size >= 0.5 ? "−" : ""
        if size >= 1e9 { return (sign, size / 1e9, "money.bn", "${n}bn", 1) }
        if size >= 1e6 { return (sign, size / 1e6, "money.m", "${n}M", size >= 1e8 ? 0 : 1) }
        if size >= 1e4 { return (sign, size / 1e3, "money.k", "${n}k", 0) }
        return (sign, size, "money.usd", "${n}", 0)
    }

    /// `$340M`, `−$5.9M`, `$1.2bn` in English.
    public static func money(_ usd: Double) -> String {
        guard usd.isFinite else { return grouped(usd) }
        let scale = moneyScale(usd)
        return scale.sign + scale.english.replacingOccurrences(of: "{n}", with: fixed(scale.scaled, decimals: scale.decimals))
    }

    /// Million tonnes, a decimal only where it says something: `1.6`, `15`.
    public static func megatonnes(_ mt: Double) -> String {
        fixed(mt, decimals: mt.magnitude < 10 && mt != mt.rounded() ? 1 : 0)
    }

    /// A whole number with its sign and separators: +12,010,000, -5,890,000.
    public static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + grouped(value)
    }

    /// A number with a fixed count of decimals (0 to 6): 12.3.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return notFinite(value) }
        let decimals = min(max(decimals, 0), 6)
        let scale = (0..<decimals).reduce(1.0) { result, _ in result * 10 }
        let scaled = (value * scale).rounded()
        guard scaled.magnitude < largestExact else { return scientific(value) }
        let whole = Int64(scaled.magnitude) / Int64(scale)
        let fraction = Int64(scaled.magnitude) % Int64(scale)
        let sign = scaled < 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
    }

    /// A signed percentage: +12.3%.
    public static func percent(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + fixed(value, decimals: 1) + "%"
    }

    /// A number in as few characters as say it exactly enough for a message: 10,000, 0.5, 1.00e+308.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return notFinite(value) }
        if value == value.rounded() { return grouped(value) }
        guard value.magnitude >= 1e-4 else { return scientific(value) }
        var text = fixed(value, decimals: 6)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// `2.0e+16`: three significant digits and the power of ten.
    private static func scientific(_ value: Double) -> String { String(format: "%.2e", value) }

    private static func notFinite(_ value: Double) -> String { value.isNaN ? "n/a" : value < 0 ? "-∞" : "∞" }
}
