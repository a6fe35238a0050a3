import ArgumentParser
import CaravanService

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
        subcommands: [
            DemoCommand.self, ImportCommand.self, ScorecardCommand.self, ReportCommand.self, TradeCommand.self, RouteCommand.self,
            CapacityCommand.self,
            CorridorCommand.self, DossierPartCommand<TargetsPart>.self, DossierPartCommand<ClaimsPart>.self,
            DossierPartCommand<ProjectsPart>.self, DossierPartCommand<AgreementsPart>.self, CalendarCommand.self, ImportsCommand.self,
            TariffsCommand.self, ServeCommand.self, TokenCommand.self, MigrateCommand.self,
        ]
    )
}
