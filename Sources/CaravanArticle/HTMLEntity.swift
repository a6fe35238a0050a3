/// HTML character references: the named ones articles use, and numeric ones in decimal or hex.
enum HTMLEntity {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "laquo": "«", "raquo": "»", "hellip": "…", "zwnj": "\u{200C}",
        "euro": "€", "dollar": "$", "percnt": "%", "thinsp": "\u{2009}",
    ]

    /// The text a reference at `start` stands for and how many scalars it takes, or nil when it is none.
    static func decode(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        // References are short; a longer run is an ampersand in the text.
        let limit = min(scalars.count, start + 12)
        guard let semicolon = scalars[start..<limit].firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<semicolon]))
        let length = semicolon - start + 1
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { (String($0), length) }
        }
        if body.hasPrefix("#") {
            return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { (String($0), length) }
        }
        return named[body].map { ($0, length) }
    }
}
