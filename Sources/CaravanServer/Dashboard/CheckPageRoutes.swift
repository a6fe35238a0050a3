import CaravanPresentation
import CaravanService
import Foundation
import Hummingbird
import NIOCore

/// The check page: `GET /check` shows the form, `POST /check` checks the article the form sends
/// and answers with the same page. A post is read, never stored, so it is open where pages are
/// (`AccessControl` lets it through as a page read); its answer is never kept.
struct CheckPageRoutes: Sendable {
    let workspace: Workspace
    /// The server's limit on a body; the form's is also at most `ArticleRequest.longest`.
    let maxUploadBytes: Int

    /// The paths a page posts a form to: reads, for access control.
    static let posts: Set<String> = ["/check"]

    func add(to router: Router<CaravanContext>) {
        let (workspace, maxUploadBytes) = (self.workspace, self.maxUploadBytes)
        router.post("/check") { request, context in
            let page = PageRequest(request)
            let limit = min(context.maxUploadSize, maxUploadBytes, ArticleRequest.longest)
            let (form, problem, status) = try await Self.read(request, limit: limit)
            let data = try await workspace.checkPage(form, sent: true, problem: problem)
            let html = Dashboard(request: page).check(data)
            var answer = Answer.html(html, status: data.problem == nil ? .ok : status)
            answer.headers[.cacheControl] = "no-store"
            return answer.response
        }
    }

    /// The form as sent, or why it cannot be read and the status that says so: 413 for a body over
    /// the limit, 400 for one that is not UTF-8 (and for a field the parser refuses, later).
    static func read(_ request: Request, limit: Int) async throws -> (CheckForm, String?, HTTPResponse.Status) {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            return (CheckForm(), "the form is over \(limit) bytes; at most \(limit) are read", .contentTooLarge)
        }
        let fields: FormBody
        do {
            fields = try FormBody(body.readableBytesView)
        } catch {
            return (CheckForm(), "'\(error.field)': not UTF-8; send the form as UTF-8", .badRequest)
        }
        // A textarea sends its line breaks as CRLF: the article is read with the LF it was pasted with.
        let article = fields["article"].replacingOccurrences(of: "\r\n", with: "\n")
        let form = CheckForm(
            article: article, published: fields["published"], source: fields["source"], url: fields["url"], partnership: fields["partnership"],
            markup: fields["markup"])
        return (form, nil, .badRequest)
    }
}
