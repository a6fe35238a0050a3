import CaravanCheck
import CaravanCore
import CaravanData
import CaravanDossier
import Foundation

/// An article checked, as one self-contained HTML page a fact-checker can keep or send: the
/// summary, the article with each statement's sentence marked and every statement with its
/// verdict, why and its sources — the check page's parts, with no form and nothing fetched.
public struct ArticleReport: Sendable {
    let check: ArticleCheck
    let partnership: Partnership
    let words: Words
    let generated: Date

    public init(_ check: ArticleCheck, partnership: Partnership, words: Words = .english, generated: Date = Date()) {
        (self.check, self.partnership, self.words, self.generated) = (check, partnership, words, generated)
    }

    public var html: HTML {
        let marks = CheckVerdictMarks(words: words)
        let title = check.article.source ?? check.article.url ?? words("tab.check")
        let statements: HTML =
            check.found.isEmpty
            ? .empty
            : """
            <h2>\(words("check.text"))</h2>\(MarkedArticle(check: check, marks: marks).html)
            <h2>\(words("check.statements"))</h2>\(CheckStatements(check: check, marks: marks).html)
            """
        return """
            <!DOCTYPE html>
            <html lang="\(words.language.rawValue)" dir="\(words.language.direction)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(words("tab.check")) — \(title)</title>
            <style>\(HTMLReport.style)\(Self.style)</style></head>
            <body>
            <header><h1>\(words("tab.check")): \(title)</h1>
            <p>\(words("report.made-check", ["generated": Timestamp.text(generated)])) \(words("report.every-figure"))</p></header>
            \(CheckSummary(check: check, partnership: partnership, marks: marks).html)
            \(statements)
            </body></html>
            """
    }

    /// The marks, flags and statements (`Data/styles/check.css`), read once; the check page uses them too.
    static let style = HTML(trusted: BundledData.style("check"))
}
