import Foundation

/// When a figure could first be read: what a test on the past may use at each moment.
extension RecordedObservation {
    /// The last day of the figure's stated publication date (a month or a year stated runs to its
    /// end, as it may have come out on its last day); without one, the day Caravan recorded it.
    public var knownFrom: Day {
        if let published = source.published, let date = try? Period(parsing: published), date.calendar == .gregorian {
            return date.days.upperBound
        }
        return Day(containing: source.recordedAt)
    }
}
