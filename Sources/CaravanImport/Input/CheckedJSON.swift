import Foundation

/// A small JSON answer read whole (an API's list of releases, a refusal's words), checked as every
/// reader here checks JSON — no key twice in one object, no nesting past `JSONReader.maxDepth` —
/// before Foundation builds it, since Foundation keeps the last of two repeated keys silently.
public enum CheckedJSON {
    /// Why the text is not a JSON object, at the line it was found.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String

        public var description: String { "line \(line): \(reason)" }
    }

    /// The object `data` holds; a problem when it holds anything else or breaks a rule.
    public static func object(_ data: Data) throws(Problem) -> [String: Any] {
        let failure: Problem? = data.withUnsafeBytes { bytes in
            var reader = JSONReader(bytes)
            do throws(JSONReader.Failure) {
                guard reader.peek() == 0x7B else { return Problem(line: reader.line, reason: "the answer is not a JSON object") }
                try reader.skip()
                return reader.atEnd() ? nil : Problem(line: reader.line, reason: "text follows the JSON object")
            } catch {
                return Problem(line: reader.line, reason: error.reason)
            }
        }
        if let failure { throw failure }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Problem(line: 1, reason: "the answer is not a JSON object")
        }
        return object
    }
}
