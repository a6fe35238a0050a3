import Foundation

/// How a test, target or project stands (docs/scorecard.md states each rule).
public enum TestStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case met
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case offTrack = "off_track"
    case noData = "no_data"

    /// Ordered from most to least favourable; `no_data` after all.
    public static func < (a: TestStatus, b: TestStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The least favourable of several statuses that say something; `no_data` only when none do.
    public static func worst(of statuses: [TestStatus]) -> TestStatus {
        statuses.filter { $0 != .noData }.max() ?? .noData
    }
}

/// Growth arithmetic shared by targets of every kind.
public enum Growth {
    /// Compound yearly growth from `start` to `end` over `years`, in percent; nil when it cannot be said.
    public static func compound(from start: Double, to end: Double, years: Int) -> Double? {
        guard start > 0, end > 0, years > 0 else { return nil }
        return ((end / start) ** (1 / Double(years)) - 1) * 100
    }

    /// The first year `value`, growing `percent` a year from `year`, reaches `target`; nil when it never does.
    public static func yearReached(from value: Double, in year: Int, growingBy percent: Double?, target: Double) -> Int? {
        if value >= target { return year }
        guard let percent, percent > 0, value > 0 else { return nil }
        let years = (target / value).log / (1 + percent / 100).log
        guard years.isFinite, years < 1000 else { return nil }
        return year + Int(years.rounded(.up))
    }
}

infix operator ** : MultiplicationPrecedence

func ** (base: Double, exponent: Double) -> Double { Foundation.pow(base, exponent) }

extension Double {
    fileprivate var log: Double { Foundation.log(self) }
}
