import CaravanCore
import Foundation

/// One sentence read for what it states — figures, targets, growths, counts — with what the paragraph before
/// it stated, which it then carries on.
struct SentenceReading: Sendable {
    let marks: SentenceMarks
    let language: String
    let published: Day?
    let pair: (String, String)?
    /// True when the caller says the source counts relative years in the Iranian calendar.
    let iranianSource: Bool

    func read(_ context: inout ParagraphContext) -> [Statement] {
        var mentions = PeriodMentions(marks: marks, published: published, iranian: iranianSource || language == "fa" || marks.has("iranian"))
        mentions.skipped = Comparisons.yearEarlier(marks)
        mentions.carried = context.period
        let (comparisons, periods) = Comparisons.read(marks, periods: mentions.read())
        let sidePair = context.pair ?? pair
        let amounts = Amounts.read(marks, language: language)
        let figures = Figures(marks: marks, periods: periods, pair: sidePair, context: context).read(amounts)
        let rows = amounts.contains { Lists.country(marks, before: $0.tokens.lowerBound, after: 0) != nil }
        var statements = figures.map { figure in
            Statement(
                kind: figure.kind, tokens: figure.amount.tokens, reporter: figure.reporter, partner: figure.partner, flow: figure.flow,
                commodity: figure.commodity, period: figure.period, valueUSD: figure.amount.value, bound: figure.bound, year: figure.year)
        }
        var taken = IndexSet()
        for range in figures.map(\.amount.tokens) + periods.map(\.tokens) + comparisons.map(\.tokens) { taken.insert(integersIn: range) }
        for growth in Growths(marks: marks, language: language).read() {
            taken.insert(integersIn: growth.tokens)
            if let statement = self.growth(growth, figures: figures, periods: periods, comparisons: comparisons, pair: sidePair, context: context) {
                statements.append(statement)
            }
        }
        statements += counts(outside: taken, periods: periods, pair: sidePair)
        let named = figures.lazy.filter { $0.kind == .figure }.compactMap(\.sides).first
        context.update(periods: periods, marks: marks, pair: named, caller: pair)
        context.listOpen = marks.tokens.last?.text == ":" || (context.listOpen && rows)
        return statements.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Counts, and tonnes of freight to be reached ("throughput objectives of 15 million tons by 2027") as targets.
    private func counts(outside taken: IndexSet, periods: [PeriodMention], pair: (String, String)?) -> [Statement] {
        let (reporter, partner) = Direction(marks: marks, pair: pair).named()
        return Counts(marks: marks, language: language).read(outside: taken).map { count in
            // Only tonnes are aimed at ("throughput objectives of 15 million tons"); documents are signed.
            let target = count.what == .tonnes && Targets.cue(marks, before: count.tokens.lowerBound)
            return Statement(
                kind: target ? .target : .count, tokens: count.tokens, reporter: reporter, partner: partner,
                period: target ? nil : Figures.period(of: count.tokens, in: periods, marks: marks, before: marks.tokens.count)?.period,
                bound: count.bound, year: target ? Targets.year(marks, after: count.tokens.upperBound, before: marks.tokens.count) : nil,
                what: count.what, value: count.value)
        }
    }
}
