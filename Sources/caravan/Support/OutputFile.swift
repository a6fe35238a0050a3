import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file a command writes, such as the report: atomically to a regular file, so no reader sees
/// half of it; straight through to a device or a pipe (`/dev/null`, `/dev/stdout`), which the
/// atomic rename would replace; a symbolic link followed to what it names.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        if stat(resolved, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            guard (info.st_mode & S_IFMT) != S_IFDIR else { throw CommandFailure("\(path) is a folder; give a file name") }
            guard let handle = FileHandle(forWritingAtPath: resolved) else { throw CommandFailure("\(path): cannot be written") }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(text.utf8))
            return
        }
        let folder = URL(fileURLWithPath: resolved).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw CommandFailure("\(path): the folder \(folder) does not exist")
        }
        do { try text.write(toFile: resolved, atomically: true, encoding: .utf8) } catch {
            throw CommandFailure("\(path): cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}

/// A command that could not do its work, in a sentence: printed as `Error: …`, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
