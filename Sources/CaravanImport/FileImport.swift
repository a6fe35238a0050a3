import CaravanCore

/// One file being imported: opened, its format recognised, its rows read one at a time and
/// turned into figures for the store. Memory stays flat whatever the file's size.
public final class FileImport {
    /// The name the file is reported and recorded under.
    public let path: String
    public let format: ImportFormat
    /// The sources the figures cite, by index; a figures file adds one per distinct source.
    public var sources: [SourceDraft] {
        if case .figures(let parser) = parser { return parser.sources }
        return [fileSource]
    }
    public private(set) var summary: ImportSummary
    /// Called now and then with the bytes of the file read so far and its size on disk.
    public var progress: (@Sendable (Int64, Int64) -> Void)?

    private let policy: InvalidRowPolicy
    private let size: Int64
    private let fileSource: SourceDraft
    private let reader: Reader
    private let parser: Parser
    private var problems: [RowProblem] = []
    private var invalidRows = 0
    private var rejected: RejectedRows?
    private var derived: [TradeObservation] = []
    private var nextDerived = 0
    private var finished = false

    private enum Reader {
        case csv(RecordReader, columns: [String: Int], width: Int)
        case json(JSONRecordReader)
    }

    private enum Parser {
        case comtrade(ComtradeParser)
        case legacy(LegacyComtradeParser)
        case baci(BACIParser)
        case figures(FiguresParser)
    }

    /// Opens `path` and reads its header; the format is detected unless given.
    public init(
        path location: String, name: String? = nil, format requested: ImportFormat? = nil, tables: ReferenceTables,
        policy: InvalidRowPolicy = .fail
    ) throws(ImportError) {
        let path = name ?? location
        let sniff = try FileSniff(path: location, name: path)
        let file = try FileInput(path: location, name: path)
        let cursor = ByteCursor(sniff.isGzip ? try GzipInput(file, file: path) : file)
        let format: ImportFormat
        if sniff.isJSON {
            guard requested == nil || requested == .comtrade else {
                throw .unknownFormat(file: path, reason: "the file is JSON, which only --format comtrade reads")
            }
            format = .comtrade
            reader = .json(JSONRecordReader(cursor, file: path))
        } else {
            guard let detected = requested ?? ImportFormat.detect(header: sniff.header) else {
                throw .unknownFormat(
                    file: path,
                    reason: "the header '\(sniff.header.prefix(6).joined(separator: ","))…' is none of "
                        + ImportFormat.allCases.map(\.rawValue).joined(separator: ", ") + " (see docs/formats.md)")
            }
            let missing = detected.requiredColumns.filter { !sniff.header.contains($0) }
            guard missing.isEmpty else {
                throw .malformed(file: path, line: 1, reason: "the \(detected.rawValue) header lacks \(missing.joined(separator: ", "))")
            }
            format = detected
            let records = RecordReader(cursor, file: path, delimiter: sniff.delimiter)
            _ = try records.next()
            let columns = Dictionary(sniff.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            reader = .csv(records, columns: columns, width: sniff.header.count)
        }
        self.path = path
        self.format = format
        self.policy = policy
        size = file.size
        summary = ImportSummary(file: path, format: format)
        switch format {
        case .comtrade:
            parser = .comtrade(ComtradeParser(tables: tables))
            fileSource = ComtradeParser.source(file: path)
        case .comtradeLegacy:
            parser = .legacy(LegacyComtradeParser(tables: tables))
            fileSource = LegacyComtradeParser.source(file: path)
        case .baci:
            parser = .baci(BACIParser(tables: tables))
            fileSource = BACIParser.source(file: path)
        case .figures:
            parser = .figures(FiguresParser(tables: tables))
            fileSource = SourceDraft(kind: .figures, provider: "")
        }
    }

    /// The next figure to store, or nil when the file is done. Throws when the file is broken or,
    /// under `.fail`, once it is read to the end with invalid rows.
    public func next() throws(ImportError) -> StagedObservation? {
        while !finished {
            guard let outcome = try readRow() else {
                try finish()
                break
            }
            switch outcome {
            case .observation(let observation, let source):
                summary.rowsStored += 1
                if invalidRows == 0 || policy != .fail { return StagedObservation(observation, line: line, source: source) }
            case .skipped(let reason):
                summary.skipped[reason, default: 0] += 1
            case .invalid(let fieldProblems):
                try reject(fieldProblems)
            }
        }
        guard nextDerived < derived.count else { return nil }
        nextDerived += 1
        summary.derived += 1
        return StagedObservation(derived[nextDerived - 1], line: nil, source: 0)
    }

    private var line: Int {
        switch reader {
        case .csv(let records, _, _): records.line
        case .json(let objects): objects.line
        }
    }

    private func readRow() throws(ImportError) -> RowOutcome? {
        if summary.rowsRead % 8192 == 0, let progress { progress(position, size) }
        switch reader {
        case .csv(let records, let columns, let width):
            guard try records.next() else { return nil }
            summary.rowsRead += 1
            if records.count != width {
                return .invalid([FieldProblem("row", "\(records.count) fields; the header has \(width)")])
            }
            let fields = CSVFields(reader: records, columns: columns)
            switch parser {
            case .comtrade(let p): return p.parse(fields)
            case .legacy(let p): return p.parse(fields)
            case .baci(let p): return p.parse(records)
            case .figures(let p): return p.parse(fields, line: records.line)
            }
        case .json(let objects):
            guard let object = try objects.next() else { return nil }
            summary.rowsRead += 1
            guard case .comtrade(let p) = parser else { return nil }
            return p.parse(JSONFields(object: object))
        }
    }

    private var position: Int64 {
        switch reader {
        case .csv(let records, _, _): records.position
        case .json(let objects): objects.position
        }
    }

    private func reject(_ fieldProblems: [FieldProblem]) throws(ImportError) {
        invalidRows += 1
        let rowProblems = fieldProblems.map { RowProblem(file: path, line: line, field: $0.field, reason: $0.reason) }
        switch policy {
        case .fail:
            problems.append(contentsOf: rowProblems.prefix(ImportError.listedProblems - problems.count))
        case .skip(let rejectedFile):
            if rejected == nil { rejected = try RejectedRows(path: rejectedFile) }
            let raw: String
            switch reader {
            case .csv(let records, _, _): raw = records.raw
            case .json: raw = "(JSON object)"
            }
            try rejected?.write(rowProblems, raw: raw)
            summary.rejected += 1
            summary.rejectedFile = rejectedFile
        }
    }

    private func finish() throws(ImportError) {
        finished = true
        progress?(size, size)
        switch reader {
        case .csv(let records, _, _): summary.digest = records.digest()
        case .json(let objects): summary.digest = objects.digest()
        }
        rejected = nil
        if invalidRows > 0 && policy == .fail {
            throw .invalidRows(file: path, problems: problems, count: invalidRows)
        }
        if summary.rowsRead == 0 { throw .empty(file: path) }
        if case .baci(let p) = parser { derived = p.pairTotals() }
    }
}
