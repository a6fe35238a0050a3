/// An article's language, told by its script: Cyrillic is Russian, Arabic script Persian, else English.
enum ArticleLanguage {
    /// The language of most of the letters, or `fallback` when there are none (a line of figures).
    static func of(_ scalars: some Collection<Unicode.Scalar>, otherwise fallback: String = "en") -> String {
        var latin = 0
        var cyrillic = 0
        var arabic = 0
        for scalar in scalars where scalar.isLetter {
            switch scalar.value {
            case 0x0400...0x04FF: cyrillic += 1
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        if cyrillic > latin && cyrillic >= arabic { return "ru" }
        if arabic > latin && arabic > cyrillic { return "fa" }
        return latin > 0 ? "en" : fallback
    }
}
