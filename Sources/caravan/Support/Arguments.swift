import ArgumentParser
import CaravanCore
import CaravanImport
import CaravanService
import Foundation

extension TradeFlow: ExpressibleByArgument {}
extension SeriesGrain: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}

extension Period: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}

/// A moment given as a date (the end of that day, UTC) or an ISO 8601 time.
struct RecordedTime: ExpressibleByArgument {
    let date: Date
    /// The moment a date-only argument stands for when asking "as of": the last instant of its day.
    let endOfDay: Date

    init?(argument: String) {
        if let time = Timestamp.date(argument) {
            date = time
            endOfDay = time
        } else if let day = try? Period(parsing: argument), day.grain == .day, day.isSingleUnit, day.calendar == .gregorian {
            date = day.days.lowerBound.date
            endOfDay = day.days.upperBound.advanced(by: 1).date.addingTimeInterval(-0.001)
        } else {
            return nil
        }
    }
}
