/// What a reader writing Persian types into a query, made into the syntax every request takes:
/// Persian and Arabic-Indic digits become ASCII ones, and a Solar Hijri month named in Persian
/// (`فروردین ۱۴۰۳`, `۱۴۰۳ فروردین`) becomes the period it names (`SH1403-01`).
enum PersianInput {
    /// The text with every Persian (۰–۹) and Arabic-Indic (٠–٩) digit written as ASCII.
    static func digits(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x06F0...0x06F9).contains($0.value) || (0x0660...0x0669).contains($0.value) }) else {
            return text
        }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar.value {
                    case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
                    case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
                    default: scalar
                    }
                }))
    }

    private static let months = [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]

    /// A period in the period syntax, where the text names a month in Persian; else the text as it is.
    static func period(_ text: String) -> String {
        let words = digits(text).split(whereSeparator: { $0 == " " || $0 == "\u{200C}" }).map(String.init)
        guard words.count == 2 else { return text }
        let (first, second) = (words[0], words[1])
        let (name, year) = Int(second) != nil ? (first, second) : (second, first)
        guard let index = months.firstIndex(of: name.replacingOccurrences(of: "ي", with: "ی")), let number = Int(year) else { return text }
        return "SH\(number)-" + (index < 9 ? "0" : "") + String(index + 1)
    }
}
