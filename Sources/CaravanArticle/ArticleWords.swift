import CaravanCore
import CaravanData
import Foundation

/// The words articles are read by, per language: the bundled word files (`Data/article/*.txt`) and the
/// CLDR country names (`Data/reference/country-names.csv`). A language is added by adding its file.
public struct ArticleWords: Sendable {
    /// The languages read, in the columns of the country names.
    public static let languages = ["en", "fa", "ru"]

    private let lexicons: [String: Lexicon]

    /// Word files by language, and the country names CSV (`iso3,en,fa,ru`).
    public init(wordFiles: [String: String], countryNamesCSV: String) {
        var lexicons = wordFiles.mapValues { Lexicon(wordFile: $0) }
        for line in countryNamesCSV.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = CSVLine.fields(String(line))
            guard fields.count == 1 + Self.languages.count else { continue }
            for (column, language) in Self.languages.enumerated() where !fields[column + 1].isEmpty {
                lexicons[language]?.add(key: "country." + fields[0], phrase: fields[column + 1])
            }
        }
        self.lexicons = lexicons
    }

    /// The words Caravan ships with.
    public static let bundled = ArticleWords(
        wordFiles: Dictionary(uniqueKeysWithValues: languages.map { ($0, BundledData.articleWords($0)) }),
        countryNamesCSV: BundledData.countryNamesCSV)

    /// The lexicon of `language`, or English's when there is none for it.
    func lexicon(_ language: String) -> Lexicon {
        lexicons[language] ?? lexicons["en"] ?? Lexicon(wordFile: "")
    }
}
