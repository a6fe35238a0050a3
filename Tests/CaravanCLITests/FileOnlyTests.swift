import CaravanTestSupport
import Foundation
import Testing

/// The commands that take a file in place of what the store holds ("a network JSON file
/// (default: the network in the store)") work on that file alone: with no database anywhere, they
/// answer, and leave no database behind.
@Suite("Commands given a file, with no database")
struct FileOnlyTests {
    let cli = CLI()

    static let network = CLI.repository.appendingPathComponent("Data/networks/instc-east.json").path

    /// One run of each such command, by command and option, with what its answer holds.
    static let runs: [String: (arguments: [String], answer: String)] = [
        "route --network": (["route", "--network", network, "--from", "astana", "--to", "bandar_abbas"], "Route 1 step by step"),
        "capacity --network": (["capacity", "--network", network, "--from", "astana", "--to", "bandar_abbas"], "bottleneck"),
    ]

    @Test("every command offering a file in place of the store answers from the file in an empty directory and makes no database")
    func withoutStore() throws {
        #expect(try Self.fileOptions() == Set(Self.runs.keys), "a command takes a file in place of the store but is not run here")
        for (name, run) in Self.runs.sorted(by: { $0.key < $1.key }) {
            let result = try cli.run(run.arguments)
            let said = "\(name): \(result.status) \(result.stderr) \(result.stdout.prefix(300))"
            #expect(result.status == 0 && result.stdout.contains(run.answer), "\(said)")
            let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.url.path)
            #expect(left.isEmpty, "\(name) left \(left) behind")
        }
    }

    @Test("capacity --network --year, which needs the store's dossier, says so without making a database")
    func yearWithoutStore() throws {
        let result = try cli.run("capacity", "--network", Self.network, "--from", "astana", "--to", "bandar_abbas", "--year", "2030")
        #expect(result.status != 0 && result.stderr.contains("dossier"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.url.path).isEmpty)
    }

    /// Every command's option whose help offers a file in place of the store, as "COMMAND --OPTION",
    /// read from the command's own description of itself.
    static func fileOptions() throws -> Set<String> {
        let dump = try Command.run(CLI.binary, ["--experimental-dump-help"])
        let root = try JSONDecoder().decode(ToolDump.self, from: Data(dump.stdout.utf8)).command
        var found = Set<String>()
        func walk(_ command: ToolDump.Command, _ path: [String]) {
            for argument in command.arguments ?? [] where argument.abstract?.contains("file (default:") == true {
                guard argument.abstract?.contains("in the store)") == true, let name = argument.names?.first(where: { $0.kind == "long" })
                else { continue }
                found.insert((path + ["--" + name.name]).joined(separator: " "))
            }
            for sub in command.subcommands ?? [] { walk(sub, path + [sub.commandName]) }
        }
        walk(root, [])
        return found
    }
}
