import CaravanTestSupport
import Foundation
import Testing

/// One line of the README's "Use" block: the `caravan` commands it stands for, or why it is not run.
struct ReadmeExample: CustomStringConvertible {
    let line: String
    /// Each command the line stands for, without `caravan`: `a | b` gives both, `[--x 1]` gives the
    /// command without and with it.
    let commands: [[String]]
    /// What the line says it needs that a test cannot count on (`needs files`, `needs the network`,
    /// `needs a PostgreSQL server`), or that it is not a `caravan` command.
    let notRun: String?

    var description: String { line }

    /// The examples of the README's first shell block under "## Use".
    static func all(in readme: String) throws -> [ReadmeExample] {
        guard let use = readme.range(of: "\n## Use\n"), let open = readme.range(of: "```sh\n", range: use.upperBound..<readme.endIndex),
            let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
        else { throw TestSetupError("README.md has no ```sh block under ## Use") }
        return readme[open.upperBound..<close.lowerBound].split(separator: "\n").map { ReadmeExample(String($0)) }
    }

    init(_ line: String) {
        self.line = line
        let (words, comment) = Self.words(line)
        if words.first != "caravan" {
            commands = []
            notRun = "not a caravan command"
        } else if let needs = comment?.range(of: #"^needs [^:;,]+"#, options: .regularExpression) {
            commands = []
            notRun = String(comment![needs])
        } else {
            commands = Self.expanded(Array(words.dropFirst()))
            notRun = nil
        }
    }

    /// The line's words, as a shell splits them (double quotes kept together), and its comment.
    private static func words(_ line: String) -> (words: [String], comment: String?) {
        var words: [String] = []
        var word = ""
        var quoted = false
        var started = false
        for (index, character) in zip(line.indices, line) {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == "#" && !quoted && word.isEmpty {
                return (words, line[line.index(after: index)...].trimmingCharacters(in: .whitespaces))
            } else if character == " " && !quoted {
                if started { words.append(word) }
                (word, started) = ("", false)
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return (words, nil)
    }

    /// `targets | claims` as two commands; `capacity … [--year 2028]` as the command without and with the option.
    private static func expanded(_ words: [String]) -> [[String]] {
        if let bar = words.firstIndex(of: "|") {
            let head = Array(words[..<(bar - 1)])
            return ([words[bar - 1]] + words[bar...].filter { $0 != "|" }).map { head + [$0] }
        }
        guard words.contains(where: { $0.hasPrefix("[") }) else { return [words] }
        let without = words.reduce(into: (kept: [String](), inside: false)) { state, word in
            if word.hasPrefix("[") { state.inside = true }
            if !state.inside { state.kept.append(word) }
            if word.hasSuffix("]") { state.inside = false }
        }.kept
        let with = words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
        return [without, with]
    }
}

@Suite("The README's examples")
struct ReadmeExamplesTests {
    @Test("the README's lines are read as a reader would type them")
    func reading() {
        #expect(
            ReadmeExample(#"caravan route --from "Bandar Abbas (Shahid Rajaee)" --to x   # by time"#).commands == [
                ["route", "--from", "Bandar Abbas (Shahid Rajaee)", "--to", "x"]
            ])
        #expect(ReadmeExample("caravan targets | claims   # each").commands == [["targets"], ["claims"]])
        #expect(
            ReadmeExample("caravan capacity --from a [--year 2028]").commands == [
                ["capacity", "--from", "a"], ["capacity", "--from", "a", "--year", "2028"],
            ])
        #expect(ReadmeExample("caravan fetch comtrade   # needs the network: both sides").notRun == "needs the network")
        #expect(ReadmeExample("swift build -c release").notRun == "not a caravan command")
    }

    @Test("every example answers on the demo's database, run from the repository's root, but those marked as needing what a test lacks")
    func everyExampleAnswers() async throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = try ReadmeExample.all(in: readme)
        let cli = CLI()
        // The examples name bundled files as from the repository's root.
        try FileManager.default.createSymbolicLink(
            at: cli.directory.url.appendingPathComponent("Data"), withDestinationURL: CLI.repository.appendingPathComponent("Data"))
        // Each command runs on a thread of its own: minutes of waiting on processes would starve the
        // cooperative pool that in-process servers of other suites answer on.
        let demo = try await Command.detached { [cli] in try cli.run("demo") }
        try #require(demo.status == 0, "\(demo.stderr)")
        var ran = 0
        for example in examples where example.notRun == nil {
            for command in example.commands {
                if command.first == "serve" {
                    try await answersAsServer(cli, example)
                    ran += 1
                    break
                }
                let answer = try await Command.detached { [cli] in try cli.run(command) }
                #expect(answer.status == 0, "caravan \(command.joined(separator: " ")): exit \(answer.status): \(answer.stderr)")
                #expect(
                    !answer.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "caravan \(command.joined(separator: " ")): no answer")
                ran += 1
            }
        }
        let skipped = examples.filter { $0.notRun != nil }
        print("README examples run: \(ran); not run, as marked:\n" + skipped.map { "  \($0.notRun!): \($0.line.prefix(90))" }.joined(separator: "\n"))
        #expect(ran >= 25, "only \(ran) examples ran")
        // The build line, two downloads, two fetches, products by HS code and the PostgreSQL migration.
        #expect(skipped.count <= 7, "\(skipped.map(\.line))")
    }

    /// `caravan serve` as the README starts it, on a port of its own: its dashboard answers.
    private func answersAsServer(_ cli: CLI, _ example: ReadmeExample) async throws {
        let server = try ServeProcess(cli, ["--db", "env.sqlite"])
        defer { _ = server.stop() }
        let page = try await fetch(server.url("/"))
        #expect(page.status == 200 && !page.text.isEmpty, "\(example.line): HTTP \(page.status)")
    }
}
