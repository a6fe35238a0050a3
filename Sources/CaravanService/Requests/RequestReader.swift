import CaravanCore
import CaravanImport
import CaravanNetwork
import Foundation

/// Reads a request as asked — each field's text, as the command line's options or a query hold
/// it — into the things a use case takes, checking each against what the workspace knows:
/// countries against the country table, commodities against the nomenclature and the groups,
/// periods with the calendar's own reason, places and avoid lists against the network. The one
/// parser for every request kind, used by the CLI, the API and the dashboard.
public struct RequestReader: Sendable {
    /// Where a request came from: it decides only how a field is named in a message.
    public enum Origin: Sendable {
        case commandLine, api, page
    }

    public let origin: Origin
    let workspace: Workspace

    public init(_ origin: Origin, workspace: Workspace) {
        self.origin = origin
        self.workspace = workspace
    }

    func refuse(_ name: String, _ reason: String) -> RequestError {
        RequestError(parameter: name, label: label(name), reason: reason)
    }

    /// The field as this origin's user wrote it: `--period` or `'period'`.
    public func label(_ name: String) -> String { origin == .commandLine ? "--\(name)" : "'\(name)'" }

    /// A field's text, spaces trimmed and Persian digits read as digits; nil when none, or blank
    /// (as a form sends a field left empty).
    func text(_ raw: String?) -> String? {
        raw.map(RequestValues.normalized).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every text of a repeatable field, blanks left out.
    func texts(_ raw: [String]) -> [String] { raw.map(RequestValues.normalized).filter { !$0.isEmpty } }

    /// A required value.
    public func required(_ name: String, _ raw: String?) throws -> String {
        guard let value = text(raw) else { throw refuse(name, "required") }
        return value
    }

    /// An economy, by ISO 3166 alpha-3 code, upper case or not; a name or a near code gets a suggestion.
    public func country(_ name: String, _ raw: String?) throws -> String {
        let code = try required(name, raw).uppercased()
        let countries = workspace.tables.countries
        guard !workspace.tables.isEconomyOrBloc(code) else { return code }
        // A name ("Iran") first, then codes a slip away ("IR").
        var near = countries.codes(named: code)
        if near.isEmpty { near = Suggestions.nearest(code, among: countries.codes) }
        throw refuse(name, "unknown country '\(code)'; expected an ISO 3166 alpha-3 code such as KAZ" + Suggestions.phrase(Array(near.prefix(3))))
    }

    /// What a figure counts: TOTAL (the default), an HS code the nomenclature has, or a group's name.
    public func commodity(_ raw: String?) async throws -> String {
        let name = "commodity"
        guard let commodity = text(raw)?.uppercased(), commodity != CommodityCode.total else { return CommodityCode.total }
        if let problem = CommodityCode.problem(with: commodity) { throw refuse(name, "'\(commodity)': \(problem)") }
        if commodity.allSatisfy(\.isNumber) {
            guard let nomenclature = workspace.tables.nomenclature, !nomenclature.contains(commodity) else { return commodity }
            throw refuse(name, "\(nomenclature.edition) has no code \(commodity)")
        }
        let groups = try await workspace.groups()
        guard groups[commodity] == nil else { return commodity }
        let known = groups.groups.keys.sorted()
        throw refuse(
            name,
            "no product group is named '\(commodity)'; the groups are \(known.joined(separator: ", "))"
                + Suggestions.phrase(Suggestions.nearest(commodity, among: known)))
    }

    /// A period in the period syntax, refused with the calendar's own reason.
    public func period(_ name: String, _ raw: String?) throws -> Period? {
        guard let text = self.text(raw) else { return nil }
        do { return try Period(parsing: PersianInput.period(text)) } catch { throw refuse(name, error.description) }
    }

    /// One of a choice's values (a flow, a grain, a level), or `fallback` when none is given.
    public func choice<Value: RawRepresentable & CaseIterable>(_ name: String, _ raw: String?, default fallback: Value) throws -> Value
    where Value.RawValue == String {
        guard let text = self.text(raw) else { return fallback }
        if let value = Value(rawValue: text) ?? Value(rawValue: text.lowercased()) { return value }
        let choices = Value.allCases.map(\.rawValue)
        throw refuse(name, "'\(text)'; expected \(choices.joined(separator: ", "))" + Suggestions.phrase(Suggestions.nearest(text, among: choices)))
    }

    /// `format`: the format of a file to import, or nil to detect it from the file.
    public func format(_ raw: String?) throws -> ImportFormat? {
        guard text(raw) != nil else { return nil }
        return try choice("format", raw, default: ImportFormat.figures)
    }

    /// A whole number within `range`, or `fallback`.
    public func integer(_ name: String, _ raw: String?, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = self.text(raw) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw refuse(name, "'\(text)'; expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A decimal number within `range`, or `fallback`.
    public func number(_ name: String, _ raw: String?, in range: ClosedRange<Double>, default fallback: Double) throws -> Double {
        guard let text = self.text(raw) else { return fallback }
        guard let value = DecimalText.value(text), range.contains(value) else {
            throw refuse(name, "'\(text)'; expected a number from \(NumberText.compact(range.lowerBound)) to \(NumberText.compact(range.upperBound))")
        }
        return value
    }

    /// `as-of`: only figures recorded by this moment (a date stands for the end of its day).
    public func asOf(_ raw: String?) throws -> Date? {
        guard let text = self.text(raw) else { return nil }
        guard let time = RecordedTime(text) else { throw refuse("as-of", "'\(text)'; expected a date YYYY-MM-DD or an ISO 8601 time") }
        return time.endOfDay
    }
}
