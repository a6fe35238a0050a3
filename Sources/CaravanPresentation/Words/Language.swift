/// The languages the dashboard and the report are written in. The CLI's own answers stay English.
public enum Language: String, Sendable, CaseIterable {
    case en, fa, ru

    /// Which way the language's text runs, for `<html dir>`.
    public var direction: String { self == .fa ? "rtl" : "ltr" }

    /// The language's own name, as the switcher shows it.
    public var endonym: String {
        switch self {
        case .en: "English"
        case .fa: "فارسی"
        case .ru: "Русский"
        }
    }

    /// The language a request asks for: `?lang=` when it names one of ours, else the first of
    /// the browser's `Accept-Language` we write (by its weights), else English.
    public static func negotiate(query: String?, acceptLanguage: String?) -> Language {
        if let query, let chosen = Language(rawValue: query.lowercased()) { return chosen }
        guard let acceptLanguage else { return .en }
        let ranked = acceptLanguage.split(separator: ",").enumerated().compactMap { index, item -> (Language, Double, Int)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), let language = Language(rawValue: String(tag.prefix { $0 != "-" && $0 != "_" })) else {
                return nil
            }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return weight > 0 ? (language, weight, index) : nil
        }
        return ranked.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.first?.0 ?? .en
    }
}
