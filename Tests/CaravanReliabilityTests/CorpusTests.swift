import CaravanFuzzing
import CaravanImport
import CaravanTestSupport
import Foundation
import Testing

/// The inputs the fuzzer found behaving in new ways, replayed: each is imported or refused with
/// a clear message, in good time, and a refusal stores nothing.
@Suite("The fuzzing corpus, replayed")
struct CorpusTests {
    static let corpus = Bundle.module.resourceURL!.appendingPathComponent("Corpus")

    static var targets: [FuzzTarget] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return FuzzTarget.all.filter { folders.contains($0.name) }
    }

    @Test("the corpus is there, a folder for every target")
    func present() {
        #expect(Self.targets.map(\.name) == FuzzTarget.all.map(\.name), "the corpus folder \(Self.corpus.path) lacks targets")
    }

    @Test("every input is imported or clearly refused", arguments: targets)
    func replay(_ target: FuzzTarget) async throws {
        let directory = TemporaryDirectory()
        let trial = try await Trial(directory: directory.url)
        let folder = Self.corpus.appendingPathComponent(target.name)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5, "a corpus of \(names.count) inputs for \(target.name)")
        let before = try await trial.workspace.batches().count
        var stored = 0
        for name in names {
            let input = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let outcome = await trial.run(input, as: target).outcome
            if case .unclear(let message) = outcome { Issue.record("\(target.name)/\(name): \(message)") }
            if case .accepted(let kind) = outcome, kind.hasPrefix("stored") { stored += 1 }
        }
        #expect(try await trial.workspace.batches().count == before + stored, "a refused input left something stored")
    }
}

extension FuzzTarget: CustomTestStringConvertible {
    public var testDescription: String { name }
}

/// The inputs libFuzzer kept for reaching new code in the byte-level readers
/// (Reliability/Fuzz/readers.sh), replayed without the sanitizer: each is read or refused, and
/// none traps — a trap ends the test run.
@Suite("The readers' corpus, replayed")
struct ReaderCorpusTests {
    static let corpus = Bundle.module.resourceURL!.appendingPathComponent("ReaderCorpus")

    @Test("every input of every reader comes back", arguments: ReaderTrials.Reader.allCases)
    func replay(_ reader: ReaderTrials.Reader) throws {
        let folder = Self.corpus.appendingPathComponent(reader.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count >= 20, "a corpus of \(names.count) inputs for \(reader.rawValue)")
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            data.withUnsafeBytes { ReaderTrials.run(reader, $0) }
        }
    }
}
