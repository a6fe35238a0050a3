import CaravanDossier
import CaravanService
import Foundation

/// The dashboard's pages, as they appear in its navigation.
public enum DashboardTab: String, Sendable, CaseIterable {
    case scorecard, trade, corridor, projects, claims, partnerships

    /// The page's path.
    public var path: String { self == .scorecard ? "/" : "/\(rawValue)" }
    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The frame every dashboard page shares: the partnership's name, the navigation and the style,
/// readable without JavaScript and on a phone.
enum DashboardFrame {
    static func page(_ tab: DashboardTab, partnership: Partnership?, asOf: String, body: HTML) -> HTML {
        let keep = partnership.map { "?partnership=\(percentEncoded($0.id))" } ?? ""
        let links = DashboardTab.allCases.map { other -> HTML in
            let current: HTML = other == tab ? " aria-current=\"page\"" : ""
            return "<a href=\"\(other.path + keep)\"\(current)>\(other.title)</a> "
        }
        let title = partnership?.title ?? "Caravan"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(tab.title) — \(title)</title>
            <style>\(HTMLReport.style)\(style)</style></head>
            <body>
            <header><p class="brand">Caravan · <a href="/api/v1/openapi.json">API</a></p><h1>\(title)</h1>
            <nav>\(links)</nav>
            <p class="asof">As of \(asOf). Every figure names its source; hover or tap a chart mark for its figure and source.</p></header>
            <main id="\(tab.rawValue)">
            \(body)
            </main>
            </body></html>
            """
    }

    /// A page that says what went wrong, in the same frame.
    static func error(status: Int, message: String) -> HTML {
        page(
            .scorecard, partnership: nil, asOf: "now",
            body: "<h2>\(status)</h2><p class=\"problem\">\(message)</p><p><a href=\"/\">Back to the scorecard</a></p>")
    }

    /// A value for a URL's query: everything but letters, digits and `-._~` percent-encoded.
    static func percentEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? ""
    }

    private static let style: HTML = """
        .brand{margin:0;color:#667;font-size:.85rem}nav{display:flex;flex-wrap:wrap;gap:.3rem;margin:.6rem 0}
        nav a{padding:.35rem .7rem;border:1px solid #ccd;border-radius:6px;text-decoration:none;color:#1d2330}
        nav a[aria-current=page]{background:#1d2330;color:white;border-color:#1d2330}.asof{color:#556;font-size:.85rem}
        form.query{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.8rem 0}
        form.query label{display:flex;flex-direction:column;font-size:.8rem;color:#445}
        form.query input,form.query select,form.query button{font-size:1rem;padding:.3rem .4rem}
        .problem{color:#b3261e}.note{color:#556;font-size:.85rem}svg.map{width:100%;height:auto;max-width:900px;display:block}
        .map .node{fill:#1d2330}.map .name{font-size:10px;fill:#333}.map .link{fill:none;stroke-linecap:round}
        .map .route{stroke:#d62728;stroke-width:5;opacity:.55;fill:none}
        @media (max-width:600px){h1{font-size:1.25rem}form.query label{flex:1 1 45%}td,th{min-width:5.5rem}}
        """
}

/// The dashboard's error page, for a request the server cannot answer.
public enum DashboardPage {
    public static func error(status: Int, message: String) -> HTML { DashboardFrame.error(status: status, message: message) }
}

extension CharacterSet {
    /// What a query value may hold unencoded.
    static let urlQueryValueAllowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
