import CaravanCore
import Foundation

/// A field that failed validation, and why.
struct FieldProblem: Sendable, Hashable {
    let field: String
    let reason: String

    init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// What one record of a file amounts to.
enum RowOutcome<Record> {
    /// A record to store, citing one of the parser's sources.
    case record(Record, source: Int)
    /// A record read and deliberately left out, with the reason the summary gives.
    case skipped(String)
    /// A record that fails validation.
    case invalid([FieldProblem])
}

/// Turns the rows of one format into records.
protocol RowParser<Record>: AnyObject {
    associatedtype Record: Sendable & Hashable
    /// The sources the records cite, by index.
    var sources: [SourceDraft] { get }
    /// One CSV row, with its fields by column name.
    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<Record>
    /// One JSON object; only formats that come as JSON read these.
    func parse(object: JSONFields) -> RowOutcome<Record>
    /// Records derived from the whole file, handed out after the rows (BACI's pair totals).
    func derived() -> [Record]
    /// A test of a raw line that rules out most rows before they are split, and the reason the
    /// summary gives for those it passes over; nil when every row is read.
    var lineFilter: (passes: (UnsafeRawBufferPointer) -> Bool, reason: String)? { get }
}

extension RowParser {
    func parse(object: JSONFields) -> RowOutcome<Record> { .invalid([FieldProblem("row", "this format is not read from JSON")]) }
    func derived() -> [Record] { [] }
    var lineFilter: (passes: (UnsafeRawBufferPointer) -> Bool, reason: String)? { nil }
}

/// A record whose fields are found by column name: a CSV row under its header, or a JSON object.
protocol NamedFields {
    /// The field's text, trimmed; empty when absent or null.
    func text(_ name: String) -> String
    /// The field as a number: nil when absent, empty or null; `.nan` when it is not a number.
    func number(_ name: String) -> Double?
}

/// A CSV record seen through its header.
struct CSVFields: NamedFields {
    let reader: RecordReader
    let columns: [String: Int]

    func text(_ name: String) -> String { columns[name].map { reader.text($0) } ?? "" }

    func number(_ name: String) -> Double? {
        guard let index = columns[name], !reader.isBlank(index) else { return nil }
        let text = reader.text(index)
        if text == "NA" || text == "null" { return nil }
        return reader.double(index) ?? .nan
    }
}

/// A JSON object's fields.
struct JSONFields: NamedFields {
    let object: [String: Any]

    func text(_ name: String) -> String {
        switch object[name] {
        case let text as String: text.trimmingCharacters(in: .whitespaces)
        case let number as NSNumber: number.stringValue
        default: ""
        }
    }

    /// Nil when the field is absent, null or empty; NaN when it holds anything but a number.
    func number(_ name: String) -> Double? {
        switch object[name] {
        case nil, is NSNull: nil
        // JSON's true and false come as numbers of C type char, which no JSON number is.
        case let number as NSNumber: String(cString: number.objCType) == "c" ? .nan : number.doubleValue
        case let text as String: text.isEmpty ? nil : DecimalText.value(text) ?? .nan
        default: .nan
        }
    }
}

/// Checks shared by the parsers: a value in USD, a quantity, a known country.
enum Check {
    /// A value in USD; `scale` turns the file's unit into dollars (BACI's thousands).
    static func value(_ value: Double?, field: String, scale: Double = 1, problems: inout [FieldProblem]) -> Double {
        guard let value else {
            problems.append(FieldProblem(field, "empty; a figure needs a value"))
            return 0
        }
        if value.isNaN {
            problems.append(FieldProblem(field, "not a number"))
        } else if let problem = Plausible.problem(value * scale, Plausible.valueUSD, unit: "USD") {
            problems.append(FieldProblem(field, problem))
        }
        return value
    }

    /// A quantity in tonnes, when given; `scale` turns the file's unit into tonnes (Comtrade's kilograms).
    static func quantity(_ value: Double?, field: String, scale: Double = 1, problems: inout [FieldProblem]) -> Double? {
        guard let value else { return nil }
        if value.isNaN {
            problems.append(FieldProblem(field, "not a number"))
        } else if let problem = Plausible.problem(value * scale, Plausible.tonnes, unit: "tonnes") {
            problems.append(FieldProblem(field, problem))
        }
        return value
    }

    static func country(_ code: String, field: String, in tables: ReferenceTables, problems: inout [FieldProblem]) -> String {
        if code.isEmpty {
            problems.append(FieldProblem(field, "empty; expected an ISO 3166 alpha-3 code"))
        } else if !tables.isEconomyOrBloc(code) {
            let blocs = tables.blocs.codes.isEmpty ? "" : ", or a bloc (\(tables.blocs.codes.joined(separator: ", ")))"
            problems.append(FieldProblem(field, "unknown country '\(code)'; expected an ISO 3166 alpha-3 code such as KAZ\(blocs)"))
        }
        return code
    }
}
