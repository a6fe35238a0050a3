/// Why a period could not be read or does not exist.
public struct PeriodError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as given.
    public let input: String
    /// What is wrong with it, in a sentence.
    public let reason: String

    public init(_ input: String, _ reason: String) {
        self.input = input
        self.reason = reason
    }

    public var description: String { "\(input): \(reason)" }
}
