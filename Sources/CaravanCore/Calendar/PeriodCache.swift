/// Parsed periods by their text: a file repeats a handful of periods over millions of rows, and
/// placing a period on the calendar is the costly part.
public struct PeriodCache: Sendable {
    private var parsed: [String: Period] = [:]
    private var years: [Int: Period] = [:]

    public init() {}

    /// The period the text names, parsed once.
    public mutating func period(_ text: String) throws(PeriodError) -> Period {
        if let period = parsed[text] { return period }
        let period = try Period(parsing: text)
        parsed[text] = period
        return period
    }

    /// A Gregorian year.
    public mutating func year(_ year: Int) -> Period {
        if let period = years[year] { return period }
        let period = Period.year(year)
        years[year] = period
        return period
    }

    /// A Gregorian month from its year and month number.
    public mutating func month(year: Int, month: Int) throws(PeriodError) -> Period {
        try period(String(year) + "-" + (month < 10 ? "0" : "") + String(month))
    }
}
