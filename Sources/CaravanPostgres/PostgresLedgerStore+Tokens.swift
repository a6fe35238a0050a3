import CaravanCore
import CaravanStore
import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    private static let tokenColumns = "id, name, secret_sha256, created_at, revoked_at"

    public func createToken(name: String, secretSHA256: String, createdAt: Date) async throws -> AccessToken {
        let created = Timestamp.date(Timestamp.text(createdAt)) ?? createdAt
        do {
            let created = try await tokens(
                "INSERT INTO access_token (name, secret_sha256, created_at) VALUES (\(name), \(secretSHA256), \(created)) RETURNING \(unescaped: Self.tokenColumns)"
            )
            guard let token = created.first else { throw StoreError.unavailable("PostgreSQL stored the token but did not return it") }
            return token
        } catch let error as PSQLError where error.isUniqueViolation(of: "access_token_active_name") {
            throw AccessTokenError.nameTaken(name)
        }
    }

    public func tokens() async throws -> [AccessToken] {
        try await tokens("SELECT \(unescaped: Self.tokenColumns) FROM access_token ORDER BY id")
    }

    public func revokeToken(named name: String, at date: Date) async throws -> AccessToken {
        let revoked = Timestamp.date(Timestamp.text(date)) ?? date
        guard
            let token = try await tokens(
                """
                UPDATE access_token SET revoked_at = \(revoked) WHERE name = \(name) AND revoked_at IS NULL RETURNING \(unescaped: Self.tokenColumns)
                """
            ).first
        else { throw AccessTokenError.unknown(name) }
        return token
    }

    private func tokens(_ query: PostgresQuery) async throws -> [AccessToken] {
        let logger = self.logger
        return try await withConnection { connection in
            var found: [AccessToken] = []
            for try await (id, name, secret, created, revoked) in try await connection.query(query, logger: logger).decode(
                (Int64, String, String, Date, Date?).self)
            {
                found.append(AccessToken(id: id, name: name, secretSHA256: secret, createdAt: created, revokedAt: revoked))
            }
            return found
        }
    }
}
