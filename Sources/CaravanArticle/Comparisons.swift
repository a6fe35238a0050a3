import CaravanCore
import Foundation

/// What a growth is compared against: a stated period ("compared to 2023") or the same period a year
/// earlier ("year on year", "the same period the previous year").
struct Comparison: Sendable {
    let tokens: Range<Int>
    /// The period stated after "compared to"; nil when the comparison is with the same period a year earlier.
    let stated: PeriodMention?

    /// The period compared against, for a growth of `period`.
    func versus(_ period: Period?) -> Period? {
        guard let stated else { return period?.previousYear }
        return stated.period
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
            comparisons.append(Comparison(tokens: cue.tokens.lowerBound..<left[index].tokens.upperBound, stated: left[index]))
            left.remove(at: index)
        }
        return (comparisons.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }, left)
    }
}
