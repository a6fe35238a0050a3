import Foundation

/// The file `--skip-invalid` writes: each rejected row with its line, field and reason, as CSV.
final class RejectedRows {
    private let handle: FileHandle
    private let path: String

    init(path: String) throws(ImportError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: Data("line,field,reason,row\n".utf8)),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw .unreadable(file: path, reason: "cannot write the rejected-rows file") }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    deinit { try? handle.close() }

    func write(_ problems: [RowProblem], raw: String) throws(ImportError) {
        let lines = problems.map { problem in
            [String(problem.line), problem.field, problem.reason, raw].map(Self.quoted).joined(separator: ",") + "\n"
        }
        do { try handle.write(contentsOf: Data(lines.joined().utf8)) } catch {
            throw .unreadable(file: path, reason: "cannot write the rejected-rows file: \(error)")
        }
    }

    private static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
