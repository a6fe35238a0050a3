import CaravanCore
import CaravanStore
import Foundation

/// The watches, as `caravan watch list` and the API show them: never their secrets.
public struct WatchList: Sendable, Encodable, Tabular {
    struct Entry: Encodable {
        let id: Int64
        let url: String
        let partnership: String?
        let createdAt: Date
        let removedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, url, partnership
            case createdAt = "created_at"
            case removedAt = "removed_at"
        }
    }

    let watches: [Entry]

    public init(_ watches: [Watch]) {
        self.watches = watches.map { Entry(id: $0.id, url: $0.url, partnership: $0.partnership, createdAt: $0.createdAt, removedAt: $0.removedAt) }
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
