/// How `caravan serve` runs: where it listens, who may read, how much it accepts.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Reads need a token too, not only writes.
    public var privateReads: Bool
    /// The largest file an import may upload.
    public var maxUploadBytes: Int
    /// Seconds a connection may sit idle before it is closed.
    public var idleTimeoutSeconds: Int
    /// Answers are kept until the store changes; off, every answer is worked out afresh (to measure).
    public var keepsAnswers: Bool
    /// Watches may go to loopback, private and link-local addresses: for receivers on the server's own network.
    public var allowsPrivateWatches: Bool
    /// Seconds the requests in flight at SIGTERM may take to finish before they are cancelled.
    public var shutdownGraceSeconds: Int
    /// Seconds after SIGTERM at which a request still running is cancelled and answered 503: the
    /// rest of the grace period is left for sending its answer.
    var requestDeadlineSeconds: Int { max(1, shutdownGraceSeconds - 2) }
    /// Seconds cancelled requests may take to end before the process ends regardless.
    public static let cancellationSeconds = 5

    public init(
        host: String = "127.0.0.1", port: Int = 8080, privateReads: Bool = false, maxUploadBytes: Int = 512 << 20, idleTimeoutSeconds: Int = 60,
        keepsAnswers: Bool = true, allowsPrivateWatches: Bool = false, shutdownGraceSeconds: Int = 10
    ) {
        self.keepsAnswers = keepsAnswers
        self.allowsPrivateWatches = allowsPrivateWatches
        self.shutdownGraceSeconds = shutdownGraceSeconds
        self.host = host
        self.port = port
        self.privateReads = privateReads
        self.maxUploadBytes = maxUploadBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
