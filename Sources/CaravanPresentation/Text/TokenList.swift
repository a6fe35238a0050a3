import CaravanCore
import CaravanService
import CaravanStore
import Foundation

/// The access tokens, as `caravan token list` shows them: never their secrets or hashes.
public struct TokenList: Sendable, Encodable, Tabular {
    struct Entry: Encodable {
        let id: Int64
        let name: String
        let createdAt: Date
        let revokedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, name
            case createdAt = "created_at"
            case revokedAt = "revoked_at"
        }
    }

    let tokens: [Entry]

    public init(_ tokens: [AccessToken]) {
        self.tokens = tokens.map { Entry(id: $0.id, name: $0.name, createdAt: $0.createdAt, revokedAt: $0.revokedAt) }
    }

    public var table: TextTable {
        TextTable(
            columns: [.init("id", numeric: true), .init("name"), .init("created_at"), .init("status")],
            rows: tokens.map { token in
                [String(token.id), token.name, Timestamp.text(token.createdAt), token.revokedAt.map { "revoked \(Timestamp.text($0))" } ?? "active"]
            })
    }
}
