import CaravanService
import Foundation
import Hummingbird

/// One operation of the API: how it is called and what it answers, declared once for the router,
/// the parameter checks and the OpenAPI description alike.
struct Endpoint: Sendable {
    /// What a write takes in its body.
    enum Body: Sendable {
        /// A file in any importer's format, as is (gzip too).
        case file
        /// A partnership dossier in YAML.
        case dossier
        /// An article to check: text, Markdown or HTML.
        case article

        /// The media types the body may be sent as; the first is the one the description names
        /// first. A body with no type is taken too: curl sends none with `-T`.
        var mediaTypes: [String] {
            switch self {
            case .file:
                [
                    "application/octet-stream", "text/csv", "text/plain", "text/tab-separated-values", "application/json", "application/gzip",
                    "application/x-gzip", "application/yaml", "application/x-yaml", "text/yaml",
                ]
            case .dossier: ["application/yaml", "application/x-yaml", "text/yaml", "text/plain", "application/octet-stream"]
            case .article: ["text/plain", "text/html", "text/markdown", "application/xhtml+xml", "application/octet-stream"]
            }
        }

        /// Refuses a body sent as a type it is not: a form above all, whose encoding would mangle the file.
        func check(contentType: String?) throws {
            guard let contentType else { return }
            let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            // curl --data-binary and URLSession label any body a form's; the bytes are the file's.
            if type.isEmpty || mediaTypes.contains(type) || type == "application/x-www-form-urlencoded" { return }
            let why =
                type == "multipart/form-data"
                ? "send the file itself as the body (curl --data-binary @FILE), not as a form field (curl -F)"
                : "send it as \(mediaTypes.joined(separator: ", "))"
            throw APIError(status: .unsupportedMediaType, code: "unsupported_media_type", message: "the body is \(type); \(why)")
        }
    }

    let method: HTTPRequest.Method
    /// The path in OpenAPI's form: `/api/v1/dossiers/{partnership}`.
    let path: String
    let operationID: String
    let tag: String
    let summary: String
    var parameters: [Parameter] = []
    var body: Body?
    /// The schema of the answer, by name in the document's components.
    let answer: String
    /// Statuses the endpoint answers with besides 200, with why.
    var refusals: [Int: String] = [:]

    /// Whether a request path is this endpoint's, a `{name}` segment matching any one segment.
    func matches(_ requestPath: String) -> Bool {
        let pattern = path.split(separator: "/")
        let segments = requestPath.split(separator: "/")
        return pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
    /// Whether a read's answer may be kept until the store changes (not the health check's).
    var cached = true
    /// Whether the answer is the asking token's own (its watches): it needs a token on every
    /// server, and is never kept, since the cache knows requests by their address only.
    var perToken = false
    /// A POST that only reads what it is sent (an article to check): open where reads are, never kept.
    var readsBody = false

    let handle: @Sendable (Call) async throws -> Answer

    /// Whether the endpoint changes the store, and so always needs a token.
    var writes: Bool { method != .get && method != .head && !readsBody }

    /// Whether the endpoint needs a token even where reads are open.
    var needsToken: Bool { writes || perToken }
}

/// A checked request, handed to an endpoint's handler.
struct Call: Sendable {
    let request: Request
    let context: CaravanContext
    let arguments: Arguments
    let workspace: Workspace
    let settings: ServerSettings

    /// The id of the token the request was granted with; only endpoints that need a token have one.
    func tokenID() throws -> Int64 {
        guard let id = context.trail.tokenID else { throw APIError.unauthorized }
        return id
    }

    /// The request's values read by the parser every entry point shares.
    var reader: QueryReader { QueryReader(arguments.values(.api), workspace: workspace) }
}

extension Router where Context == CaravanContext {
    /// Routes each endpoint, checking its parameters before its handler runs; reads are answered
    /// from the cache when they can be, and a write clears it.
    func add(_ endpoints: [Endpoint], workspace: Workspace, settings: ServerSettings, cache: AnswerCache) {
        for endpoint in endpoints {
            on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                let arguments = try Arguments(request, context: context, declared: endpoint.parameters)
                let call = Call(request: request, context: context, arguments: arguments, workspace: workspace, settings: settings)
                try endpoint.body?.check(contentType: request.headers[.contentType])
                if endpoint.readsBody { return try await endpoint.handle(call).response }
                if endpoint.writes {
                    let answer = try await endpoint.handle(call)
                    cache.invalidate()
                    return answer.response
                }
                return endpoint.cached && !endpoint.perToken
                    ? try await cache.answer(request) { try await endpoint.handle(call) }.response : try await endpoint.handle(call).response
            }
        }
    }
}
