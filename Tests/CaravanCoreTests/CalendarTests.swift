import CaravanCore
import Foundation
import Testing

@Suite("Periods and calendars")
struct CalendarTests {
    @Test(
        "the conversions of the calendar command",
        arguments: [
            ("SH1403-12-30", "2025-03-20"), ("2025-03-21", "SH1404-01-01"), ("SH1404-01..SH1404-07", "2025-03-21..2025-10-22"),
            ("2024-Q2", "SH1403-01-13..SH1403-04-10"), ("SH1404", "2025-03-21..2026-03-20"),
        ])
    func conversion(input: String, expected: String) throws {
        #expect(try Period(parsing: input).inOtherCalendar.description == expected)
    }

    @Test(
        "an impossible date is refused with the reason",
        arguments: [
            ("SH1404-12-30", "Esfand 1404 has 29 days (1404 is not a leap year)"),
            ("2025-02-29", "February 2025 has 28 days (2025 is not a leap year)"),
            ("2024-13", "there is no month 13; months run from 01 to 12"),
            ("SH1404-07-31", "Mehr 1404 has 30 days"),
        ])
    func impossibleDate(input: String, reason: String) {
        #expect(throws: PeriodError(input, reason)) { try Period(parsing: input) }
    }

    @Test("a Solar Hijri year starting on 20 March and one starting on 21 March")
    func yearStarts() throws {
        #expect(try Period(parsing: "SH1403").days.lowerBound == Period(parsing: "2024-03-20").days.lowerBound)
        #expect(try Period(parsing: "SH1404").days.lowerBound == Period(parsing: "2025-03-21").days.lowerBound)
        #expect(try Period(parsing: "SH1403").days.dayCount == 366)
        #expect(try Period(parsing: "SH1404").days.dayCount == 365)
        #expect(try Period(parsing: "SH1403-12-30").inOtherCalendar.description == "2025-03-20")
    }

    @Test("every day from SH1350 to SH1450 converts as jdatetime converts it")
    func agreesWithJdatetime() throws {
        let url = try #require(Bundle.module.url(forResource: "solar-hijri-jdatetime", withExtension: "csv", subdirectory: "Oracle"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 36_000)
        var leapYears = Set<Int>()
        for line in lines {
            let fields = line.split(separator: ",")
            let gregorian = String(fields[0])
            let solarHijri = "SH" + fields[1]
            #expect(try Period(parsing: gregorian).inOtherCalendar.description == solarHijri)
            #expect(try Period(parsing: solarHijri).inOtherCalendar.description == gregorian)
            if fields[1].hasSuffix("-12-30") { leapYears.insert(Int(fields[1].prefix(4))!) }
        }
        #expect(leapYears.contains(1403) && !leapYears.contains(1404) && leapYears.count >= 20)
    }

    @Test(
        "the period syntax reads and writes back unchanged",
        arguments: [
            "2024", "2024-Q3", "2024-07", "2024-01..2024-09", "2025-03-21..2026-03-20", "SH1404", "SH1404-07",
            "SH1404-01..SH1404-07", "SH1404-01-01", "2014..2019",
        ])
    func roundTrip(text: String) throws {
        #expect(try Period(parsing: text).description == text)
    }

    @Test(
        "malformed periods are refused", arguments: ["", "24", "2024-7", "2024-Q5", "2024-09..2024-01", "2024..2024-03", "2024-2025", "SH1404..2025"])
    func malformed(text: String) {
        #expect(throws: PeriodError.self) { try Period(parsing: text) }
    }

    @Test(
        "the same period a year earlier, in the period's own calendar",
        arguments: [
            ("SH1404-01..SH1404-07", "SH1403-01..SH1403-07"), ("2024-Q2", "2023-Q2"), ("2025-03", "2024-03"),
            ("2025-03-21..2026-03-20", "2024-03-21..2025-03-20"), ("SH1403-12-30", "SH1402-12-29"), ("2024-02-29", "2023-02-28"),
        ])
    func previousYear(period: String, expected: String) throws {
        #expect(try Period(parsing: period).previousYear.description == expected)
    }

    @Test("days that align with whole months are written as months")
    func spanning() throws {
        let days = try Period(parsing: "2025-01..2025-09").days
        #expect(Period.spanning(days, in: .gregorian).description == "2025-01..2025-09")
        #expect(Period.spanning(try Period(parsing: "SH1404").days, in: .solarHijri).description == "SH1404")
        #expect(Period.spanning(try Period(parsing: "SH1404").days, in: .gregorian).description == "2025-03-21..2026-03-20")
    }
}
