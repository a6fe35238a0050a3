import CaravanCore

/// Dates as dossiers write them: YYYY-MM-DD, YYYY-MM or YYYY — a day, or the days of a month or year.
enum DateText {
    /// The days the date names; nil when it is not a Gregorian date.
    static func days(_ text: String?) -> ClosedRange<Day>? {
        guard let text, let period = try? Period(parsing: text), period.calendar == .gregorian, period.isSingleUnit else { return nil }
        return period.days
    }

    /// The date's first day: when something dated by a month or year had begun by.
    static func day(_ text: String?) -> Day? { days(text)?.lowerBound }

    /// The date's last day: a milestone planned for June 2025 is on time until 30 June.
    static func lastDay(_ text: String?) -> Day? { days(text)?.upperBound }
}
