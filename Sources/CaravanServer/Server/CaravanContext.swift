import Hummingbird
import Synchronization

/// What a request carries through the server besides itself.
public struct CaravanContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Filled in by the middleware a request passes through, read by the request log on the way out.
    let trail = RequestTrail()

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Bodies a handler collects whole (a dossier) stay small; file uploads stream under their own limit.
    public var maxUploadSize: Int { 4 << 20 }
}

/// Facts about a request learnt on the way in and logged on the way out.
final class RequestTrail: Sendable {
    private let token = Mutex<String?>(nil)

    /// The name of the token the request presented, once checked; never its secret.
    var tokenName: String? {
        get { token.withLock { $0 } }
        set { token.withLock { $0 = newValue } }
    }
}
