import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress bar on stderr for big files, drawn only when stderr is a terminal.
enum ProgressBar {
    /// Files smaller than this finish before a bar would help.
    static let threshold: Int64 = 8 << 20

    /// A callback that redraws the bar for `file`, or nil when no bar should be drawn.
    static func forFile(_ file: String) -> (@Sendable (Int64, Int64) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return { done, total in
            guard total >= threshold else { return }
            let fraction = min(1, Double(done) / Double(max(total, 1)))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let line = "\r\(name) [\(bar)] \(Int(fraction * 100))%" + (done >= total ? "\n" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
