import CaravanStore
import Foundation

extension Workspace {
    /// Adds an address told of every change of a partnership (or of all), each delivery signed
    /// with the secret returned here, once.
    public func addWatch(_ request: WatchRequest, at: Date = Date()) async throws -> Watch {
        try await requireStored(request.partnership)
        return try await store.addWatch(url: request.url, partnership: request.partnership, secret: AccessTokens.newSecret(), createdAt: at)
    }
}
