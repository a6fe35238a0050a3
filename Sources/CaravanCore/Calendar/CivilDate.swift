/// A date as a calendar writes it: year, month and day.
public struct CivilDate: Hashable, Sendable {
    public let calendar: CalendarSystem
    public let year: Int
    public let month: Int
    public let day: Int

    public init(calendar: CalendarSystem, year: Int, month: Int, day: Int) {
        self.calendar = calendar
        self.year = year
        self.month = month
        self.day = day
    }

    /// Checks that the date exists, and says why when it does not.
    public func validated() throws(PeriodError) -> CivilDate {
        guard (1...12).contains(month) else {
            throw PeriodError(text, "there is no month \(month); months run from 01 to 12")
        }
        let length = calendar.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            var why = "\(calendar.monthName(month)) \(year) has \(length) days"
            if calendar == .solarHijri && month == 12 {
                why += calendar.daysInYear(year) == 366 ? " (\(year) is a leap year)" : " (\(year) is not a leap year)"
            } else if calendar == .gregorian && month == 2 {
                why += length == 29 ? " (\(year) is a leap year)" : " (\(year) is not a leap year)"
            }
            throw PeriodError(text, why)
        }
        return self
    }

    /// The day this date names; the date must be valid.
    public var dayNumber: Day { calendar.unchecked(year: year, month: month, day: day) }

    /// The date written in the period syntax: `2025-03-21`, `SH1404-01-01`.
    public var text: String {
        calendar.prefix + pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
