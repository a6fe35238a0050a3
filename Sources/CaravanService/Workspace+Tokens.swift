import CaravanStore
import Crypto
import Foundation

/// A token as it is handed out: the secret is shown this once and never stored.
public struct IssuedToken: Sendable {
    public let token: AccessToken
    public let secret: String
}

/// What a presented secret is worth.
public enum AccessDecision: Sendable, Equatable {
    /// A live token's; its id is what the watches it adds are recorded under.
    case granted(name: String, id: Int64)
    /// A token's that was revoked.
    case revoked(name: String)
    /// No token's at all.
    case unknown
}

/// Making and checking access-token secrets.
public enum AccessTokens {
    /// `cvn_` and 256 random bits in hex: the prefix lets secret scanners and people recognise one.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return "cvn_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// SHA-256 of a secret in lowercase hex, the only form the store keeps.
    public static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a secret against every token, comparing every digest in full whatever matches, so
    /// the time taken says nothing about how close a guess came.
    public static func check(_ secret: String, against tokens: [AccessToken]) -> AccessDecision {
        let presented = Array(SHA256.hash(data: Data(secret.utf8)))
        var decision = AccessDecision.unknown
        for token in tokens {
            let stored = bytes(hex: token.secretSHA256)
            var difference: UInt8 = stored.count == presented.count ? 0 : 1
            for index in presented.indices { difference |= presented[index] ^ (index < stored.count ? stored[index] : 0) }
            if difference == 0 { decision = token.isRevoked ? .revoked(name: token.name) : .granted(name: token.name, id: token.id) }
        }
        return decision
    }

    private static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8?
        for unit in hex.utf8 {
            let nibble: UInt8 =
                switch unit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): unit - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): unit - UInt8(ascii: "a") + 10
                default: 0
                }
            if let value = high {
                bytes.append(value << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// A problem with a token name, or nil: names appear in logs, so they are short and plain.
    public static func problem(withName name: String) -> String? {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".")
        }
        return (1...64).contains(name.count) && allowed ? nil : "a token name is 1 to 64 letters, digits, '.', '-' or '_'"
    }
}

extension Workspace {
    /// A new token under `name`; its secret is in the result and nowhere else.
    public func createToken(name: String, at date: Date = Date()) async throws -> IssuedToken {
        if let problem = AccessTokens.problem(withName: name) { throw AccessTokenError.invalidName(name, problem) }
        let secret = AccessTokens.newSecret()
        let token = try await store.createToken(name: name, secretSHA256: AccessTokens.digest(secret), createdAt: date)
        return IssuedToken(token: token, secret: secret)
    }

    /// Every token, active and revoked, oldest first; none holds its secret.
    public func tokens() async throws -> [AccessToken] {
        try await store.tokens()
    }

    /// Revokes the active token named `name`: a running server refuses it within a second.
    public func revokeToken(named name: String, at date: Date = Date()) async throws -> AccessToken {
        try await store.revokeToken(named: name, at: date)
    }
}
