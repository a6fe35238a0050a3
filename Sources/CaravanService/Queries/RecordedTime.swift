import CaravanCore
import Foundation

/// A moment given as a date (standing for the end of that day, UTC) or an ISO 8601 time, as
/// `--as-of`, `--recorded-at` and the API's `as-of` take it.
public struct RecordedTime: Sendable, Hashable {
    /// The moment itself: a date's first instant.
    public let date: Date
    /// The moment a date stands for when asking "as of": the last instant of its day.
    public let endOfDay: Date

    public init?(_ text: String) {
        if let time = Timestamp.date(text) {
            date = time
            endOfDay = time
        } else if let day = Self.period(text), day.grain == .day, day.isSingleUnit, day.calendar == .gregorian {
            date = day.days.lowerBound.date
            endOfDay = day.days.upperBound.advanced(by: 1).date.addingTimeInterval(-0.001)
        } else {
            return nil
        }
    }

    /// The period the text names, or nil when it names none: then it is neither form, which `init` answers with nil.
    private static func period(_ text: String) -> Period? {
        do { return try Period(parsing: text) } catch { return nil }
    }
}
