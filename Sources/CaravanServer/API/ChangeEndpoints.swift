import CaravanPresentation
import CaravanService
import CaravanStore
import Foundation

/// What changed in the scorecards, and the addresses told of it: `caravan changes` and `caravan watch`.
enum ChangeEndpoints {
    static let all = [
        Endpoint(
            method: .get, path: "/api/v1/changes", operationID: "changes", tag: "changes",
            summary:
                "What changed in the scorecards, oldest first: each test's or target's status and each claim's verdict, from what to what, the import that caused it and when. The same partnership's changes as Atom at /feed/{partnership}.atom.",
            parameters: Parameter.query(.changes),
            answer: "ChangeList", refusals: [400: "A parameter is wrong.", 404: "No dossier is stored for that partnership."], cached: false
        ) { call in
            let request = try call.reader.changes()
            return try Answer.json(ChangeList(try await call.workspace.changes(partnership: request.partnership, since: request.since)))
        },
        Endpoint(
            method: .post, path: "/api/v1/watches", operationID: "addWatch", tag: "changes",
            summary:
                "Tell an address of every change (of one partnership, or all): each a POST of {\"changes\": [change]} signed with X-Caravan-Signature: sha256=HMAC-SHA256(body, secret). The secret is in this answer only. Only public addresses are sent to, redirects are not followed; a token may have 100 active watches, and one change may be owed to 1,000.",
            parameters: Parameter.query(.watch),
            answer: "Watch",
            refusals: [
                201: "The watch was added.", 400: "The address is not an absolute http(s) one, or not a public one.",
                401: "No token, or an unknown one.", 403: "The token was revoked.", 404: "No dossier is stored for that partnership.",
                409: "The token has 100 active watches (watch_limit), or a change of the partnership would be owed to more than 1,000.",
            ]
        ) { call in
            let request = try call.reader.watch(allowingPrivate: call.settings.allowsPrivateWatches)
            let watch = try await call.workspace.addWatch(request, owner: try call.tokenID())
            return try Answer.json(WatchList.Entry(watch, showingSecret: true), status: .created)
        },
        Endpoint(
            method: .get, path: "/api/v1/watches", operationID: "watches", tag: "changes",
            summary:
                "The watches this token added that are active, oldest first, without their secrets: each with the deliveries it is still owed and why the newest that failed failed. Needs a token on every server.",
            answer: "WatchList", refusals: [401: "No token, or an unknown one.", 403: "The token was revoked."], cached: false, perToken: true
        ) { call in
            try Answer.json(WatchList(try await call.workspace.watches(owner: try call.tokenID())))
        },
        Endpoint(
            method: .delete, path: "/api/v1/watches/{id}", operationID: "removeWatch", tag: "changes",
            summary: "Stop one of this token's watches; what it is still owed is not sent.",
            parameters: Parameter.path(.unwatch),
            answer: "Watch",
            refusals: [
                400: "The id is not a whole number.", 401: "No token, or an unknown one.", 403: "The token was revoked.",
                404: "No active watch of this token has the id.",
            ]
        ) { call in
            let id = try call.reader.watchID()
            return try Answer.json(WatchList.Entry(try await call.workspace.removeWatch(id: Int64(id), owner: try call.tokenID())))
        },
    ]
}
