import CaravanCheck
import CaravanDossier
import Foundation

/// The check page's form as sent, each field as typed: what the page shows back in its fields.
public struct CheckForm: Sendable, Equatable {
    public var article, published, source, url, partnership, markup: String

    public init(article: String = "", published: String = "", source: String = "", url: String = "", partnership: String = "", markup: String = "") {
        (self.article, self.published, self.source, self.url, self.partnership, self.markup) = (article, published, source, url, partnership, markup)
    }

    /// The article's own fields, for the one parser every entry point shares.
    var asked: ArticleRequest.Asked {
        ArticleRequest.Asked(partnership: partnership, published: published, source: source, url: url, markup: markup, asOf: nil)
    }
}

/// What the check page shows: a form to paste an article into, the stored partnerships to read it
/// with, and once one is sent, the article checked, or why it cannot be.
public struct CheckPageData: Sendable {
    /// The partnership the page is of: the one asked, else the dossier first imported.
    public var partnership: Partnership
    /// Every stored partnership, in the order of their ids, for the form's choice.
    public var partnerships: [Partnership]
    public var form: CheckForm
    /// The article checked; nil when none was sent, or when it could not be read.
    public var check: ArticleCheck?
    /// Why what was sent cannot be checked, naming the field at fault: the page says it above the form, refilled.
    public var problem: String?

    public init(partnership: Partnership, partnerships: [Partnership], form: CheckForm, check: ArticleCheck? = nil, problem: String? = nil) {
        (self.partnership, self.partnerships, self.form, self.check, self.problem) = (partnership, partnerships, form, check, problem)
    }
}

extension Workspace {
    /// The check page's data. With `sent`, the article is read by the shared parser and checked
    /// (nothing is stored); a field that cannot stand, or a partnership the store lacks, becomes
    /// the page's `problem` with the form given back, as does a `problem` the server met reading
    /// the form. Without, an unknown partnership fails the page as on every other.
    public func checkPage(_ form: CheckForm, sent: Bool, problem: String? = nil, asOf: Date = Date()) async throws -> CheckPageData {
        var partnerships: [Partnership] = []
        for id in Set(try await store.documents(.dossier).map(\.document.name)).sorted() {
            partnerships.append(try await dossier(id).partnership)
        }
        let reader = RequestReader(.page, workspace: self)
        let asked = reader.text(form.partnership)
        var page = CheckPageData(
            partnership: try await dossier(sent ? nil : asked).partnership, partnerships: partnerships, form: form, problem: problem)
        guard sent, problem == nil else { return page }
        if let asked {
            guard let chosen = partnerships.first(where: { $0.id == asked }) else {
                let unknown = DossierError.unknown(asked, known: partnerships.map(\.id))
                page.problem = reader.refuse("partnership", unknown.description).description
                return page
            }
            page.partnership = chosen
        }
        do {
            let request = try reader.article(form.asked, text: form.article)
            page.check = try await check(try await read(request), asOf: asOf)
        } catch let error as RequestError {
            page.problem = error.description
        }
        return page
    }
}
