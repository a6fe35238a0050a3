/// The ranges a figure must lie in to be accepted (docs/formats.md): wide enough for any real
/// statistic or network, narrow enough that every reader can show it and every sum stays finite.
/// An importer refuses a value outside them with its line and field.
public enum Plausible {
    /// USD in one figure: up to ten trillion, more than any economy trades with the world in a year.
    public static let valueUSD: ClosedRange<Double> = 0...1e13
    /// Tonnes in one figure: up to 100 billion, several times the world's yearly seaborne trade.
    public static let tonnes: ClosedRange<Double> = 0...1e11
    /// A link's length, km: up to the Earth's circumference.
    public static let lengthKm: ClosedRange<Double> = 0...40_000
    /// A link's speed, km/h.
    public static let speedKmh: ClosedRange<Double> = 0...1_000
    /// A link's time, a dwell or a transfer, hours: up to about a year.
    public static let hours: ClosedRange<Double> = 0...10_000
    /// A cost or handling charge, USD a tonne.
    public static let usdPerTonne: ClosedRange<Double> = 0...100_000
    /// A capacity, million tonnes a year.
    public static let capacityMt: ClosedRange<Double> = 0...10_000
    /// A count (agreements signed).
    public static let count: ClosedRange<Double> = 0...1_000_000
    /// A share, percent.
    public static let percent: ClosedRange<Double> = 0...100
    /// A change, percent: from all gone to a hundredfold.
    public static let changePct: ClosedRange<Double> = -100...10_000
    /// A tolerance around a change, percentage points.
    public static let tolerancePoints: ClosedRange<Double> = 0...1_000
    /// A multiple of another value ("nearly double": 2).
    public static let ratio: ClosedRange<Double> = 0...1_000
    /// Years a period, a deadline or a date may name (Gregorian; SH1179–SH1677 in the Solar Hijri calendar).
    public static let years: ClosedRange<Int> = 1800...2299

    /// Nil when `value` is finite and within `range`, else why not, in words: "must be at most 10,000 hours, not 1.00e+308".
    public static func problem(_ value: Double, _ range: ClosedRange<Double>, positive: Bool = false, unit: String? = nil) -> String? {
        // The plausible figure, by far the most common, returns before any message is put together.
        if value.isFinite && !(positive && value <= 0) && range.contains(value) { return nil }
        let unit = unit.map { " " + $0 } ?? ""
        guard value.isFinite else { return "not a finite number" }
        if positive && value <= 0 { return "must be greater than 0\(unit), not \(NumberText.compact(value))" }
        if value < range.lowerBound { return "must be at least \(NumberText.compact(range.lowerBound))\(unit), not \(NumberText.compact(value))" }
        if value > range.upperBound { return "must be at most \(NumberText.compact(range.upperBound))\(unit), not \(NumberText.compact(value))" }
        return nil
    }
}
