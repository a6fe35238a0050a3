import CaravanCore
import CaravanNetwork

/// A kind of record stored row by row with its source, one file a batch: freight flows, tariff
/// schedule entries. Each store writes the columns in its own SQL.
package protocol SourcedRow: Sendable, Hashable {
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
package enum ColumnValue: Sendable {
    case text(String?)
    case real(Double?)
}

extension FreightFlow: SourcedRow {
    package static let table = "freight_flow"
    package static let format = "flows"
    package static let columns = ["element", "period", "direction", "tonnes", "note"]
    package static let noun = "flow"
    package var columnValues: [ColumnValue] { [.text(element), .text(period.description), .text(direction.rawValue), .real(tonnes), .text(note)] }
}

extension RelativeFigure: SourcedRow {
    package static let table = "relative_figure"
    package static let format = "relations"
    package static let columns = ["reporter", "partner", "flow", "commodity", "period", "versus", "ratio", "stated", "note"]
    package static let noun = "relative figure"
    package var columnValues: [ColumnValue] {
        [
            .text(reporter), .text(partner), .text(flow.rawValue), .text(commodity), .text(period.description), .text(versus.description),
            .real(ratio), .text(stated.rawValue), .text(note),
        ]
    }
}

extension TariffLine: SourcedRow {
    package static let table = "tariff_line"
    package static let format = "tariffs"
    package static let columns = ["reporter", "regime", "hs_code", "effective_from", "mfn_rate_pct", "preferential_rate_pct"]
    package static let noun = "tariff entry"
    package var columnValues: [ColumnValue] {
        [.text(reporter), .text(regime), .text(code), .text(effectiveDate), .real(mfnPct), .real(preferentialPct)]
    }
}
