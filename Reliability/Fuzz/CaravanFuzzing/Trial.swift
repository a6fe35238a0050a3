import CaravanCore
import CaravanImport
import CaravanPostgres
import CaravanSQLite
import CaravanService
import CaravanStore
import Foundation

/// What became of one input.
public enum Outcome: Sendable, Hashable {
    /// Imported (or read, for a period); the text says what kind of thing it was.
    case accepted(String)
    /// Refused with a message naming the file (and line and field, for rows).
    case rejected(String)
    /// Refused with an error a user could not act on: a finding.
    case unclear(String)

    /// The kind of outcome, with the file, numbers and quoted text left out, so inputs failing
    /// the same way share it.
    public var signature: String {
        let (kind, text): (String, String)
        switch self {
        case .accepted(let what): (kind, text) = ("accepted", what)
        case .rejected(let message): (kind, text) = ("rejected", message)
        case .unclear(let message): (kind, text) = ("unclear", message)
        }
        var shape = ""
        var quoted = false
        // After the file's name, where there is one.
        for character in text.contains(":") ? text.drop(while: { $0 != ":" }) : Substring(text) {
            if character == "'" { quoted.toggle() }
            if !quoted && (character.isLetter || character == " " || character == ":") { shape.append(character) }
            if shape.count == 48 { break }
        }
        return kind + " " + shape
    }
}

/// Runs inputs the way `caravan import` does, on a store of its own that holds the bundled
/// network, so flows and dossiers have elements to name.
public struct Trial: Sendable {
    public let workspace: Workspace
    let directory: URL

    /// A trial on a new SQLite file in `directory`, or on the PostgreSQL database at `postgres`
    /// (migrated here; what earlier trials stored stays).
    public init(directory: URL, postgres: String? = nil) async throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let postgres {
            _ = try await PostgresLedgerStore.migrate(url: postgres)
            workspace = Workspace(store: try await PostgresLedgerStore.open(url: postgres))
        } else {
            let path = directory.appendingPathComponent("fuzz.sqlite").path
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            workspace = Workspace(store: try SQLiteLedgerStore(path: path))
        }
        _ = try await workspace.importBundledData()
    }

    /// Where an input for `target` is written before it is imported; after a crash, the culprit.
    public func inputPath(for target: FuzzTarget) -> String {
        directory.appendingPathComponent(target.fileName.isEmpty ? "period.txt" : target.fileName).path
    }

    /// What one input came to, and how long its import and the reads after it took.
    public struct Result: Sendable {
        public var outcome: Outcome
        public var importSeconds = 0.0
        public var readSeconds = 0.0
    }

    /// Imports (or, for the period syntax, parses) `input`; an input accepted is followed by every
    /// read of what it stored.
    /// `imported` is called between the import and the reads: the reads grow with the store, and
    /// are timed apart from the import, whose time alone is judged.
    public func run(_ input: [UInt8], as target: FuzzTarget, imported: @Sendable () -> Void = {}) async -> Result {
        let path = inputPath(for: target)
        FileManager.default.createFile(atPath: path, contents: Data(input))
        guard !target.fileName.isEmpty else { return Result(outcome: Self.period(String(decoding: input, as: UTF8.self))) }
        let clock = ContinuousClock()
        let start = clock.now
        let receipt: ImportReceipt
        do {
            receipt = try await workspace.importFile(path, as: target.fileName).receipt
        } catch let error as ImportError {
            return Result(outcome: Self.judge(error, file: target.fileName), importSeconds: (clock.now - start).seconds)
        } catch {
            return Result(outcome: .unclear("\(type(of: error)): \(error)"), importSeconds: (clock.now - start).seconds)
        }
        let done = clock.now
        imported()
        var result = Result(outcome: .accepted(""), importSeconds: (done - start).seconds)
        if let finding = await Reads(workspace: workspace).after(importing: path, as: target) {
            result.outcome = .unclear("read: \(finding)")
        } else {
            switch receipt {
            case .stored(let batch): result.outcome = .accepted("stored \(batch.format)")
            case .alreadyImported: result.outcome = .accepted("already imported")
            case .restored: result.outcome = .accepted("stored again (restored)")
            }
        }
        result.readSeconds = (clock.now - done).seconds
        return result
    }

    /// Clear: the message names the file, each row problem its line and field, and nothing of
    /// the database or the language leaks through.
    static func judge(_ error: ImportError, file: String) -> Outcome {
        let message = error.description
        let leaks = ["SQLite error", "GRDB", "DatabaseError", "Swift.", "Foundation.", "Error Domain", "Optional("]
        if !message.hasPrefix(file) || leaks.contains(where: message.contains) { return .unclear(message) }
        if case .invalidRows(_, let problems, _) = error,
            problems.isEmpty || problems.contains(where: { $0.line < 1 || $0.field.isEmpty || $0.reason.isEmpty })
        {
            return .unclear(message)
        }
        return .rejected(message.split(separator: "\n").first.map(String.init) ?? message)
    }

    static func period(_ text: String) -> Outcome {
        do throws(PeriodError) {
            let period = try Period(parsing: text)
            return .accepted("\(period.grain) \(period.calendar)")
        } catch {
            return error.reason.isEmpty ? .unclear(error.description) : .rejected(error.reason)
        }
    }
}
