/// A span of time in the period syntax: one year, quarter, month or day, or an inclusive range of
/// them, in the Gregorian or the Solar Hijri calendar (`2024`, `2024-Q3`, `SH1404-01..SH1404-07`).
public struct Period: Hashable, Sendable {
    /// The unit a period is counted in.
    public enum Grain: String, Sendable, Codable, CaseIterable, Comparable {
        case day, month, quarter, year

        public static func < (lhs: Grain, rhs: Grain) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public let calendar: CalendarSystem
    public let grain: Grain
    /// Ordinal of the first unit: the year, `year*4 + quarter-1`, `year*12 + month-1`, or a day number.
    public let first: Int
    /// Ordinal of the last unit, inclusive.
    public let last: Int

    /// The Gregorian days the period covers, both ends included.
    public let days: ClosedRange<Day>

    init(calendar: CalendarSystem, grain: Grain, first: Int, last: Int) {
        self.calendar = calendar
        self.grain = grain
        self.first = first
        self.last = last
        days = Self.firstDay(of: first, grain, calendar)...Self.firstDay(of: last + 1, grain, calendar).advanced(by: -1)
    }

    /// One unit: the year, quarter, month or day with that ordinal.
    public init(_ grain: Grain, _ ordinal: Int, in calendar: CalendarSystem) {
        self.init(calendar: calendar, grain: grain, first: ordinal, last: ordinal)
    }

    /// The months `first` through `last` of `year`, 1 to 12 (`SH1401-01..SH1401-05`).
    public static func months(_ first: Int, through last: Int, of year: Int, in calendar: CalendarSystem) -> Period {
        Period(calendar: calendar, grain: .month, first: year * 12 + first - 1, last: year * 12 + last - 1)
    }

    /// A year (`2024`, `SH1404`).
    public static func year(_ year: Int, in calendar: CalendarSystem = .gregorian) -> Period {
        Period(.year, year, in: calendar)
    }

    /// The inclusive range of days, written as days in `calendar`.
    public static func days(_ days: ClosedRange<Day>, in calendar: CalendarSystem) -> Period {
        Period(calendar: calendar, grain: .day, first: days.lowerBound.number, last: days.upperBound.number)
    }

    /// The unit of `grain` in `calendar` that holds `day`.
    public static func unit(_ grain: Grain, containing day: Day, in calendar: CalendarSystem) -> Period {
        let date = calendar.civil(day)
        let ordinal: Int
        switch grain {
        case .year: ordinal = date.year
        case .quarter: ordinal = date.year * 4 + (date.month - 1) / 3
        case .month: ordinal = date.year * 12 + date.month - 1
        case .day: ordinal = day.number
        }
        return Period(grain, ordinal, in: calendar)
    }

    /// True for a single year, quarter, month or day; false for a range.
    public var isSingleUnit: Bool { first == last }

    /// Each unit of the period in order: the months of `2024-01..2024-09`.
    public var units: [Period] { (first...last).map { Period(grain, $0, in: calendar) } }

    /// The same period a year earlier, in the period's own calendar.
    public var previousYear: Period { shifted(years: -1) }

    /// The period moved by whole years in its own calendar; a day that does not exist in the
    /// target year (29 February, 30 Esfand) becomes the last day of its month.
    public func shifted(years: Int) -> Period {
        switch grain {
        case .year: Period(calendar: calendar, grain: grain, first: first + years, last: last + years)
        case .quarter: Period(calendar: calendar, grain: grain, first: first + 4 * years, last: last + 4 * years)
        case .month: Period(calendar: calendar, grain: grain, first: first + 12 * years, last: last + 12 * years)
        case .day:
            Period(
                calendar: calendar, grain: .day,
                first: shiftDay(first, years: years), last: shiftDay(last, years: years))
        }
    }

    private func shiftDay(_ number: Int, years: Int) -> Int {
        let date = calendar.civil(Day(number: number))
        let year = date.year + years
        let day = min(date.day, calendar.daysInMonth(year: year, month: date.month))
        return calendar.unchecked(year: year, month: date.month, day: day).number
    }

    static func firstDay(of ordinal: Int, _ grain: Grain, _ calendar: CalendarSystem) -> Day {
        switch grain {
        case .year: calendar.firstDay(year: ordinal)
        case .quarter: calendar.unchecked(year: floorDiv(ordinal, 4), month: floorMod(ordinal, 4) * 3 + 1, day: 1)
        case .month: calendar.unchecked(year: floorDiv(ordinal, 12), month: floorMod(ordinal, 12) + 1, day: 1)
        case .day: Day(number: ordinal)
        }
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int { (a - floorMod(a, b)) / b }
func floorMod(_ a: Int, _ b: Int) -> Int { ((a % b) + b) % b }
