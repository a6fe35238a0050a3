import CaravanService
import CaravanStore

/// The store's tokens, read again at most once a second: a token made or revoked with
/// `caravan token` counts within a second, without a query on every request.
actor TokenCache {
    private let workspace: Workspace
    private var tokens: [AccessToken] = []
    private var readAt: ContinuousClock.Instant?
    private static let freshFor = Duration.seconds(1)

    init(workspace: Workspace) { self.workspace = workspace }

    func decision(for secret: String) async throws -> AccessDecision {
        if readAt.map({ $0.duration(to: .now) > Self.freshFor }) ?? true {
            tokens = try await workspace.tokens()
            readAt = .now
        }
        return AccessTokens.check(secret, against: tokens)
    }
}
