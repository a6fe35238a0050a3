import CaravanCore
import CaravanData
import CaravanDossier
import CaravanService
import Foundation

/// The dashboard's pages, as they appear in its navigation.
public enum DashboardTab: String, Sendable, CaseIterable {
    case scorecard, trade, corridor, projects, claims, scenario, changes, partnerships, check

    /// The page's path.
    public var path: String { self == .scorecard ? "/" : "/\(rawValue)" }
}

/// What a page was asked: its path and query (the language apart), and the language to answer in.
public struct PageRequest: Sendable {
    public let path: String
    public let query: [(name: String, value: String)]
    public let words: Words

    public init(path: String, query: [(name: String, value: String)], language: Language) {
        self.path = path
        self.query = query.filter { $0.name != "lang" }
        words = Words(language)
    }

    /// An address on the dashboard that keeps the reader's language.
    func href(_ path: String, _ query: [(String, String)] = [], language: Language? = nil) -> String {
        let items = query + [("lang", (language ?? words.language).rawValue)]
        return path + "?" + items.map { "\($0)=\(DashboardFrame.percentEncoded($1))" }.joined(separator: "&")
    }
}

/// The frame every dashboard page shares: the partnership's name, the navigation, the language
/// switcher and the style, readable without JavaScript and on a phone, right to left in Persian.
enum DashboardFrame {
    static func page(_ tab: DashboardTab, partnership: Partnership?, asOf: Period?, body: HTML, request: PageRequest) -> HTML {
        let words = request.words
        let keep = partnership.map { [("partnership", $0.id)] } ?? []
        let links = DashboardTab.allCases.map { other -> HTML in
            let current: HTML = other == tab ? " aria-current=\"page\"" : ""
            return "<a href=\"\(request.href(other.path, keep))\"\(current)>\(words("tab.\(other.rawValue)"))</a> "
        }
        let switcher = Language.allCases.map { language -> HTML in
            let current: HTML = language == words.language ? " aria-current=\"true\"" : ""
            let here = request.href(request.path, request.query.map { ($0.name, $0.value) }, language: language)
            return "<a href=\"\(here)\" hreflang=\"\(language.rawValue)\" lang=\"\(language.rawValue)\"\(current)>\(language.endonym)</a>"
        }
        let title = partnership.map(words.title) ?? "Caravan"
        let asOfText: HTML = asOf.map { "\(words("frame.as-of", ["date": words.period($0)])) " } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(words.language.rawValue)" dir="\(words.language.direction)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(words("tab.\(tab.rawValue)")) — \(title)</title>
            <style>\(HTMLReport.style)\(style)\(ArticleReport.style)</style></head>
            <body>
            <header><div class="top"><p class="brand">Caravan · <a href="/api/v1/openapi.json">API</a></p><p class="languages">\(switcher)</p></div>
            <h1>\(title)</h1>
            <nav>\(links)</nav>
            <p class="asof">\(asOfText)\(words("frame.every-figure"))</p></header>
            <main id="\(tab.rawValue)">
            \(body)
            </main>
            </body></html>
            """
    }

    /// A page that says what went wrong, in the same frame.
    static func error(status: Int, message: String, request: PageRequest) -> HTML {
        let words = request.words
        let said: HTML = words.language == .en ? "\(message)" : "<span lang=\"en\" dir=\"ltr\">\(message)</span>"
        return page(
            .scorecard, partnership: nil, asOf: nil,
            body: """
                <h2>\(words.integer(status))</h2><p class="problem">\(words("error.cannot-answer")) \(said)</p>\
                <p><a href="\(request.href("/"))">\(words("error.back"))</a></p>
                """, request: request)
    }

    /// A value for a URL's query: everything but letters, digits and `-._~` percent-encoded.
    static func percentEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? ""
    }

    /// What the pages add to the report's stylesheet (`Data/styles/dashboard.css`), read once.
    private static let style = HTML(trusted: BundledData.style("dashboard"))
}

/// The dashboard's error page, for a request the server cannot answer.
public enum DashboardPage {
    public static func error(status: Int, message: String, request: PageRequest) -> HTML {
        DashboardFrame.error(status: status, message: message, request: request)
    }
}

extension CharacterSet {
    /// What a query value may hold unencoded.
    static let urlQueryValueAllowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
