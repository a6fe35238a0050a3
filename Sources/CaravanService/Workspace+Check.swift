import CaravanArticle
import CaravanCheck
import CaravanCore
import CaravanDossier
import Foundation

extension Workspace {
    /// An article read with its partnership's pair for the sides a sentence leaves out: what it
    /// states, ready to be judged or written out as files.
    public func read(_ request: ArticleRequest) async throws -> ArticleJudgement {
        let dossier = try await dossier(request.partnership)
        let economies = dossier.partnership.economies
        let pair = economies.count == 2 ? (economies[0], economies[1]) : nil
        let published = try request.published.map { try Period(parsing: $0).days.lowerBound }
        let article = ArticleReader().read(request.text, format: request.markup, published: published, pair: pair)
        let about = ArticleCheck.About(
            published: request.published, language: article.language, source: request.source, url: request.url,
            partnership: dossier.partnership.id, format: request.markup.rawValue)
        return ArticleJudgement(article, about: about)
    }

    /// Each statement judged by the rules of a dossier claim, the article its own source: its own
    /// figures in the ledger are set aside, and one the text cannot pin down is listed as such.
    public func check(_ judgement: ArticleJudgement, asOf: Date = Date()) async throws -> ArticleCheck {
        let dossier = judgement.dossier(within: try await dossier(judgement.about.partnership))
        return judgement.checked(by: Scorecard(try await scorecardInput(dossier, asOf: asOf)))
    }
}
