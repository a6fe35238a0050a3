import CaravanCore
import Crypto
import Foundation

/// One file being imported: opened, its rows read one at a time and turned into records for the
/// store by its format's parser. Memory stays flat whatever the file's size.
public final class FileImport<Record: Sendable & Hashable> {
    /// The name the file is reported and recorded under.
    public let path: String
    public let format: ImportFormat
    /// The sources the records cite, by index; a figures file adds one per distinct source.
    public var sources: [SourceDraft] { parser.sources }
    public private(set) var summary: ImportSummary
    /// Called now and then with the bytes of the file read so far and its size on disk.
    public var progress: (@Sendable (Int64, Int64) -> Void)?
    /// What part of the file is taken, or what answer it is (a filter, an API call and its
    /// release): folded into the content digest, so that another part of the same file is new.
    public var selection: String?
    /// The most records the file's publisher hands out at once: a file holding that many is refused as cut off.
    public var recordLimit: Int?

    private let policy: InvalidRowPolicy
    private let size: Int64
    private let reader: Reader
    private let parser: any RowParser<Record>
    private var problems: [RowProblem] = []
    private var invalidRows = 0
    private var rejected: RejectedRows?
    private var derived: [Record] = []
    /// What to note about a record that is kept all the same: an HS code the nomenclature lacks.
    var flag: ((Record) -> String?)?
    private var nextDerived = 0

    private var finished = false

    private enum Reader {
        case csv(RecordReader, columns: [String: Int], width: Int)
        case json(JSONRecordReader)
    }

    init(opened: OpenedFile, format: ImportFormat, parser: any RowParser<Record>, policy: InvalidRowPolicy) throws(ImportError) {
        path = opened.name
        self.format = format
        self.parser = parser
        self.policy = policy
        size = opened.size
        summary = ImportSummary(file: opened.name, format: format)
        if opened.sniff.isJSON {
            reader = .json(JSONRecordReader(opened.cursor, file: opened.name))
        } else {
            let missing = format.requiredColumns.filter { !opened.sniff.header.contains($0) }
            guard missing.isEmpty else {
                throw .malformed(file: opened.name, line: 1, reason: "the \(format.rawValue) header lacks \(missing.joined(separator: ", "))")
            }
            let records = RecordReader(opened.cursor, file: opened.name, delimiter: opened.sniff.delimiter)
            _ = try records.next()
            records.passes = parser.lineFilter?.passes
            let columns = Dictionary(opened.sniff.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            reader = .csv(records, columns: columns, width: opened.sniff.header.count)
        }
    }

    /// The next record to store, or nil when the file is done. Throws when the file is broken or,
    /// under `.fail`, once it is read to the end with invalid rows.
    public func next() throws(ImportError) -> Staged<Record>? {
        while !finished {
            guard let outcome = try readRow() else {
                try finish()
                break
            }
            switch outcome {
            case .record(let record, let source):
                summary.rowsStored += 1
                if let flag, let note = flag(record) { summary.flagged[note, default: 0] += 1 }
                if invalidRows == 0 || policy != .fail { return Staged(record, line: line, source: source) }
            case .skipped(let reason):
                summary.skipped[reason, default: 0] += 1
            case .invalid(let fieldProblems):
                try reject(fieldProblems)
            }
        }
        guard nextDerived < derived.count else { return nil }
        nextDerived += 1
        summary.derived += 1
        return Staged(derived[nextDerived - 1], line: nil, source: 0)
    }

    private var line: Int {
        switch reader {
        case .csv(let records, _, _): records.line
        case .json(let objects): objects.line
        }
    }

    private var position: Int64 {
        switch reader {
        case .csv(let records, _, _): records.position
        case .json(let objects): objects.position
        }
    }

    private func readRow() throws(ImportError) -> RowOutcome<Record>? {
        if summary.rowsRead % 8192 == 0, let progress { progress(position, size) }
        switch reader {
        case .csv(let records, let columns, let width):
            guard try records.next() else { return nil }
            summary.rowsRead += 1
            if records.count != width {
                return .invalid([FieldProblem("row", "\(records.count) fields; the header has \(width)")])
            }
            if let (field, reason) = records.fieldNotText() {
                let name = columns.first { $0.value == field }?.key ?? "column \(field + 1)"
                return .invalid([FieldProblem(name, reason)])
            }
            return parser.parse(records, fields: CSVFields(reader: records, columns: columns), line: records.line)
        case .json(let objects):
            guard let object = try objects.next() else { return nil }
            summary.rowsRead += 1
            return parser.parse(object: JSONFields(object: object))
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
        case .csv(let records, _, _):
            summary.digest = records.digest()
            if records.passedOver > 0, let reason = parser.lineFilter?.reason {
                summary.rowsRead += records.passedOver
                summary.skipped[reason, default: 0] += records.passedOver
            }
        case .json(let objects): summary.digest = objects.digest()
        }
        if let selection, let digest = summary.digest {
            summary.digest = SHA256.hash(data: Data((digest + "\n" + selection).utf8)).map { String(format: "%02x", $0) }.joined()
        }
        rejected = nil
        if let recordLimit, summary.rowsRead >= recordLimit { throw .capped(file: path, records: summary.rowsRead) }
        if invalidRows > 0 && policy == .fail {
            throw .invalidRows(file: path, problems: problems, count: invalidRows)
        }
        if summary.rowsRead == 0 { throw .empty(file: path) }
        derived = parser.derived()
        // A batch of nothing would read as "fetched, nothing to say"; nothing is recorded instead.
        if summary.rowsStored == 0 && derived.isEmpty && summary.rejected == 0 {
            throw .nothingTaken(file: path, rows: summary.rowsRead, reasons: summary.skipped)
        }
    }
}

extension FileImport where Record == TradeObservation {
    /// Opens a file of trade statistics or figures; the format is detected unless given.
    public convenience init(
        path location: String, name: String? = nil, format requested: ImportFormat? = nil, tables: ReferenceTables,
        policy: InvalidRowPolicy = .fail
    ) throws(ImportError) {
        try self.init(opened: try OpenedFile(location, name: name), format: requested, tables: tables, policy: policy, pairs: nil)
    }

    /// Opens one member of a ZIP archive, read as it inflates; with `pairs`, a BACI member's rows
    /// of those pairs only (either way round, by ISO alpha-3 code).
    public convenience init(
        member: ZipArchive.Member, of archive: ZipArchive, name: String, format requested: ImportFormat? = nil, tables: ReferenceTables,
        policy: InvalidRowPolicy = .fail, pairs: [(String, String)]? = nil
    ) throws(ImportError) {
        let opened = try OpenedFile(member: member, of: archive, name: name)
        try self.init(opened: opened, format: requested, tables: tables, policy: policy, pairs: pairs)
    }

    private convenience init(
        opened: OpenedFile, format requested: ImportFormat?, tables: ReferenceTables, policy: InvalidRowPolicy, pairs: [(String, String)]?
    ) throws(ImportError) {
        let format = try ImportFormat.detect(opened.sniff, requested: requested, file: opened.name)
        if pairs != nil && format != .baci {
            throw .unknownFormat(file: opened.name, reason: "a \(format.rawValue) file is not filtered by pairs; only BACI files are")
        }
        let parser: any RowParser<TradeObservation>
        switch format {
        case .comtrade: parser = ComtradeParser(tables: tables, file: opened.name)
        case .comtradeLegacy: parser = LegacyComtradeParser(tables: tables, file: opened.name)
        case .baci: parser = BACIParser(tables: tables, file: opened.name, pairs: pairs)
        case .figures: parser = FiguresParser(tables: tables)
        case .flows, .network, .dossier, .tariffs, .groups, .relations:
            throw .unknownFormat(file: opened.name, reason: "a \(format.rawValue) file holds no trade figures")
        }
        try self.init(opened: opened, format: format, parser: parser, policy: policy)
        if let nomenclature = tables.nomenclature {
            // Kept, since older editions' codes are real trade, but counted so the summary says so.
            var last = ("", false)
            flag = { observation in
                let code = observation.commodity
                guard code.first?.isNumber == true else { return nil }
                if code != last.0 { last = (code, nomenclature.contains(code)) }
                return last.1 ? nil : code
            }
        }
    }
}

extension FileImport where Record == TradeObservation {
    /// Flags product codes `codes` lacks, instead of those HS 2022 lacks: for a file that brings its own code list.
    public func flagCodes(notIn codes: Set<String>, listed list: String) {
        summary.flaggedAgainst = list
        flag = { observation in
            let code = observation.commodity
            return code.first?.isNumber == true && !codes.contains(code) ? code : nil
        }
    }
}

/// A file opened for reading: its name, what its start says, and a cursor over its bytes.
struct OpenedFile {
    let name: String
    let sniff: FileSniff
    let cursor: ByteCursor
    let size: Int64

    init(_ location: String, name: String?) throws(ImportError) {
        self.name = name ?? location
        sniff = try FileSniff(path: location, name: self.name)
        let file = try FileInput(path: location, name: self.name)
        cursor = ByteCursor(sniff.isGzip ? try GzipInput(file, file: self.name) : file)
        size = file.size
    }

    init(member: ZipArchive.Member, of archive: ZipArchive, name: String) throws(ImportError) {
        self.name = name
        sniff = try FileSniff(try archive.input(member), name: name)
        cursor = ByteCursor(try archive.input(member))
        size = member.compressedSize
    }
}
