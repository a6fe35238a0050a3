import Foundation

/// A directory of its own for one test, removed when the test is done with it.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    private var cleanups: [() -> Void] = []

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("caravan-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        for cleanup in cleanups { cleanup() }
        try? FileManager.default.removeItem(at: url)
    }

    /// Runs `cleanup` when the directory is removed: for what a test made outside it.
    public func onRemove(_ cleanup: @escaping () -> Void) { cleanups.append(cleanup) }

    /// The path of `name` inside the directory.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let path = path(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Writes raw bytes to `name` and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let path = path(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes `text` gzipped (by the system's gzip) to `name` and returns its path.
    @discardableResult
    public func writeGzip(_ name: String, _ text: String) throws -> String {
        let plain = write(name + ".plain", text)
        let result = try Command.run("/bin/sh", ["-c", "gzip -c '\(plain)' > '\(path(name))'"])
        precondition(result.status == 0, "gzip failed: \(result.stderr)")
        return path(name)
    }
}

/// A program run to its end, with what it printed.
public struct Command: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Runs `executable` with `arguments` and waits for it; past `timeout` seconds it is killed
    /// (status 9), so a program that hangs fails its test rather than stalling it. `input` is its
    /// standard input, when given.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil, timeout: Double = 600,
        input: Data? = nil
    )
        throws -> Command
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            // Written beside the reads below, so a program that answers before reading all of it cannot stall either side.
            DispatchQueue.global().async {
                try? stdin.fileHandleForWriting.write(contentsOf: input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        // Read both pipes before waiting, so a chatty program cannot fill one and stall.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Command(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A program started and left running while a test goes on: a process holding a lock, say.
public final class RunningCommand: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private var read = Data()

    init(_ executable: String, _ arguments: [String], directory: URL?) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits until the program prints a line holding `text`; what it printed so far.
    @discardableResult
    public func waitForLine(_ text: String) throws -> String {
        while !String(decoding: read, as: UTF8.self).contains(text) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw TestSetupError("the program ended without printing '\(text)'") }
            read.append(chunk)
        }
        return String(decoding: read, as: UTF8.self)
    }

    /// Waits for the program to end.
    public func wait() { process.waitUntilExit() }

    /// Ends the program. Not waited for: Foundation can miss the exit of a child whose
    /// descriptors another process shares, and the signal is what the test needs.
    public func stop() { kill(process.processIdentifier, SIGKILL) }

    deinit { if process.isRunning { process.terminate() } }
}

extension Command {
    /// Starts `executable` and returns while it runs.
    public static func start(_ executable: String, _ arguments: [String], directory: URL? = nil) throws -> RunningCommand {
        try RunningCommand(executable, arguments, directory: directory)
    }

    /// Runs blocking work on a thread of its own and waits for it without holding a thread of the
    /// cooperative pool, which a server under test in the same process needs.
    public static func detached<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// The programs some tests drive: with `CARAVAN_REQUIRE_TOOLS=1`, as `scripts/test` sets after
/// installing them, a missing one fails those tests instead of skipping them.
public enum Tools {
    public static var required: Bool { ProcessInfo.processInfo.environment["CARAVAN_REQUIRE_TOOLS"] == "1" }

    /// Whether Python has `module` (openapi_spec_validator, selenium, …).
    public static func python(has module: String) -> Bool {
        (try? Command.run("/usr/bin/env", ["python3", "-c", "import \(module)"]).status) == 0
    }
}
