import ArgumentParser
import CaravanFuzzing
import Foundation

@main
struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caravan-fuzz",
        abstract: "Feed every importer mutated copies of real files: no crash, no hang, every refusal a clear error.",
        discussion: """
            Each input is imported the way `caravan import` does it, into a SQLite store of the target's own in \
            --work (or the --postgres database) that holds the bundled data. An input is clear when refused with a message that names the file \
            (and for rows the line and field) and leaks nothing of the database or the language. Inputs with an \
            outcome not seen before go to --corpus, which the regression tests replay. Exits 1 on an unclear \
            refusal or a slow input, 3 on an input running over --hang-seconds (kept in --work). \
            See docs/reliability.md.
            """)

    @Argument(help: "The targets (default: all): \(FuzzTarget.all.map(\.name).joined(separator: ", ")).")
    var targets: [String] = []

    @Option(help: "How many inputs each target gets, its seeds included.")
    var runs = 100_000

    @Option(help: "The random seed: the same seed gives the same inputs.")
    var seed: UInt64 = 1

    @Option(help: "The folder of seed files, one subfolder a target.")
    var seeds = "Reliability/Fuzz/Seeds"

    @Option(help: "Where inputs with new outcomes are kept, one subfolder a target (default: nowhere).")
    var corpus: String?

    @Option(help: "Scratch space for stores and the input under test (default: a folder in /dev/shm or the temporary directory).")
    var work: String?

    @Option(help: "Import into this PostgreSQL database (migrated first) instead of a SQLite file a target.")
    var postgres: String?

    @Option(help: "An input slower than this many seconds is a finding.")
    var slowSeconds = 1.0

    @Option(help: "An input running longer than this many seconds stops the run.")
    var hangSeconds = 10.0

    func run() async throws {
        let chosen =
            try targets.isEmpty
            ? FuzzTarget.all
            : targets.map { name in
                guard let target = FuzzTarget.named(name) else { throw ValidationError("unknown target '\(name)'") }
                return target
            }
        let shm = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let work = URL(fileURLWithPath: work ?? "\(shm)/caravan-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        var failed = false
        say("target          inputs   accepted   rejected  unclear  slow  slowest_ms  reads_ms  outcomes  kept  inputs/s")
        for target in chosen {
            let trial = try await Trial(directory: work.appendingPathComponent(target.name), postgres: postgres)
            let watchdog = Watchdog(limit: .seconds(hangSeconds), hangFile: work.appendingPathComponent("hang-\(target.name)").path)
            var campaign = Campaign(
                target: target, seeds: try seedInputs(target), runs: runs, seed: seed, corpus: corpus.map(URL.init(fileURLWithPath:)))
            campaign.slowSeconds = slowSeconds
            let report = await campaign.run(on: trial, watchdog: watchdog)
            say(line(target, report))
            for (message, input) in report.unclear.prefix(5) {
                failed = true
                let kept = work.appendingPathComponent("unclear-\(target.name)-\(abs(message.hashValue))").path
                FileManager.default.createFile(atPath: kept, contents: Data(input))
                say("  unclear (\(kept)): \(message.prefix(300))")
            }
            for (seconds, input) in report.slow.prefix(3) {
                failed = true
                let kept = work.appendingPathComponent("slow-\(target.name)-\(Int(seconds * 1000))ms").path
                FileManager.default.createFile(atPath: kept, contents: Data(input))
                say("  slow: \(Int(seconds * 1000)) ms (\(kept))")
            }
            try? FileManager.default.removeItem(at: work.appendingPathComponent(target.name))
        }
        if failed { throw ExitCode(1) }
    }

    /// Writes a line at once, unbuffered: a target's figures show as it finishes, even into a pipe.
    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    private func seedInputs(_ target: FuzzTarget) throws -> [[UInt8]] {
        let folder = URL(fileURLWithPath: seeds).appendingPathComponent(target.name)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        guard !names.isEmpty else { throw ValidationError("\(folder.path): no seed files") }
        return try names.map { [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    private func line(_ target: FuzzTarget, _ report: Campaign.Report) -> String {
        func pad(_ value: Any, _ width: Int) -> String { String(repeating: " ", count: max(0, width - "\(value)".count)) + "\(value)" }
        return target.name.padding(toLength: 14, withPad: " ", startingAt: 0)
            + pad(report.runs, 8) + pad(report.accepted, 11) + pad(report.rejected, 11) + pad(report.unclear.count, 9)
            + pad(report.slow.count, 6) + pad(Int(report.slowest * 1000), 12) + pad(Int(report.slowestReads * 1000), 10)
            + pad(report.outcomes, 10) + pad(report.kept, 6)
            + pad(Int(Double(report.runs) / max(report.seconds, 1e-9)), 10)
    }
}
