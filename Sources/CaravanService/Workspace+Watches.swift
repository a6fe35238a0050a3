import CaravanStore
import Foundation

extension Workspace {
    /// Adds an address told of every change of a partnership (or of all), each delivery signed
    /// with the secret returned here, once. `owner` is the token asking (nil: the command line);
    /// refused past `limits`.
    public func addWatch(_ request: WatchRequest, owner: Int64? = nil, limits: WatchLimits = .standard, at: Date = Date()) async throws -> Watch {
        try await requireStored(request.partnership)
        return try await store.addWatch(
            url: request.url, partnership: request.partnership, secret: AccessTokens.newSecret(), owner: owner, limits: limits, createdAt: at)
    }

    /// The token's active watches, oldest first, with how their deliveries stand.
    public func watches(owner: Int64) async throws -> [WatchStanding] {
        try await store.watches(owner: owner)
    }

    /// Stops a watch: one of `owner`'s when given, else any (the command line).
    public func removeWatch(id: Int64, owner: Int64? = nil, at: Date = Date()) async throws -> Watch {
        try await store.removeWatch(id: id, owner: owner, at: at)
    }

    /// Every watch, active and removed, oldest first.
    public func watches() async throws -> [Watch] {
        try await store.watches()
    }

    /// Claims up to `limit` deliveries due at `now` for `lease`: no other sender takes them meanwhile.
    public func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [Delivery] {
        try await store.claimDeliveries(at: now, lease: lease, limit: limit)
    }

    /// Records how a try at a delivery ended.
    public func settle(_ delivery: Int64, _ outcome: DeliveryOutcome) async throws {
        try await store.settle(delivery, outcome)
    }

    /// How many deliveries are still owed (not delivered, not given up).
    public func pendingDeliveries() async throws -> Int {
        try await store.pendingDeliveries()
    }
}
