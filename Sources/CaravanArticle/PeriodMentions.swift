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

    static let gregorianYears = 1900...2100
    static let iranianYears = 1300...1499

    func read() -> [PeriodMention] {
        var found: [PeriodMention] = []
        var covered = IndexSet()
        for rule in [countedMonths, namedMonths, relativeYear, year] {
            for index in marks.tokens.indices where !covered.contains(index) {
                guard let mention = rule(index), !covered.intersects(integersIn: mention.tokens) else { continue }
                found.append(mention)
                covered.insert(integersIn: mention.tokens)
            }
        }
        return found.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "the first seven months of 1404", "9 месяцев 2022 года", "۹ ماهه نخست ۱۴۰۱": N months from the year's start.
    private func countedMonths(_ index: Int) -> PeriodMention? {
        guard let months = marks.longest("months", at: index + 1), let count = count(at: index), (1...12).contains(count) else { return nil }
        let yearAt = marks.skipping("year.filler", from: months.tokens.upperBound, limit: 4)
        guard let (year, calendar, end) = yearReference(at: yearAt) else { return nil }
        let period = year.map { Period.months(1, through: count, of: $0, in: calendar) }
        return PeriodMention(tokens: index..<end, period: period)
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
        let back = mark.isA("period.last") ? 1 : 0
        let year = published.map { calendar.civil($0).year - back }
        return (year, calendar, mark.tokens.upperBound)
    }

    private func yearRange(_ calendar: CalendarSystem) -> ClosedRange<Int> {
        calendar == .solarHijri ? Self.iranianYears : Self.gregorianYears
    }
}
