import Foundation

/// A calendar day, numbered from 1970-01-01 (day 0): the same day whichever calendar names it.
public struct Day: Hashable, Comparable, Strideable, Sendable, Codable {
    public let number: Int

    public init(number: Int) { self.number = number }

    /// The UTC day that contains `date`.
    public init(containing date: Date) {
        number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// Midnight UTC at the start of this day.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(number) * 86_400) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }
    public func distance(to other: Day) -> Int { other.number - number }
    public func advanced(by n: Int) -> Day { Day(number: number + n) }

    public init(from decoder: any Decoder) throws {
        number = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(number)
    }
}

extension ClosedRange where Bound == Day {
    /// The number of days in the range, both ends included.
    public var dayCount: Int { upperBound.number - lowerBound.number + 1 }

    /// The days both ranges share, or nil when they are disjoint.
    public func intersection(_ other: ClosedRange<Day>) -> ClosedRange<Day>? {
        let low = Swift.max(lowerBound, other.lowerBound)
        let high = Swift.min(upperBound, other.upperBound)
        return low <= high ? low...high : nil
    }
}
