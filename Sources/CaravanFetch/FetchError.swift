/// Why a fetch stopped: the call that failed, in a few words, and why, in the API's own words where it gave any.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The call in a few words (`ComtradeCall.brief`), or the option at fault; never the key.
    public let call: String
    public let reason: String

    public init(call: String, reason: String) {
        self.call = call
        self.reason = reason
    }

    /// The most columns a line of the message takes.
    public static let columns = 100

    public var description: String { Self.wrapped("\(call): \(reason)") }

    /// `text` broken at spaces into lines of at most `columns`, each after the first indented.
    public static func wrapped(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > columns {
                lines.append(line)
                line = "  "
            }
            line += (line.isEmpty || line == "  " ? "" : " ") + word
            while line.count > columns {
                lines.append(String(line.prefix(columns)))
                line = "  " + line.dropFirst(columns)
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
