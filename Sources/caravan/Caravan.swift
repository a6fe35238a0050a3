import ArgumentParser
import CaravanPresentation
import CaravanService
import Foundation

@main
struct Caravan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caravan",
        abstract: "Is a trade and transit partnership delivering? Trade statistics, checked claims and corridor capacity, from data.",
        discussion: """
            Figures live in a SQLite file (--db PATH, else $CARAVAN_DB, else ./caravan.sqlite) or in a \
            PostgreSQL database (--postgres URL, else $CARAVAN_POSTGRES; run `caravan migrate` on it first).

            Exit codes: 0 success; 1 bad input or a failed import (the message names file, line and field); \
            3 no route; 64 a usage error.
            """,
        version: Release.version,
        subcommands: [
            DemoCommand.self, ImportCommand.self, FetchCommand.self, ScorecardCommand.self, CheckCommand.self, ScenarioCommand.self,
            ReportCommand.self,
            TradeCommand.self, RouteCommand.self,
            CapacityCommand.self,
            CorridorCommand.self, DossierPartCommand<TargetsPart>.self, DossierPartCommand<ClaimsPart>.self,
            DossierPartCommand<ProjectsPart>.self, DossierPartCommand<AgreementsPart>.self, CalendarCommand.self, ImportsCommand.self,
            TariffsCommand.self, ChangesCommand.self, WatchCommand.self, ServeCommand.self, TokenCommand.self, MigrateCommand.self,
        ]
    )

    /// Parses and runs as ArgumentParser does, but answers a mistyped command with the nearest ones
    /// (ArgumentParser suggests options itself).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let (command, unknown) = Slips.command(arguments, root: Caravan.self)
        if let unknown {
            FileHandle.standardError.write(Data((Slips.unknownCommand(unknown, in: command, root: Caravan.self) + "\n").utf8))
            Foundation.exit(64)
        }
        do {
            var parsed = try await asyncParseAsRoot(arguments)
            if var running = parsed as? AsyncParsableCommand { try await running.run() } else { try parsed.run() }
        } catch {
            exit(withError: error)
        }
    }
}
