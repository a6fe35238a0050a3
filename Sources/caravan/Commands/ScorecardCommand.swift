import ArgumentParser
import CaravanCore
import CaravanDossier
import CaravanPresentation
import CaravanService
import Foundation

/// The partnership and moment a dossier command speaks of.
struct DossierOptions: ParsableArguments {
    @Option(help: "The partnership's id (default: the dossier last imported).")
    var partnership: String?

    @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD, end of day UTC): figures recorded later do not count.")
    var asOf: String?

    @Option(help: "table, json or md.")
    var format: OutputFormat = .table

    /// The scorecard put in words by `render`: as of now, the words kept in the store by the last
    /// command that asked `command` the same, while nothing they read is stored anew.
    func answer(_ command: String, _ store: StoreOptions, render: @escaping @Sendable (Scorecard) throws -> String) async throws -> String {
        let workspace = try await store.workspace()
        let request = try await workspace.read { try $0.judged(JudgedRequest.Asked(partnership: partnership, asOf: asOf)) }
        guard asOf == nil else { return try render(try await workspace.scorecard(request.partnership, asOf: request.asOf)) }
        return try await workspace.keptAnswer(
            "\(command) --format \(format.rawValue)", partnership: request.partnership, now: request.asOf, render: render)
    }
}

struct ScorecardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Is the partnership delivering? Its three tests — trade, projects, corridor — and every claim checked.",
        discussion:
            "Each test has a status (met, on_track, at_risk, off_track, no_data) and the evidence behind it; the rules are in docs/scorecard.md.")

    @OptionGroup var options: DossierOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let format = options.format
        print(try await options.answer(Self.configuration.commandName!, store) { try format.render(sections: $0) }, terminator: "")
    }
}

/// `caravan targets`, `claims`, `projects`, `agreements`: one part of the dossier, judged.
struct DossierPartCommand<Part: DossierPart>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Part.name, abstract: Part.abstract)
    }

    @OptionGroup var options: DossierOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let format = options.format
        print(try await options.answer(Part.name, store) { try format.render(sections: Part($0)) }, terminator: "")
    }
}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the partnership's report: one self-contained HTML file with the scorecard, charts, claims and sources.")

    @Option(help: "Where to write it.")
    var out: String = "caravan-report.html"

    @Option(help: "The partnership's id (default: the dossier last imported).")
    var partnership: String?

    @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD, end of day UTC).")
    var asOf: String?

    @Option(help: "The report's language: en, fa (right to left, Persian digits, Iranian dates first) or ru.")
    var lang: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let (request, language) = try await workspace.read {
            (try $0.judged(JudgedRequest.Asked(partnership: partnership, asOf: asOf)), try $0.choice("lang", lang, default: Language.en))
        }
        let html = HTMLReport(try await workspace.reportData(request.partnership, asOf: request.asOf), words: Words(language)).html
        try OutputFile.write(html.rendered, to: out)
        print("Report written to \(URL(fileURLWithPath: out).standardizedFileURL.path)")
    }
}
