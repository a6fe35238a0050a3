import CaravanCore
import Foundation

/// What a growth is compared against: a stated period ("compared to 2023"), the same period of a stated
/// year ("compared to the same period of 1400") or of the year before ("year on year", "the same period the
/// previous year").
struct Comparison: Sendable {
    let tokens: Range<Int>
    /// The period stated after "compared to"; nil when the comparison is with the same period of another year.
    let stated: PeriodMention?
    /// The year whose same period is compared against; nil for the year before.
    var sameIn: Period?

    /// The period compared against, for a growth of `period`.
    func versus(_ period: Period?) -> Period? {
        if let stated { return stated.period }
        guard let period else { return nil }
        guard let year = sameIn else { return period.previousYear }
        // "the first five months of 1401 … compared to the same period of 1400": the same months, that year.
        guard year.grain == .year, year.calendar == period.calendar else { return nil }
        return period.shifted(years: year.first - period.calendar.civil(period.days.lowerBound).year)
    }
}

/// Finds a sentence's comparisons. Their periods are what is compared against, never a statement's own.
enum Comparisons {
    /// How far after "compared to" its period may start ("compared with the 2023 level", "than in 2023").
    static let reach = 3

    /// The tokens of phrases of the same period a year earlier: no period is read in them.
    static func yearEarlier(_ marks: SentenceMarks) -> IndexSet {
        var covered = IndexSet()
        for mark in marks.all("year.earlier") { covered.insert(integersIn: mark.tokens) }
        return covered
    }

    /// Every comparison, and the periods left to the statements.
    static func read(_ marks: SentenceMarks, periods: [PeriodMention]) -> (comparisons: [Comparison], periods: [PeriodMention]) {
        var comparisons = marks.all("year.earlier").map { Comparison(tokens: $0.tokens, stated: nil) }
        var left = periods
        for cue in marks.all("versus") {
            guard let index = left.firstIndex(where: { (cue.tokens.upperBound..<(cue.tokens.upperBound + reach)).contains($0.tokens.lowerBound) })
            else { continue }
            let mention = left.remove(at: index)
            guard marks.longest("anaphor.period", at: mention.tokens.lowerBound) != nil else {
                comparisons.append(Comparison(tokens: cue.tokens.lowerBound..<mention.tokens.upperBound, stated: mention))
                continue
            }
            // "compared to the same period of 1400": the year after "the same period"; with none, no comparison is read.
            let yearAt = marks.skipping("year.filler", from: mention.tokens.upperBound, limit: 2)
            guard let year = left.firstIndex(where: { $0.tokens.lowerBound == yearAt }), let period = left[year].period else { continue }
            comparisons.append(Comparison(tokens: cue.tokens.lowerBound..<left[year].tokens.upperBound, stated: nil, sameIn: period))
            left.remove(at: year)
        }
        return (comparisons.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }, left)
    }
}
