import Foundation

/// A request's values by parameter name, whichever way it came: the command line's options, an
/// API call's query, a dashboard page's form. Each request kind is read from these by one parser,
/// so every entry point refuses the same things in the same words.
public struct RequestValues: Sendable {
    /// Where a request came from: it decides only how a parameter is named in a message.
    public enum Origin: Sendable {
        case commandLine, api, page
    }

    public let origin: Origin
    private let values: [String: [String]]

    public init(_ origin: Origin, _ values: [String: [String]]) {
        self.origin = origin
        self.values = values
    }

    /// The first value given, spaces trimmed and Persian digits read as digits; nil when none, or
    /// blank (as a form sends a field left empty).
    public func string(_ name: String) -> String? {
        values[name]?.lazy.map { PersianInput.digits($0.trimmingCharacters(in: .whitespaces)) }.first { !$0.isEmpty }
    }

    /// Every value given, blanks left out.
    public func all(_ name: String) -> [String] {
        (values[name] ?? []).map { PersianInput.digits($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
    }

    /// The parameter as this origin's user wrote it: `--period` or `'period'`.
    public func label(_ name: String) -> String { origin == .commandLine ? "--\(name)" : "'\(name)'" }
}

/// Why a request cannot be answered as asked: the parameter at fault, as its user wrote it, and why.
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter's name (`period`).
    public let parameter: String
    /// The parameter as the request named it (`--period`, `'period'`).
    public let label: String
    public let reason: String

    public var description: String { "\(label): \(reason)" }
}
