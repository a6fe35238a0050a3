import CaravanCore

/// Dates as dossiers write them: YYYY-MM-DD, YYYY-MM or YYYY, read as their first day.
enum DateText {
    static func day(_ text: String?) -> Day? {
        guard let text, let period = try? Period(parsing: text), period.calendar == .gregorian, period.isSingleUnit else { return nil }
        return period.days.lowerBound
    }
}
