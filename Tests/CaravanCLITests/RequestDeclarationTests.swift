import CaravanService
import CaravanTestSupport
import Foundation
import Testing

/// Each command that reads a request takes its kind's fields (`RequestKind`) as its options, as the
/// API takes them as its parameters: the same names, repeatable and required where the kind's are,
/// read from the command's own description of itself (`--experimental-dump-help`).
@Suite("The commands' options and the request declarations")
struct RequestDeclarationTests {
    /// Each command that reads a request, and the kind it reads.
    static let requests: [String: RequestKind] = [
        "trade series": .series, "trade backtest": .series, "trade compare": .comparison, "trade products": .products, "trade mirror": .mirror,
        "trade gap": .gap, "tariffs coverage": .coverage, "route": .route, "capacity": .capacity, "corridor flows": .flows,
        "scorecard": .judged, "targets": .judged, "claims": .judged, "projects": .judged, "agreements": .judged, "report": .report,
        "scenario": .scenario, "changes": .changes, "watch add": .watch, "watch remove": .unwatch, "check": .check,
    ]

    /// The commands that read no request: they import, fetch, serve, administer or convert.
    static let others: Set<String> = [
        "demo", "import", "fetch comtrade", "calendar", "imports", "watch list", "watch deliver", "serve", "token create", "token list",
        "token revoke", "migrate", "help",
    ]

    /// What every command may take beside its request: where the store is, how to write the answer, help and version.
    static let common: Set<String> = ["db", "postgres", "format", "help", "version"]

    /// What a command takes beside its request that no query could: a file to read or write, timings, the server's leave.
    static let own: [String: Set<String>] = [
        "route": ["network", "timings"], "capacity": ["network", "timings"], "report": ["out"], "watch add": ["allow-private-watches"],
        "check": ["article", "emit", "out", "lang"],
    ]

    @Test("every command is one that reads a declared request or one that reads none")
    func everyCommand() throws {
        var leaves = Set<String>()
        func walk(_ command: ToolDump.Command, _ path: [String]) {
            let subcommands = command.subcommands ?? []
            if subcommands.isEmpty { leaves.insert(path.joined(separator: " ")) }
            for sub in subcommands { walk(sub, path + [sub.commandName]) }
        }
        walk(try Self.dump([]), [])
        #expect(leaves == Set(Self.requests.keys).union(Self.others))
    }

    @Test("a command's options are its request's fields, repeatable and required alike", arguments: RequestDeclarationTests.requests.keys.sorted())
    func options(command: String) throws {
        let kind = try #require(Self.requests[command])
        var options: [String: ToolDump.Argument] = [:]
        for argument in try Self.dump(command.split(separator: " ").map(String.init)).arguments ?? [] {
            let name = try #require(argument.name, "\(command): an argument with no name")
            if !Self.common.contains(name) && !(Self.own[command] ?? []).contains(name) { options[name] = argument }
        }
        #expect(options.keys.sorted() == kind.fields.map(\.name).sorted(), "\(command) against \(kind.name)")
        for field in kind.fields {
            guard let option = options[field.name] else { continue }
            #expect(option.isRepeating == field.repeatable, "\(command) --\(field.name): repeatable")
            #expect(!option.isOptional == field.required, "\(command) --\(field.name): required")
        }
    }

    /// The command's description of itself, subcommands and all.
    static func dump(_ command: [String]) throws -> ToolDump.Command {
        let result = try Command.run(CLI.binary, command + ["--experimental-dump-help"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(ToolDump.self, from: Data(result.stdout.utf8)).command
    }
}
