import ArgumentParser
import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

/// The partnership and moment a dossier command speaks of.
struct DossierOptions: ParsableArguments {
    @Option(help: "The partnership's id (default: the dossier last imported).")
    var partnership: String?

    @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD, end of day UTC): figures recorded later do not count.")
    var asOf: RecordedTime?

    @Option(help: "table, json or md.")
    var format: OutputFormat = .table

    func scorecard(_ store: StoreOptions) async throws -> Scorecard {
        try await store.workspace().scorecard(partnership, asOf: asOf?.endOfDay ?? Date())
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
        print(try options.format.render(sections: try await options.scorecard(store)), terminator: "")
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
        let part = Part(try await options.scorecard(store))
        print(try options.format.render(sections: part), terminator: "")
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
    var asOf: RecordedTime?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let html = try await store.workspace().report(partnership, asOf: asOf?.endOfDay ?? Date())
        try OutputFile.write(html, to: out)
        print("Report written to \(URL(fileURLWithPath: out).standardizedFileURL.path)")
    }
}
