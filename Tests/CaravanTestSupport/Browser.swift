import Foundation

/// Headless Chromium, for tests that open the pages Caravan writes and serves. `scripts/setup`
/// installs it; with `CARAVAN_REQUIRE_TOOLS=1` (as `scripts/test` sets) its absence fails the tests
/// that need it instead of skipping them.
public enum Browser {
    /// The browser's path, if one is installed.
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Whether the browser tests should run: a browser is there, or one is required.
    public static var available: Bool { path != nil || Tools.required }

    /// Where screenshots are kept after the tests: `.build/artifacts` in the package.
    public static let artifacts: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent(".build/artifacts")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// The document a page becomes once the browser has loaded it.
    public static func dom(of url: URL) throws -> String {
        try run(["--dump-dom", url.absoluteString]).stdout
    }

    /// A screenshot of a page, kept under `artifacts` as `name`.
    @discardableResult
    public static func screenshot(of url: URL, name: String, width: Int = 1200, height: Int = 3000) throws -> URL {
        let file = artifacts.appendingPathComponent(name)
        _ = try run(["--window-size=\(width),\(height)", "--screenshot=\(file.path)", url.absoluteString])
        return file
    }

    /// A page as the browser loaded it: its document and what it wrote to the console.
    public struct Page: Sendable {
        public let dom: String
        /// Console messages, errors among them ("Uncaught ReferenceError: …").
        public let console: [String]
    }

    /// Loads a page off the caller's thread, so a server in the same process can answer it.
    public static func load(_ url: URL) async throws -> Page {
        let result = try await Command.detached { try run(["--enable-logging=stderr", "--v=0", "--dump-dom", url.absoluteString]) }
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Page(dom: result.stdout, console: console)
    }

    /// A screenshot taken off the caller's thread, kept under `artifacts` as `name`.
    @discardableResult
    public static func screenshot(of url: URL, name: String, width: Int = 1200, height: Int = 3000) async throws -> URL {
        try await Command.detached { try screenshot(of: url, name: name, width: width, height: height) }
    }

    static func run(_ arguments: [String]) throws -> Command {
        guard let path else { throw BrowserMissing() }
        // A page that opens a dialog (a script smuggled in calling alert) never finishes loading: the browser is then killed.
        return try Command.run(path, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] + arguments, timeout: 60)
    }

    struct BrowserMissing: Error, CustomStringConvertible {
        var description: String { "no Chromium found: run scripts/setup, which installs Debian's chromium" }
    }
}
