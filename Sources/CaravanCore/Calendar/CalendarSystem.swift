import Foundation

/// The calendars periods are written in: Gregorian, and the Solar Hijri calendar Iran reports in.
public enum CalendarSystem: String, Sendable, Codable, CaseIterable {
    case gregorian
    case solarHijri = "solar-hijri"

    /// The prefix a period in this calendar is written with (`SH1404`).
    public var prefix: String { self == .solarHijri ? "SH" : "" }

    /// The other calendar of the two.
    public var other: CalendarSystem { self == .gregorian ? .solarHijri : .gregorian }

    /// Foundation's calendar in UTC: Solar Hijri arithmetic is Foundation's (ICU's), not ours.
    var foundation: Calendar {
        switch self {
        case .gregorian: Self.gregorianCalendar
        case .solarHijri: Self.persianCalendar
        }
    }

    private static let gregorianCalendar = utc(.gregorian)
    private static let persianCalendar = utc(.persian)

    private static func utc(_ identifier: Calendar.Identifier) -> Calendar {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// The month names used in messages, so an error says "Esfand 1404", not "month 12".
    public func monthName(_ month: Int) -> String {
        let names =
            self == .gregorian
            ? [
                "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December",
            ]
            : [
                "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar",
                "Dey", "Bahman", "Esfand",
            ]
        return (1...12).contains(month) ? names[month - 1] : "month \(month)"
    }

    /// The number of days in a month of this calendar.
    public func daysInMonth(year: Int, month: Int) -> Int {
        let first = foundation.date(from: DateComponents(year: year, month: month, day: 1))!
        return foundation.range(of: .day, in: .month, for: first)!.count
    }

    /// The number of days in a year of this calendar (365, or 366 in a leap year).
    public func daysInYear(_ year: Int) -> Int {
        firstDay(year: year + 1).number - firstDay(year: year).number
    }

    /// The first day of a year.
    public func firstDay(year: Int) -> Day { unchecked(year: year, month: 1, day: 1) }

    /// The day a valid date names; callers have checked the date.
    func unchecked(year: Int, month: Int, day: Int) -> Day {
        Day(containing: foundation.date(from: DateComponents(year: year, month: month, day: day))!)
    }

    /// The year, month and day this calendar gives a day.
    public func civil(_ day: Day) -> CivilDate {
        let parts = foundation.dateComponents([.year, .month, .day], from: day.date)
        return CivilDate(calendar: self, year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
