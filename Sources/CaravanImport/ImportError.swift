import CaravanCore

/// A row that could not be read: where it is, which field, and why.
public struct RowProblem: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let field: String
    public let reason: String

    public init(file: String, line: Int, field: String, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// `FILE:LINE: FIELD: reason`, at most `ImportError.longestLine` characters.
    public var description: String { "\(file):\(line): \(field): \(reason)".clipped(to: ImportError.longestLine) }
}

/// Why a file could not be imported. Nothing of it is stored.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file holds nothing to import.
    case empty(file: String)
    /// The file is not in a format Caravan reads.
    case unknownFormat(file: String, reason: String)
    /// The file's structure is broken: a truncated gzip stream, an unterminated quote, bad JSON.
    case malformed(file: String, line: Int?, reason: String)
    /// Rows failed validation; the first problems and how many rows in all.
    case invalidRows(file: String, problems: [RowProblem], count: Int)
    /// A document (a network, a dossier) failed validation; each problem names its path (`$.links[3].to`).
    case invalidDocument(file: String, problems: [String])
    /// The file holds as many records as its publisher hands out at once, so it may be cut off.
    case capped(file: String, records: Int)
    /// Every row was passed over (another pair's, a breakdown): the file has nothing to store.
    case nothingTaken(file: String, rows: Int, reasons: [String: Int])

    /// How many row problems a message lists.
    public static let listedProblems = 20
    /// The most characters a line of a message runs to: a problem quotes what it found, and what
    /// it found may be a whole file.
    public static let longestLine = 400

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the file: \(reason)".clipped(to: Self.longestLine)
        case .empty(let file): "\(file): the file holds no rows: there is nothing to import"
        case .unknownFormat(let file, let reason): "\(file): unknown format: \(reason)".clipped(to: Self.longestLine)
        case .malformed(let file, let line, let reason): "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)".clipped(to: Self.longestLine)
        case .invalidDocument(let file, let problems):
            (problems.prefix(Self.listedProblems).map { "\(file): \($0)".clipped(to: Self.longestLine) }
                + [
                    problems.count > Self.listedProblems ? "… and \(problems.count - Self.listedProblems) more problems" : nil,
                    "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was stored",
                ].compactMap { $0 }).joined(separator: "\n")
        case .capped(let file, let records):
            "\(file): holds \(NumberText.grouped(Double(records))) records, the most one answer gives, so it may be cut off; nothing was stored"
                .clipped(to: Self.longestLine)
        case .nothingTaken(let file, let rows, let reasons):
            ("\(file): none of its \(NumberText.grouped(Double(rows))) rows is a figure to store ("
                + reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key): \(NumberText.grouped(Double($0.value)))" }
                .joined(separator: "; ") + "); nothing was stored").clipped(to: Self.longestLine)
        case .invalidRows(let file, let problems, let count):
            (problems.map(\.description)
                + [
                    count > problems.count ? "… and \(count - problems.count) more invalid rows" : nil,
                    "\(file): \(count) invalid row\(count == 1 ? "" : "s"); nothing was stored",
                ].compactMap { $0 }).joined(separator: "\n")
        }
    }
}

extension String {
    /// The text cut to `limit` characters, an ellipsis marking the cut.
    func clipped(to limit: Int) -> String {
        count <= limit ? self : String(prefix(limit - 1)) + "…"
    }
}
