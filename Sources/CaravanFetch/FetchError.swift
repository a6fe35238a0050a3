/// Why a fetch stopped: the call that failed, in the API's own words where it gave any.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The call, without the key.
    public let call: String
    public let reason: String

    public init(call: String, reason: String) {
        self.call = call
        self.reason = reason
    }

    public var description: String { "\(call): \(reason)" }
}
