import CaravanCore
import CaravanService
import Foundation

/// How a command writes its answer.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, md

    /// Writes `value` as JSON, or its table in the chosen style.
    public func render<Value: Encodable & Tabular>(_ value: Value) throws -> String {
        switch self {
        case .json: try JSONOutput.string(value)
        case .table: value.table.rendered(.text)
        case .csv: value.table.rendered(.csv)
        case .md: value.table.rendered(.markdown)
        }
    }

    /// Writes `value` as JSON, or its sections, each a title, a line and a table.
    public func render<Value: Encodable & Sectioned>(sections value: Value) throws -> String {
        switch self {
        case .json: return try JSONOutput.string(value)
        case .csv: return value.sections.first?.table.rendered(.csv) ?? ""
        case .table, .md:
            return value.sections.map { section in
                let title = section.title.map { self == .md ? "### \($0)\n\n" : "\($0)\n\n" } ?? ""
                let lead = section.lead.map { "\($0)\n\n" } ?? ""
                return title + lead + section.table.rendered(self == .md ? .markdown : .text)
            }.joined(separator: "\n")
        }
    }
}

/// A result that can be shown as a table.
public protocol Tabular {
    var table: TextTable { get }
}

/// A result shown as several titled tables.
public protocol Sectioned {
    var sections: [TableSection] { get }
}

/// One titled table of a longer answer.
public struct TableSection: Sendable {
    public var title: String?
    public var lead: String?
    public var table: TextTable

    public init(title: String? = nil, lead: String? = nil, table: TextTable) {
        self.title = title
        self.lead = lead
        self.table = table
    }
}

/// The JSON every interface writes: stable key order, ISO 8601 dates.
public enum JSONOutput {
    public static func string(_ value: some Encodable) throws -> String {
        var bytes = try JSONWriter.bytes(value)
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Short forms of citations for table cells.
enum CitationText {
    /// `Tehran Times 2025-12-11 (iran-kazakhstan.csv:15)`, `Financial Tribune 2023-04-10, IRICA's figures (…)`.
    static func brief(_ citation: Citation) -> String {
        let file = citation.file.split(separator: "/").last.map(String.init) ?? citation.file
        let place = citation.line.map { "\(file):\($0)" } ?? file
        let share = citation.share.map { ", \(NumberText.fixed($0 * 100, decimals: 0))% of \(citation.period)" } ?? ""
        let compiler = citation.compiler.map { ", \($0)'s figures" } ?? ""
        let status = citation.status == .outturn ? "" : ", \(citation.status.words)"
        return "\(citation.provider)\(citation.published.map { " \($0)" } ?? "")\(compiler) (\(place)\(share)\(status); \(citation.precedence.words))"
    }

    static func list(_ citations: [Citation]) -> String {
        var seen = Set<String>()
        return citations.map(brief).filter { seen.insert($0).inserted }.joined(separator: "; ")
    }
}
