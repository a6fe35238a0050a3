import Foundation

/// A credential for the server's writes (and, on a private server, its reads). The store keeps
/// only the SHA-256 of the secret, so a copy of the database gives no one a working token.
public struct AccessToken: Sendable, Hashable, Codable {
    public var id: Int64
    /// Who or what holds it: "newsroom-script", "data-officer".
    public var name: String
    /// SHA-256 of the secret, lowercase hex.
    public var secretSHA256: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: Int64, name: String, secretSHA256: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.secretSHA256 = secretSHA256
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// Why a token could not be created or revoked.
public enum AccessTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An active token already has the name.
    case nameTaken(String)
    /// No active token has the name.
    case unknown(String)
    /// The name is not one a token may have.
    case invalidName(String, String)

    public var description: String {
        switch self {
        case .nameTaken(let name): "a token named '\(name)' is already active; revoke it first or choose another name"
        case .unknown(let name): "no active token is named '\(name)'"
        case .invalidName(let name, let reason): "'\(name)': \(reason)"
        }
    }
}

/// Where access tokens live: beside the ledger, in the same database.
public protocol AccessTokenStore: Sendable {
    /// Stores a new active token; fails with `nameTaken` when an active token has the name.
    func createToken(name: String, secretSHA256: String, createdAt: Date) async throws -> AccessToken
    /// Every token, active and revoked, oldest first.
    func tokens() async throws -> [AccessToken]
    /// Marks the active token of that name revoked; fails with `unknown` when there is none.
    func revokeToken(named name: String, at date: Date) async throws -> AccessToken
}

/// Everything a workspace keeps: the ledger, the tokens that guard it, and the changes of its
/// scorecards with those watching them.
public protocol WorkspaceStore: LedgerStore, AccessTokenStore, ChangeStore, KeptAnswerStore {
    /// Releases connections; the store is not used afterwards.
    func close() async
}
