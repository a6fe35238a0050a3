import Foundation

/// A query's values by parameter name, as an API call or a dashboard page's form sends them: what
/// `QueryReader` makes a request as asked from, for the one parser every entry point shares.
public struct RequestValues: Sendable {
    public typealias Origin = RequestReader.Origin

    public let origin: Origin
    private let values: [String: [String]]

    public init(_ origin: Origin, _ values: [String: [String]]) {
        self.origin = origin
        self.values = values
    }

    /// The first value given, spaces trimmed and Persian digits read as digits; nil when none, or
    /// blank (as a form sends a field left empty).
    public func string(_ name: String) -> String? {
        values[name]?.lazy.map(Self.normalized).first { !$0.isEmpty }
    }

    /// Every value given, blanks left out.
    public func all(_ name: String) -> [String] {
        (values[name] ?? []).map(Self.normalized).filter { !$0.isEmpty }
    }

    /// A value as every entry point reads it: spaces trimmed, Persian and Arabic-Indic digits as ASCII.
    static func normalized(_ text: String) -> String { PersianInput.digits(text.trimmingCharacters(in: .whitespaces)) }
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
