import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

/// The dashboard's pages, as they appear in its navigation.
public enum DashboardTab: String, Sendable, CaseIterable {
    case scorecard, trade, corridor, projects, claims, scenario, changes, partnerships

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
        let title = partnership?.title ?? "Caravan"
        let asOfText: HTML = asOf.map { "\(words("frame.as-of", ["date": words.period($0)])) " } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(words.language.rawValue)" dir="\(words.language.direction)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(words("tab.\(tab.rawValue)")) — \(title)</title>
            <style>\(HTMLReport.style)\(style)</style></head>
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

    private static let style: HTML = """
        .top{display:flex;justify-content:space-between;gap:.5rem;flex-wrap:wrap}.brand,.languages{margin:0;color:#667;font-size:.85rem}
        .languages a{margin-inline-start:.6rem}.languages a[aria-current]{font-weight:700;color:#1d2330;text-decoration:none}
        nav{display:flex;flex-wrap:wrap;gap:.3rem;margin:.6rem 0}
        nav a{padding:.35rem .7rem;border:1px solid #ccd;border-radius:6px;text-decoration:none;color:#1d2330}
        nav a[aria-current=page]{background:#1d2330;color:white;border-color:#1d2330}.asof{color:#556;font-size:.85rem}
        form.query{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.8rem 0}
        form.query label{display:flex;flex-direction:column;font-size:.8rem;color:#445}
        form.query input,form.query select,form.query button{font-size:1rem;padding:.3rem .4rem;max-width:100%}
        .problem{color:#b3261e}.note{color:#556;font-size:.85rem}svg.map{max-width:900px}
        .map .land{fill:#f4f1e8;stroke:#9c9384;stroke-width:.8}.map .node{fill:#1d2330;stroke:white;stroke-width:1}
        .map .name{fill:#1d2330;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px}.map .country{fill:#8a8170;font-style:italic}
        .map .link{fill:none;stroke-linecap:round}.map .route{stroke:#d62728;stroke-width:5;opacity:.55;fill:none}
        svg .place{fill:#333}
        @media (max-width:600px){h1{font-size:1.25rem}form.query label{flex:1 1 45%}form.query select{max-width:100%}}
        """
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
