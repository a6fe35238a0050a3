import CaravanImport
import CaravanPresentation
import CaravanService
import Foundation
import Hummingbird
import NIOCore

/// The writes: a file imported, a dossier added or replaced, and the list of what was imported.
enum WriteEndpoints {
    static let all = [
        Endpoint(
            method: .get, path: "/api/v1/imports", operationID: "imports", tag: "imports",
            summary: "The imported files, oldest first: when each was recorded and what it added.", answer: "ImportList"
        ) { call in
            try Answer.json(ImportList(imports: try await call.workspace.batches()))
        },
        Endpoint(
            method: .post, path: "/api/v1/imports", operationID: "importFile", tag: "imports",
            summary:
                "Import one file, sent as the body: any importer's format (Comtrade, BACI, figures, flows, a network, a dossier), gzipped or not. All or nothing; the same content twice adds nothing.",
            parameters: Parameter.query(.upload),
            body: .file, answer: "ImportAnswer",
            refusals: [
                201: "The file was stored as a new batch.", 400: "A parameter is missing or wrong.", 401: "No token, or an unknown one.",
                403: "The token was revoked.", 413: "The file is over the server's limit.",
                422: "The file is refused: the message names its line and field.",
            ]
        ) { call in
            let upload = try await Upload.receive(call.request, limit: call.settings.maxUploadBytes)
            defer { upload.remove() }
            let result = try await call.workspace.importFile(
                upload.path, as: call.arguments.required("name"), format: try call.reader.format())
            let answer = ImportAnswer(result)
            return try Answer.json(answer, status: answer.stored ? .created : .ok)
        },
        Endpoint(
            method: .put, path: "/api/v1/dossiers/{partnership}", operationID: "putDossier", tag: "dossier",
            summary: "Add or replace a partnership's dossier (YAML, docs/dossier.md); the earlier one stays stored as history.",
            parameters: Parameter.path(.dossier),
            body: .dossier, answer: "ImportAnswer",
            refusals: [
                201: "The dossier was stored.", 400: "The id in the path is not the dossier's.", 401: "No token, or an unknown one.",
                403: "The token was revoked.", 413: "The dossier is over the limit.", 422: "The dossier is refused: the message says why.",
            ]
        ) { call in
            let limit = min(call.context.maxUploadSize, call.settings.maxUploadBytes)
            let body: ByteBuffer
            do { body = try await call.request.body.collect(upTo: limit) } catch is NIOTooManyBytesError { throw APIError.tooLarge(limit: limit) }
            guard let text = String(validating: body.readableBytesView, as: UTF8.self), !text.isEmpty else {
                throw APIError.badRequest("empty_body", "send the dossier's YAML, as UTF-8, as the body")
            }
            let id = call.arguments.required("partnership")
            let answer = ImportAnswer(try await call.workspace.importDossier(text: text, as: "api/dossiers/\(id).yaml", partnership: id))
            return try Answer.json(answer, status: answer.stored ? .created : .ok)
        },
    ]
}

/// A request body written to a temporary file as it arrives, refused once it passes the limit.
struct Upload {
    let path: String

    static func receive(_ request: Request, limit: Int) async throws -> Upload {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caravan-upload-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw APIError(status: .internalServerError, code: "internal", message: "cannot keep the upload")
        }
        let upload = Upload(path: path)
        do {
            defer { try? handle.close() }
            var received = 0
            for try await chunk in request.body {
                received += chunk.readableBytes
                guard received <= limit else { throw APIError.tooLarge(limit: limit) }
                try handle.write(contentsOf: chunk.readableBytesView)
            }
            guard received > 0 else { throw APIError.badRequest("empty_body", "the request has no body: send the file as the body") }
        } catch {
            upload.remove()
            throw error
        }
        return upload
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
