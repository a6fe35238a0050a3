/// Parsed periods by their text: a file repeats a handful of periods over millions of rows, and
/// placing a period on the calendar is the costly part.
public struct PeriodCache: Sendable {
    private var parsed: [String: Period] = [:]
    private var years: [Int: Period] = [:]
    /// Whether years outside `Period.years(in:)` are read: a store may hold them from before the range was kept.
    private let anyYear: Bool

    /// A cache for reading files (`anyYear` false) or what a store holds (`anyYear` true).
    public init(anyYear: Bool = false) { self.anyYear = anyYear }

    /// The period the text names, parsed once.
    public mutating func period(_ text: String) throws(PeriodError) -> Period {
        if let period = parsed[text] { return period }
        let period = try Period(parsing: text, anyYear: anyYear)
        parsed[text] = period
        return period
    }

    /// A Gregorian year, within the years a period may name.
    public mutating func year(_ year: Int) throws(PeriodError) -> Period {
        if let period = years[year] { return period }
        if let problem = Period.yearProblem(year, in: .gregorian) { throw PeriodError(String(year), problem) }
        let period = Period.year(year)
        years[year] = period
        return period
    }

    /// A Gregorian month from its year and month number.
    public mutating func month(year: Int, month: Int) throws(PeriodError) -> Period {
        try period(String(year) + "-" + (month < 10 ? "0" : "") + String(month))
    }
}
