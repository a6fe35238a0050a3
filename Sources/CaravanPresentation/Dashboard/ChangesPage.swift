import CaravanCore
import CaravanDossier
import CaravanService
import CaravanStore
import Foundation

extension Dashboard {
    /// What changed in the partnership's scorecard, newest first, each change with what caused
    /// it; the partnership's Atom feed; and the sources its scorecard cites.
    public func changes(_ page: ChangesPageData) -> HTML {
        let scorecard = page.scorecard
        let id = scorecard.partnership.id
        let rows = page.changes.map { change -> [HTML] in
            let from: HTML = change.from.map(words.badge) ?? "—"
            let to: HTML = change.to.map(words.badge) ?? "—"
            let cause: HTML =
                if let batch = change.cause {
                    "\(words("change.import", ["batch": words.integer(Int(batch.id)), "file": batch.file, "vintage": day(batch.recordedAt)]))"
                } else {
                    "\(words("change.judged-again"))"
                }
            return [
                "\(day(change.at))", "\(words("kind.\(change.subject.kind.rawValue)")) \(name(of: change.subject, in: scorecard))", from, to, cause,
            ]
        }
        let table =
            rows.isEmpty
            ? "<p>\(words("changes.none"))</p>"
            : HTML.table(["at", "subject", "from", "to", "cause"].map { words("column.\($0)") }, rows, id: "changes", lead: [0])
        let body: HTML = """
            <h2>\(words("tab.changes"))</h2><p>\(words("changes.intro"))</p>
            <p><a href="/feed/\(DashboardFrame.percentEncoded(id)).atom" type="application/atom+xml">\(words("changes.feed", ["partnership": id]))</a></p>
            \(table)
            \(HTMLReport(.only(scorecard), words: words).sources)
            """
        return DashboardFrame.page(.changes, partnership: scorecard.partnership, asOf: scorecard.asOf, body: body, request: request)
    }

    /// What changed, by its name: a test's, a target's title, a claim's quote; the id of one the dossier no longer holds.
    private func name(of subject: Judged, in scorecard: Scorecard) -> HTML {
        switch subject.kind {
        case .test: return "\(words("test.\(subject.id)"))"
        case .target:
            return scorecard.allTargets.first { $0.id == subject.id }.map { "\(words.say($0.name))" } ?? "<code>\(subject.id)</code>"
        case .claim:
            guard let quote = scorecard.claims.first(where: { $0.id == subject.id })?.quote else { return "<code>\(subject.id)</code>" }
            return "<q>\(quote.count > 90 ? String(quote.prefix(88)) + "…" : quote)</q>"
        }
    }

    private func day(_ date: Date) -> String { words.date(String(Timestamp.text(date).prefix(10))) }
}
