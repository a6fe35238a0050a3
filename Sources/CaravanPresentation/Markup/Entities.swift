/// The five characters that mean something in HTML and in XML alike, and the entities both read
/// for them (`&#39;` for the apostrophe: XML's `&apos;` is not HTML 4's).
enum Entities {
    /// `text` with those five characters replaced, scalar by scalar — a quote followed by a
    /// combining mark is one `Character`, which a comparison of characters lets through to end an
    /// attribute — and the scalars `keeps` refuses left out.
    static func escape(_ text: String, keeping keeps: (Unicode.Scalar) -> Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: if keeps(scalar) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}
