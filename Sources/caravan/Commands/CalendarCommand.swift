import ArgumentParser
import CaravanCore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Print a period in the other calendar (Gregorian ⇄ Solar Hijri), as exact days.",
        discussion: """
            caravan calendar SH1403-12-30        → 2025-03-20
            caravan calendar 2025-03-21          → SH1404-01-01
            caravan calendar SH1404-01..SH1404-07 → 2025-03-21..2025-10-22
            caravan calendar 2024-Q2             → SH1403-01-13..SH1403-04-10
            """)

    @Argument(help: "A period: 2024, 2024-Q3, 2024-07, 2025-03-21, SH1404, SH1404-07, SH1404-01-01 or a range A..B.")
    var period: String

    func run() throws {
        print(try Period(parsing: period).inOtherCalendar)
    }
}
