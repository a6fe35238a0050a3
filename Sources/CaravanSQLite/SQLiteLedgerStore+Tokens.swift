import CaravanCore
import CaravanStore
import Foundation
import GRDB

/// A row of `access_token`.
struct AccessTokenRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "access_token"
    var id: Int64?
    var name: String
    var secretSha256: String
    var createdAt: String
    var revokedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, name
        case secretSha256 = "secret_sha256"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var token: AccessToken {
        AccessToken(
            id: id ?? 0, name: name, secretSHA256: secretSha256, createdAt: Timestamp.date(createdAt) ?? .distantPast,
            revokedAt: revokedAt.flatMap(Timestamp.date))
    }
}

extension SQLiteLedgerStore {
    public func createToken(name: String, secretSHA256: String, createdAt: Date) async throws -> AccessToken {
        do {
            return try await write { db in
                var record = AccessTokenRecord(name: name, secretSha256: secretSHA256, createdAt: Timestamp.text(createdAt))
                try record.insert(db)
                return record.token
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw AccessTokenError.nameTaken(name)
        }
    }

    public func tokens() async throws -> [AccessToken] {
        try await read { db in try AccessTokenRecord.order(Column("id")).fetchAll(db).map(\.token) }
    }

    public func revokeToken(named name: String, at date: Date) async throws -> AccessToken {
        try await write { db in
            guard var record = try AccessTokenRecord.filter(Column("name") == name && Column("revoked_at") == nil).fetchOne(db) else {
                throw AccessTokenError.unknown(name)
            }
            record.revokedAt = Timestamp.text(date)
            try record.update(db)
            return record.token
        }
    }

    public func close() async {}
}
