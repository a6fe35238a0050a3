import CaravanCore
import CaravanNetwork

/// A kind of record stored row by row with its source, one file a batch: freight flows, tariff
/// schedule entries. Each store writes the columns in its own SQL.
protocol SourcedRow: Sendable, Hashable {
    static var table: String { get }
    /// The batch's format, as `caravan imports` lists it.
    static var format: String { get }
    /// The record's columns, before `source_id` and `line`.
    static var columns: [String] { get }
    /// What the file's duplicate rows are, for the refusal.
    static var noun: String { get }
    var columnValues: [ColumnValue] { get }
}

/// A value for a column, whichever database writes it.
enum ColumnValue: Sendable {
    case text(String?)
    case real(Double?)
}

extension FreightFlow: SourcedRow {
    static let table = "freight_flow"
    static let format = "flows"
    static let columns = ["element", "period", "direction", "tonnes", "note"]
    static let noun = "flow"
    var columnValues: [ColumnValue] { [.text(element), .text(period.description), .text(direction.rawValue), .real(tonnes), .text(note)] }
}

extension TariffLine: SourcedRow {
    static let table = "tariff_line"
    static let format = "tariffs"
    static let columns = ["reporter", "regime", "hs_code", "effective_from", "mfn_rate_pct", "preferential_rate_pct"]
    static let noun = "tariff entry"
    var columnValues: [ColumnValue] {
        [.text(reporter), .text(regime), .text(code), .text(effectiveDate), .real(mfnPct), .real(preferentialPct)]
    }
}
