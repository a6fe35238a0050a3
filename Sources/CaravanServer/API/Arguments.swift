import CaravanCore
import CaravanService
import Foundation
import Hummingbird

/// A request's parameters, checked against its endpoint's declaration: an unknown name, a missing
/// required one, a repeat of one that is single or a value of the wrong kind is refused, naming it.
/// An empty value counts as not given, as an HTML form sends a field left blank. A dashboard page
/// is not strict: a link shared with `utm_source` or `fbclid` must still open.
struct Arguments: Sendable {
    private var values: [String: [String]] = [:]

    init(_ request: Request, context: CaravanContext, declared: [Parameter], strict: Bool = true) throws {
        for (name, value) in QueryString.pairs(request.uri.query) {
            guard let parameter = declared.first(where: { $0.name == name && $0.location == .query }) else {
                guard strict else { continue }
                let known = declared.filter { $0.location == .query }.map(\.name)
                throw APIError.badRequest(
                    "unknown_parameter",
                    "unknown parameter '\(name)'; this endpoint takes \(known.isEmpty ? "none" : known.joined(separator: ", "))"
                        + Suggestions.phrase(Suggestions.nearest(name, among: known)))
            }
            if value.isEmpty { continue }
            if !parameter.repeated && values[name] != nil { throw APIError.badRequest("invalid_parameter", "'\(name)' is given more than once") }
            values[name, default: []].append(value)
        }
        for parameter in declared where parameter.location == .path {
            if let value = context.parameters.get(parameter.name) { values[parameter.name] = [value] }
        }
        for parameter in declared {
            guard let given = values[parameter.name] else {
                if parameter.required { throw APIError.badRequest("missing_parameter", "'\(parameter.name)' is required: \(parameter.summary)") }
                continue
            }
            for value in given { try Self.check(value, against: parameter) }
        }
    }

    /// What no parameter may hold; what a value means is the request parser's to say, for every entry point alike.
    private static func check(_ value: String, against parameter: Parameter) throws {
        // No name, code or label holds one, and PostgreSQL's text cannot.
        if value.unicodeScalars.contains("\0") {
            throw APIError.badRequest("invalid_parameter", "'\(parameter.name)' holds a NUL character")
        }
    }

    func string(_ name: String) -> String? { values[name]?.first }

    /// A required parameter, already checked to be there.
    func required(_ name: String) -> String { string(name) ?? "" }

    /// The values for the shared request parser.
    func values(_ origin: RequestValues.Origin) -> RequestValues { RequestValues(origin, values) }
}

/// `a=1&b=x+y%2B` as decoded pairs, spaces written as `+` included, as HTML forms send them.
enum QueryString {
    static func pairs(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        // Most parameters need no decoding, and decoding is most of what a kept answer costs.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(text) }
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
