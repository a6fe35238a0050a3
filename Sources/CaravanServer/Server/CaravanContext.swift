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
    private let token = Mutex<(name: String?, id: Int64?)>((nil, nil))

    /// The name of the token the request presented, once checked; never its secret.
    var tokenName: String? {
        get { token.withLock { $0.name } }
        set { token.withLock { $0.name = newValue } }
    }

    /// The id of the live token the request presented, once granted: whose watches it may see.
    var tokenID: Int64? {
        get { token.withLock { $0.id } }
        set { token.withLock { $0.id = newValue } }
    }
}
