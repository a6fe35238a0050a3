import CaravanCheck
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// Check an article: the form, and once an article is sent, a summary, the article with each
    /// statement's sentence marked and the statements listed with their verdicts; or why it cannot
    /// be checked, above the form given back as it was sent.
    public func check(_ page: CheckPageData) -> HTML {
        var body: HTML = "<h2>\(words("tab.check"))</h2>"
        if let problem = page.problem {
            body += "<p class=\"problem\" id=\"check-problem\" role=\"alert\">\(words("check.cannot")) \(words.english(problem))</p>"
        }
        if let check = page.check {
            let marks = CheckVerdictMarks(words: words)
            body += CheckSummary(check: check, partnership: page.partnership, marks: marks).html
            if !check.found.isEmpty {
                body += "<h3>\(words("check.text"))</h3>\(MarkedArticle(check: check, marks: marks).html)"
                body += "<h3>\(words("check.statements"))</h3>\(CheckStatements(check: check, marks: marks).html)"
            }
        }
        body += ArticleForm(page: page, action: request.href("/check"), words: words).html
        return DashboardFrame.page(.check, partnership: page.partnership, asOf: nil, body: body, request: request)
    }
}

/// The form an article is pasted into: a plain POST, so it works without JavaScript, the page's language in its address.
struct ArticleForm {
    let page: CheckPageData
    let action: String
    let words: Words

    var html: HTML {
        let form = page.form
        let chosen = page.partnership.id
        let partnerships = page.partnerships.map { partnership -> HTML in
            "<option value=\"\(partnership.id)\"\(partnership.id == chosen ? " selected" : "")>\(words.title(partnership))</option>"
        }
        let markups = ["", "text", "markdown", "html"].map { markup -> HTML in
            let name = words("markup.\(markup.isEmpty ? "auto" : markup)")
            return "<option value=\"\(markup)\"\(markup == form.markup ? " selected" : "")>\(name)</option>"
        }
        // A textarea drops one line break just after its start tag: one is written there, so the article's own is kept.
        return """
            <p>\(words("check.intro"))</p>
            <form class="query check-form" method="post" action="\(action)" id="check-form" accept-charset="utf-8">
            <label class="wide">\(words("form.article"))<textarea name="article" id="check-article" rows="12" dir="auto" required>
            \(form.article)</textarea></label>
            <label>\(words("form.published"))<input name="published" value="\(form.published)" size="10" dir="ltr" placeholder="2025-12-11"></label>
            <label>\(words("form.source"))<input name="source" value="\(form.source)" size="18" dir="auto"></label>
            <label>\(words("form.url"))<input name="url" value="\(form.url)" size="24" dir="ltr" type="url"></label>
            <label>\(words("form.partnership"))<select name="partnership">\(partnerships)</select></label>
            <label>\(words("form.markup"))<select name="markup">\(markups)</select></label>
            <button type="submit">\(words("form.check"))</button></form>
            """
    }
}

/// How many statements were found and how many of each verdict, and what the article was read as.
struct CheckSummary {
    let check: ArticleCheck
    let partnership: Partnership
    let marks: CheckVerdictMarks

    var html: HTML {
        let words = marks.words
        let about = check.article
        let counts = CheckVerdict.allCases.compactMap { verdict -> HTML? in
            let count = check.found.filter { $0.verdict == verdict }.count
            return count == 0
                ? nil
                : "<span class=\"flag v-\(verdict.rawValue)\">\(marks.symbol(verdict)) \(words.integer(count)) \(words.status(verdict.rawValue))</span>"
        }
        let said = check.found.isEmpty ? words("check.none") : words("check.summary", ["count": words.integer(check.found.count)])
        var source: [HTML] = []
        if let name = about.source ?? about.url { source.append(HTML.link(name, about.url)) }
        if let published = about.published { source.append("\(words("check.published", ["date": words.date(published)]))") }
        let language = words("article-language.\(about.language)")
        let read = words("check.read-as", ["language": language, "partnership": words.title(partnership)])
        return """
            <p id="check-summary"><strong>\(said)</strong> \(counts.joined(separator: " "))</p>
            <p class="note" id="check-about">\(source.joined(separator: ", "))\(source.isEmpty ? "" : " · ")\(read)</p>
            """
    }
}

/// A verdict's colour class, symbol and words: colour is never the only cue.
struct CheckVerdictMarks {
    let words: Words

    func symbol(_ verdict: CheckVerdict) -> String {
        switch verdict {
        case .consistent, .met: "✓"
        case .inconsistent, .offTrack: "✗"
        case .contested: "≠"
        case .onTrack: "↗"
        case .atRisk: "!"
        case .unverifiable: "?"
        case .noData: "–"
        case .unpinned: "○"
        }
    }

    /// A statement's flag: its symbol, its number and its verdict in words.
    func flag(_ statement: CheckedStatement, number: Int, id: String?, href: String) -> HTML {
        let verdict = statement.verdict
        let identity: HTML = id.map { " id=\"\($0)\"" } ?? ""
        return """
            <a class="flag v-\(verdict.rawValue)"\(identity) href="\(href)" lang="\(words.language.rawValue)" dir="\(words.language.direction)">\
            \(symbol(verdict)) \(words.integer(number)) \(words.status(verdict.rawValue))</a>
            """
    }
}
