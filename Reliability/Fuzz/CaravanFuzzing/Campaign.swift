import Crypto
import Foundation
import Synchronization

/// One target fuzzed for a number of inputs: mutations of its seeds and of the inputs that
/// behaved in a new way, each imported, timed and judged.
public struct Campaign {
    public let target: FuzzTarget
    public let seeds: [[UInt8]]
    public let runs: Int
    public let seed: UInt64
    /// Where inputs with a new outcome are kept (for the regression tests), if anywhere.
    public let corpus: URL?
    /// Inputs over this are slow: a finding.
    public var slowSeconds = 1.0
    /// At most this many corpus files a target, and none larger than `maxCorpusBytes`.
    public var maxCorpusFiles = 32
    public var maxCorpusBytes = 16_384

    public init(target: FuzzTarget, seeds: [[UInt8]], runs: Int, seed: UInt64, corpus: URL?) {
        self.target = target
        self.seeds = seeds
        self.runs = runs
        self.seed = seed
        self.corpus = corpus
    }

    /// What a campaign saw.
    public struct Report: Sendable {
        public var runs = 0
        public var accepted = 0
        public var rejected = 0
        public var unclear: [String: [UInt8]] = [:]
        public var slow: [(seconds: Double, input: [UInt8])] = []
        public var slowest = 0.0
        /// The longest the reads after one accepted input took together (not judged: they grow with the store).
        public var slowestReads = 0.0
        public var outcomes = 0
        public var kept = 0
        public var seconds = 0.0
    }

    /// Runs the campaign; `watchdog` is told when each input starts, so a hang can be caught.
    public func run(on trial: Trial, watchdog: Watchdog) async -> Report {
        var random = SplitMix64(seed: seed)
        var report = Report()
        var known = Set<String>()
        var pool = seeds
        let mutator = Mutator(maxLength: max(4_096, (seeds.map(\.count).max() ?? 0) * 2))
        let began = ContinuousClock.now
        for index in 0..<runs {
            // Seeds as they are first, then mutations of a seed or, as often, of an input that did something new.
            let base = Bool.random(using: &random) ? seeds.randomElement(using: &random)! : pool.randomElement(using: &random)!
            let input = index < seeds.count ? seeds[index] : mutator.mutate(base, splicing: pool.randomElement(using: &random)!, using: &random)
            watchdog.started(input)
            let result = await trial.run(input, as: target) { watchdog.finished() }
            // A refused input has no reads: the watchdog is stood down here too.
            watchdog.finished()
            let outcome = result.outcome
            let seconds = result.importSeconds
            report.runs += 1
            report.slowest = max(report.slowest, seconds)
            report.slowestReads = max(report.slowestReads, result.readSeconds)
            if seconds > slowSeconds { report.slow.append((seconds, input)) }
            switch outcome {
            case .accepted: report.accepted += 1
            case .rejected: report.rejected += 1
            case .unclear(let message): report.unclear[message] = report.unclear[message] ?? input
            }
            if known.insert(outcome.signature).inserted {
                pool.append(input)
                if keep(input) { report.kept += 1 }
            }
        }
        report.outcomes = known.count
        report.seconds = (ContinuousClock.now - began).seconds
        return report
    }

    /// Writes an input with a new outcome to the corpus, named by its digest.
    private func keep(_ input: [UInt8]) -> Bool {
        guard let corpus, input.count <= maxCorpusBytes else { return false }
        let folder = corpus.appendingPathComponent(target.name)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.count < maxCorpusFiles else { return false }
        let name = SHA256.hash(data: input).prefix(8).map { String(format: "%02x", $0) }.joined()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(input))
    }
}

/// Stops the process when one input runs too long, leaving the input where the script finds it.
public final class Watchdog: Sendable {
    private let current = Mutex<(start: ContinuousClock.Instant, input: [UInt8])?>(nil)
    let limit: Duration
    let hangFile: String

    public init(limit: Duration, hangFile: String) {
        self.limit = limit
        self.hangFile = hangFile
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                guard let (start, input) = current.withLock({ $0 }), ContinuousClock.now - start > limit else { continue }
                FileManager.default.createFile(atPath: hangFile, contents: Data(input))
                FileHandle.standardError.write(Data("hang: one input ran over \(limit); kept at \(hangFile)\n".utf8))
                exit(3)
            }
        }
    }

    func started(_ input: [UInt8]) { current.withLock { $0 = (ContinuousClock.now, input) } }
    func finished() { current.withLock { $0 = nil } }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
