import CaravanCore
import CaravanStore
import Foundation

/// The watches, as `caravan watch list` and `GET /api/v1/watches` show them: never their secrets.
public struct WatchList: Sendable, Encodable, Tabular {
    /// One watch, as the list and the API show it: its secret only in the answer that made it;
    /// what it is owed and why its deliveries last failed only to the token that added it.
    public struct Entry: Sendable, Encodable {
        let id: Int64
        let url: String
        let partnership: String?
        let secret: String?
        let createdAt: Date
        let removedAt: Date?
        var owed: Int?
        var lastError: String?

        public init(_ watch: Watch, showingSecret: Bool = false) {
            id = watch.id
            url = watch.url
            partnership = watch.partnership
            secret = showingSecret ? watch.secret : nil
            createdAt = watch.createdAt
            removedAt = watch.removedAt
            owed = nil
            lastError = nil
        }

        public init(_ standing: WatchStanding) {
            self.init(standing.watch)
            owed = standing.owed
            lastError = standing.lastError
        }

        enum CodingKeys: String, CodingKey {
            case id, url, partnership, secret, owed
            case createdAt = "created_at"
            case removedAt = "removed_at"
            case lastError = "last_error"
        }
    }

    let watches: [Entry]

    public init(_ watches: [Watch]) {
        self.watches = watches.map { Entry($0) }
    }

    public init(_ standings: [WatchStanding]) {
        self.watches = standings.map { Entry($0) }
    }

    public var table: TextTable {
        TextTable(
            columns: [.init("id", numeric: true), .init("url"), .init("partnership"), .init("created_at"), .init("status")],
            rows: watches.map { watch in
                [
                    String(watch.id), watch.url, watch.partnership ?? "all", Timestamp.text(watch.createdAt),
                    watch.removedAt.map { "removed \(Timestamp.text($0))" } ?? "active",
                ]
            })
    }
}
