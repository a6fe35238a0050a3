import CaravanDossier

/// The dashboard's pages, as they appear in its navigation.
public enum DashboardTab: String, Sendable, CaseIterable {
    case scorecard, trade, corridor, projects, claims

    /// The page's path.
    public var path: String { self == .scorecard ? "/" : "/\(rawValue)" }
    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The frame every dashboard page shares: the partnership's name, the navigation and the style,
/// readable without JavaScript and on a phone.
enum DashboardFrame {
    static func page(_ tab: DashboardTab, partnership: Partnership?, asOf: String, body: String) -> String {
        let keep = partnership.map { "?partnership=\(HTML.escape($0.id))" } ?? ""
        let links = DashboardTab.allCases.map { other in
            "<a href=\"\(other.path)\(keep)\"\(other == tab ? " aria-current=\"page\"" : "")>\(other.title)</a>"
        }
        let title = partnership?.title ?? "Caravan"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(tab.title) — \(HTML.escape(title))</title>
            <style>\(HTMLReport.style)\(style)</style></head>
            <body>
            <header><p class="brand">Caravan · <a href="/api/v1/openapi.json">API</a></p><h1>\(HTML.escape(title))</h1>
            <nav>\(links.joined(separator: " "))</nav>
            <p class="asof">As of \(HTML.escape(asOf)). Every figure names its source; hover or tap a chart mark for its figure and source.</p></header>
            <main id="\(tab.rawValue)">
            \(body)
            </main>
            </body></html>
            """
    }

    /// A page that says what went wrong, in the same frame.
    static func error(status: Int, message: String) -> String {
        page(
            .scorecard, partnership: nil, asOf: "now",
            body: "<h2>\(status)</h2><p class=\"problem\">\(HTML.escape(message))</p><p><a href=\"/\">Back to the scorecard</a></p>")
    }

    private static let style = """
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

extension DashboardPage {
    /// The error page the server shows for a dashboard request it cannot answer.
    public static func error(status: Int, message: String) -> String { DashboardFrame.error(status: status, message: message) }
}

/// The dashboard's pages, rendered from the workspace.
public enum DashboardPage {}
