import CaravanCore
import Foundation

/// A period stated in a sentence, with the tokens that state it; `period` is nil when it is relative
/// ("last year") and no publication date was given to resolve it against.
struct PeriodMention: Sendable {
    let tokens: Range<Int>
    let period: Period?
}

/// Finds the periods a sentence states, in the ledger's syntax: months counted from a year's start
/// ("the first nine months of 2025" → `2025-01..2025-09`), named months ("January–November 2022"),
/// relative years resolved against the publication date, and years (`1401` is Iranian: `SH1401`).
struct PeriodMentions {
    let marks: SentenceMarks
    let published: Day?
    /// True when the sentence counts in the Iranian calendar ("the current Iranian year", "March 21", a Persian text).
    let iranian: Bool
    /// Tokens a comparison covers ("the same period the previous year"): they state what is compared against,
    /// not the statement's period, and are not read here.
    var skipped = IndexSet()
    /// The period an earlier sentence of the paragraph stated, for "during the period", "the three-month period".
    var carried: Period?

    static let gregorianYears = 1900...2100
    static let iranianYears = 1300...1499

    func read() -> [PeriodMention] {
        var found: [PeriodMention] = []
        var covered = skipped
        // A relative year before named months: "the last Iranian year (March 2020-21)" is read whole.
        for rule in [countedMonths, earlier, relativeYear, namedMonths, year] {
            for index in marks.tokens.indices where !covered.contains(index) {
                guard let mention = rule(index), !covered.intersects(integersIn: mention.tokens) else { continue }
                found.append(mention)
                covered.insert(integersIn: mention.tokens)
            }
        }
        return found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "the first seven months of 1404", "9 месяцев 2022 года", "۹ ماهه نخست ۱۴۰۱": N months from the year's start;
    /// "9 months and 10 days of 1401": to the 10th day of the month after them.
    private func countedMonths(_ index: Int) -> PeriodMention? {
        guard let months = marks.longest("months", at: index + 1), let count = count(at: index), (1...12).contains(count) else { return nil }
        let days = extraDays(after: months.tokens.upperBound, months: count)
        let yearAt = marks.skipping("year.filler", from: days?.end ?? months.tokens.upperBound, limit: 4)
        guard let (year, calendar, end) = yearReference(at: yearAt) else { return nil }
        let period = year.map { year in
            guard let days = days?.count else { return Period.months(1, through: count, of: year, in: calendar) }
            let last = CivilDate(calendar: calendar, year: year, month: count + 1, day: days).dayNumber
            return Period.days(calendar.firstDay(year: year)...last, in: calendar)
        }
        return PeriodMention(tokens: index..<end, period: period)
    }

    /// "and 10 days" after a count of months: the days into the month that follows them, and where the words end.
    private func extraDays(after index: Int, months: Int) -> (count: Int, end: Int)? {
        guard months < 12, let join = marks.longest("join", at: index), let count = count(at: join.tokens.upperBound), (1...28).contains(count),
            let days = marks.longest("days", at: join.tokens.upperBound + 1)
        else { return nil }
        return (count, days.tokens.upperBound)
    }

    /// "during the period", "the three-month period", "за этот период": the period an earlier sentence stated, if any.
    private func earlier(_ index: Int) -> PeriodMention? {
        guard let mark = marks.longest("anaphor.period", at: index) else { return nil }
        return PeriodMention(tokens: mark.tokens, period: carried)
    }

    /// "January–November 2022", "в январе-ноябре 2022 года", "ينایر وفبرایر من عام 2025", "Farvardin 1401".
    private func namedMonths(_ index: Int) -> PeriodMention? {
        guard let (first, calendar, firstEnd) = month(at: index) else { return nil }
        var last = first
        var next = firstEnd
        let joinEnd = marks.longest("range.join", at: next)?.tokens.upperBound ?? next
        if let (second, secondCalendar, secondEnd) = month(at: joinEnd), secondCalendar == calendar, second >= first {
            last = second
            next = secondEnd
        }
        let yearAt = marks.skipping("year.filler", from: next, limit: 3)
        guard let token = marks.number(at: yearAt), let year = Int(token.text), yearRange(calendar).contains(year) else { return nil }
        return PeriodMention(tokens: index..<(yearAt + 1), period: Period.months(first, through: last, of: year, in: calendar))
    }

    /// "last year", "в этом году", "امسال", "the current Iranian year".
    private func relativeYear(_ index: Int) -> PeriodMention? {
        guard let (year, calendar, end) = relative(at: index) else { return nil }
        return PeriodMention(tokens: index..<end, period: year.map { Period.year($0, in: calendar) })
    }

    /// "in 2018", "1401": a four-digit year not part of an amount.
    private func year(_ index: Int) -> PeriodMention? {
        guard let (year, calendar) = yearNumber(at: index) else { return nil }
        let next = index + 1
        for family in ["scale", "currency", "unit.other"] where marks.longest(family, at: next) != nil { return nil }
        if index > 0, marks.longest("currency", at: index - 1) != nil { return nil }
        return PeriodMention(tokens: index..<next, period: Period.year(year, in: calendar))
    }

    // MARK: Parts

    private func count(at index: Int) -> Int? {
        if let token = marks.number(at: index) { return Int(token.text) }
        return marks.longest("number", at: index).flatMap { Int($0.value) }
    }

    private func month(at index: Int) -> (Int, CalendarSystem, Int)? {
        if let mark = marks.longest("month", at: index), let month = Int(mark.value) { return (month, .gregorian, mark.tokens.upperBound) }
        if let mark = marks.longest("sh", at: index), let month = Int(mark.value) { return (month, .solarHijri, mark.tokens.upperBound) }
        return nil
    }

    /// A year a count of months belongs to: a number or a relative year; the year is nil when it cannot be resolved.
    private func yearReference(at index: Int) -> (Int?, CalendarSystem, Int)? {
        if let (year, calendar) = yearNumber(at: index) { return (year, calendar, index + 1) }
        return relative(at: index)
    }

    private func yearNumber(at index: Int) -> (Int, CalendarSystem)? {
        guard let token = marks.number(at: index), token.text.count == 4, let year = Int(token.text) else { return nil }
        if Self.gregorianYears.contains(year) { return (year, .gregorian) }
        if Self.iranianYears.contains(year) { return (year, .solarHijri) }
        return nil
    }

    private func relative(at index: Int) -> (Int?, CalendarSystem, Int)? {
        guard let mark = marks.longest("period", at: index) else { return nil }
        let calendar: CalendarSystem = iranian || marks.tokens[mark.tokens].contains { $0.text == "iranian" } ? .solarHijri : .gregorian
        if calendar == .solarHijri, let (year, end) = explainedIranianYear(at: mark.tokens.upperBound) { return (year, calendar, end) }
        let back = mark.isA("period.last") ? 1 : 0
        let year = published.map { calendar.civil($0).year - back }
        return (year, calendar, mark.tokens.upperBound)
    }

    /// "(March 2020-21)", "(March 21 through December 21, 2023)", "(starting from March 21, 2018)" just after a
    /// relative Iranian year: the year that starts in March of the first Gregorian year named, and the end of the parenthesis.
    private func explainedIranianYear(at index: Int) -> (Int, Int)? {
        guard index < marks.tokens.count, marks.tokens[index].text == "(" else { return nil }
        let group = marks.tokens[index].start
        var year: Int?
        var next = index + 1
        while next < marks.tokens.count, marks.tokens[next].group == group || marks.tokens[next].text == ")" {
            if marks.tokens[next].text == ")" { return year.map { ($0, next + 1) } }
            if year == nil, let (found, calendar) = yearNumber(at: next), calendar == .gregorian, marks.has("iranian") || marks.has("month.3") {
                year = found - Self.iranianYearOffset
            }
            next += 1
        }
        return nil
    }

    /// An Iranian year starts in March of the Gregorian year this many years later: 1404 on 21 March 2025.
    static let iranianYearOffset = 621

    private func yearRange(_ calendar: CalendarSystem) -> ClosedRange<Int> {
        calendar == .solarHijri ? Self.iranianYears : Self.gregorianYears
    }
}
