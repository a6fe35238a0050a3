import Foundation

extension Period: CustomStringConvertible, Codable {
    /// Reads the period syntax: `2024`, `2024-Q3`, `2024-07`, `2025-03-21`, their `SH` forms, and
    /// inclusive ranges of one kind joined by `..` (`2024-01..2024-09`, `SH1404-01..SH1404-07`).
    public init(parsing text: String) throws(PeriodError) { try self.init(parsing: text, anyYear: false) }

    /// Reads the period syntax; with `anyYear`, years outside `Period.years(in:)` too.
    init(parsing text: String, anyYear: Bool) throws(PeriodError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let ends = trimmed.components(separatedBy: "..")
        guard ends.count <= 2, !trimmed.isEmpty else {
            throw PeriodError(text, "expected a period such as 2024, 2024-Q3, 2024-07, SH1404-07 or 2024-01..2024-09")
        }
        let start = try Self.unit(ends[0], in: text, anyYear: anyYear)
        guard ends.count == 2 else {
            self = start
            return
        }
        let end = try Self.unit(ends[1], in: text, anyYear: anyYear)
        guard start.calendar == end.calendar, start.grain == end.grain else {
            throw PeriodError(text, "both ends of a range must be in the same calendar and of the same kind")
        }
        guard start.first <= end.first else {
            throw PeriodError(text, "the range ends before it starts")
        }
        self.init(calendar: start.calendar, grain: start.grain, first: start.first, last: end.first)
    }

    private static func unit(_ raw: String, in text: String, anyYear: Bool) throws(PeriodError) -> Period {
        let calendar: CalendarSystem = raw.hasPrefix("SH") ? .solarHijri : .gregorian
        let body = raw.dropFirst(calendar.prefix.count)
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearPart = parts.first, yearPart.count == 4, yearPart.allSatisfy(\.isASCIIDigit), let year = Int(yearPart) else {
            throw PeriodError(text, "a period starts with a four-digit year (2024, SH1404)")
        }
        if !anyYear, let problem = yearProblem(year, in: calendar, written: raw) { throw PeriodError(text, problem) }
        switch parts.count {
        case 1:
            return Period(.year, year, in: calendar)
        case 2 where parts[1].hasPrefix("Q"):
            guard parts[1].count == 2, let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else {
                throw PeriodError(text, "a quarter is written Q1 to Q4")
            }
            return Period(.quarter, year * 4 + quarter - 1, in: calendar)
        case 2:
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let month = Int(parts[1]) else {
                throw PeriodError(text, "a month is written with two digits (2024-07)")
            }
            guard (1...12).contains(month) else {
                throw PeriodError(text, "there is no month \(month); months run from 01 to 12")
            }
            return Period(.month, year * 12 + month - 1, in: calendar)
        case 3:
            guard parts[1].count == 2, parts[2].count == 2, (parts[1] + parts[2]).allSatisfy(\.isASCIIDigit), let month = Int(parts[1]),
                let day = Int(parts[2])
            else {
                throw PeriodError(text, "a day is written YYYY-MM-DD (2025-03-21, SH1404-01-01)")
            }
            let date = try CivilDate(calendar: calendar, year: year, month: month, day: day).validated()
            return Period(.day, date.dayNumber.number, in: calendar)
        default:
            throw PeriodError(text, "expected a period such as 2024, 2024-Q3, 2024-07, SH1404-07 or 2024-01..2024-09")
        }
    }

    /// The years a period may name in each calendar: the same days, `Plausible.years` of the Gregorian.
    public static func years(in calendar: CalendarSystem) -> ClosedRange<Int> {
        calendar == .gregorian ? Plausible.years : 1179...1677
    }

    /// Nil when a period may name `year` of `calendar`, else why not.
    /// `written`, the period as given, shapes the suggestion: `1404-01` → "did you mean SH1404-01?".
    public static func yearProblem(_ year: Int, in calendar: CalendarSystem, written: String? = nil) -> String? {
        let years = years(in: calendar)
        guard !years.contains(year) else { return nil }
        // A Gregorian year that is a plausible Iranian one (1404) was most likely meant as one.
        let iranian = calendar == .gregorian && Self.years(in: .solarHijri).contains(year) ? "; did you mean SH\(written ?? String(year))?" : ""
        let range = "\(calendar.prefix)\(years.lowerBound) to \(calendar.prefix)\(years.upperBound)"
        return "the year \(calendar.prefix)\(year) is out of range; periods run from \(range)\(iranian)"
    }

    /// The period in the period syntax.
    public var description: String {
        isSingleUnit ? label(first) : label(first) + ".." + label(last)
    }

    private func label(_ ordinal: Int) -> String {
        let prefix = calendar.prefix
        switch grain {
        case .year: return prefix + pad(ordinal, 4)
        case .quarter: return prefix + pad(floorDiv(ordinal, 4), 4) + "-Q\(floorMod(ordinal, 4) + 1)"
        case .month: return prefix + pad(floorDiv(ordinal, 12), 4) + "-" + pad(floorMod(ordinal, 12) + 1, 2)
        case .day: return calendar.civil(Day(number: ordinal)).text
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Period(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Period {
    /// The same days written in `calendar`, as whole years or months where they align, else as days.
    public static func spanning(_ days: ClosedRange<Day>, in calendar: CalendarSystem) -> Period {
        for grain in [Grain.year, .month] {
            let start = unit(grain, containing: days.lowerBound, in: calendar)
            let end = unit(grain, containing: days.upperBound, in: calendar)
            if start.days.lowerBound == days.lowerBound && end.days.upperBound == days.upperBound {
                return Period(calendar: calendar, grain: grain, first: start.first, last: end.first)
            }
        }
        return .days(days, in: calendar)
    }

    /// The period as days of the other calendar: what `caravan calendar` prints.
    public var inOtherCalendar: Period { .days(days, in: calendar.other) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
