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

    public init(
        host: String = "127.0.0.1", port: Int = 8080, privateReads: Bool = false, maxUploadBytes: Int = 512 << 20, idleTimeoutSeconds: Int = 60,
        keepsAnswers: Bool = true, allowsPrivateWatches: Bool = false
    ) {
        self.keepsAnswers = keepsAnswers
        self.allowsPrivateWatches = allowsPrivateWatches
        self.host = host
        self.port = port
        self.privateReads = privateReads
        self.maxUploadBytes = maxUploadBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
