import CaravanCheck
import CaravanPresentation
import CaravanService
import Foundation
import Hummingbird
import NIOCore

/// An article checked: what `caravan check` answers, and its figures stored as a source of the ledger.
enum CheckEndpoints {
    static let all = [
        Endpoint(
            method: .post, path: "/api/v1/check", operationID: "checkArticle", tag: "check",
            summary:
                "Check an article, sent as the body: every figure, target, growth and count it states, with its quote and span, judged by the rules of a dossier claim (the article its own source). Nothing is stored; no token is needed where reads are open.",
            parameters: Parameter.query(.check), body: .article, answer: "ArticleCheck",
            refusals: [
                400: "A parameter is wrong, or the body is empty or not UTF-8.", 404: "No dossier, or none for that partnership, is stored.",
                413: "The article is over 10 MB or the server's limit.",
            ],
            readsBody: true
        ) { call in
            let request = try call.reader.article(text: try await article(call))
            let judgement = try await call.workspace.read(request)
            return try Answer.json(try await call.workspace.check(judgement, asOf: request.asOf))
        },
        Endpoint(
            method: .post, path: "/api/v1/check/figures", operationID: "storeArticleFigures", tag: "check",
            summary:
                "Store the figures an article pins down (pair, period and amount) as a source of the ledger: the figures CSV `caravan check --emit figures` writes, imported. Needs the article's source.",
            parameters: Parameter.query(.check), body: .article, answer: "ImportAnswer",
            refusals: [
                201: "The figures were stored as a new batch.",
                400: "A parameter is wrong, the source is missing, or the body is empty or not UTF-8.",
                401: "No token, or an unknown one.", 403: "The token was revoked.", 404: "No dossier, or none for that partnership, is stored.",
                413: "The article is over 10 MB or the server's limit.", 422: "The article pins down no figure to store.",
            ]
        ) { call in
            let judgement = try await call.workspace.read(try call.reader.article(text: try await article(call)))
            guard let csv = ArticleFiles.figures(judgement) else {
                throw APIError.badRequest("source_required", "'source': every figure stored needs one; the page names none")
            }
            guard csv.split(separator: "\n").count > 1 else {
                throw APIError(
                    status: .unprocessableContent, code: "no_figures",
                    message: "the article pins down no figure: none has a pair, a period and an amount")
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("caravan-article-\(UUID().uuidString).csv").path
            guard FileManager.default.createFile(atPath: file, contents: Data(csv.utf8)) else {
                throw APIError(status: .internalServerError, code: "internal", message: "cannot keep the article's figures")
            }
            defer { try? FileManager.default.removeItem(atPath: file) }
            let name = "api/check/\(judgement.about.published ?? "undated")-\(UUID().uuidString.prefix(8)).csv"
            let answer = ImportAnswer(try await call.workspace.importFile(file, as: name, format: .figures))
            return try Answer.json(answer, status: answer.stored ? .created : .ok)
        },
    ]

    /// The body as the article's text: UTF-8, within 10 MB and the server's limit.
    private static func article(_ call: Call) async throws -> String {
        let limit = min(call.context.maxUploadSize, call.settings.maxUploadBytes, ArticleRequest.longest)
        let body: ByteBuffer
        do { body = try await call.request.body.collect(upTo: limit) } catch is NIOTooManyBytesError { throw APIError.tooLarge(limit: limit) }
        guard body.readableBytes > 0 else { throw APIError.badRequest("empty_body", "send the article, as UTF-8, as the body") }
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw APIError.badRequest("not_utf8", "the article is not UTF-8; send it as UTF-8")
        }
        return text
    }
}
