import CaravanArticle
import CaravanCheck
import CaravanCore
import CaravanDossier
import Foundation

extension Workspace {
    /// An article read with its partnership's pair for the sides a sentence leaves out: what it
    /// states, ready to be judged or written out as files. With no partnership asked, the one whose
    /// economies the article's own figures name most; the first imported when they name none.
    public func read(_ request: ArticleRequest) async throws -> ArticleJudgement {
        let published = try request.published.map { try Period(parsing: $0).days.lowerBound }
        let reader = ArticleReader()
        var partnership = request.partnership
        // Read twice only when there is a choice to make.
        if partnership == nil, Set(try await store.documents(.dossier).map(\.document.name)).count > 1 {
            partnership = try await named(
                by: reader.read(request.text, format: request.markup, published: published, pair: nil, calendar: request.calendar))
        }
        let dossier = try await dossier(partnership)
        let economies = dossier.partnership.economies
        let pair = economies.count == 2 ? (economies[0], economies[1]) : nil
        let article = reader.read(request.text, format: request.markup, published: published, pair: pair, calendar: request.calendar)
        let about = ArticleCheck.About(
            published: request.published, language: article.language, source: request.source, url: request.url,
            partnership: dossier.partnership.id, format: request.markup.rawValue)
        return ArticleJudgement(article, about: about)
    }

    /// The stored partnership whose economies the article's findings name most, each side named
    /// counting once; nil when none is named, for the default.
    private func named(by article: Article) async throws -> String? {
        let sides = article.findings.flatMap { [$0.reporter, $0.partner].compactMap { $0 } }
        guard !sides.isEmpty else { return nil }
        var best: (id: String, score: Int, batch: Int64)?
        for stored in try await store.documents(.dossier) {
            let economies = Set(try await dossier(stored.document.name).partnership.economies)
            let score = sides.filter(economies.contains).count
            if score > 0, best.map({ score > $0.score || (score == $0.score && stored.batch.id < $0.batch) }) ?? true {
                best = (stored.document.name, score, stored.batch.id)
            }
        }
        return best?.id
    }

    /// Each statement judged by the rules of a dossier claim, the article its own source: its own
    /// figures in the ledger are set aside, and one the text cannot pin down is listed as such.
    public func check(_ judgement: ArticleJudgement, asOf: Date = Date()) async throws -> ArticleCheck {
        let dossier = judgement.dossier(within: try await dossier(judgement.about.partnership))
        return judgement.checked(by: Scorecard(try await scorecardInput(dossier, asOf: asOf)))
    }
}
