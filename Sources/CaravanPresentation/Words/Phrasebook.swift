import CaravanCore
import CaravanData
import Foundation

/// One language's phrases, read from `Data/words/<language>.txt`: a line is `key = text`, `#`
/// starts a comment, `{name}` marks where a value goes. Translators edit those files; nothing is
/// translated at run time.
struct Phrasebook: Sendable {
    let phrases: [String: String]

    /// A phrase the book lacks, shown so a page test finds it: `⟦status.met⟧`.
    static func missing(_ key: String) -> String { "⟦\(key)⟧" }

    init(parsing text: String) {
        var phrases: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if !key.isEmpty { phrases[key] = value }
        }
        self.phrases = phrases
    }

    private static let english = Phrasebook(parsing: BundledData.words("en"))
    private static let persian = Phrasebook(parsing: BundledData.words("fa"))
    private static let russian = Phrasebook(parsing: BundledData.words("ru"))

    /// A language's book, read the first time a page is written in it.
    static func book(_ language: Language) -> Phrasebook {
        switch language {
        case .en: english
        case .fa: persian
        case .ru: russian
        }
    }

    /// The phrase with its `{name}` slots filled; a missing phrase is marked, never silently English.
    func phrase(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let text = phrases[key] else { return Self.missing(key) }
        return Phrase.fill(text) { values[String($0)] }
    }
}
