import CaravanCore
import Foundation

/// One sentence read for what it states — figures, targets, growths, counts — with what the paragraph before
/// it stated, which it then carries on.
struct SentenceReading {
    let marks: SentenceMarks
    let language: String
    let published: Day?
    let pair: (String, String)?
    /// True when the caller says the source counts relative years in the Iranian calendar.
    let iranianSource: Bool

    /// A statement before it is placed in the text: its kind, the tokens of its number and its fields.
    struct Statement {
        let kind: Finding.Kind
        let tokens: Range<Int>
        var reporter, partner: String?
        var flow: TradeFlow?
        var commodity: String?
        var period: Period?
        var valueUSD: Decimal?
        var bound: Bound
        var year: Int?
        var pct: Decimal?
        var versus: Period?
        var what: Counted?
        var value: Decimal?
    }

    /// How far before a growth its flow word may stand ("trade between the two countries grew by 20%"), and after
    /// it ("a 96% growth in trade"), when no figure stands beside it.
    static let flowBefore = 8
    static let flowAfter = 4

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
            if let statement = self.growth(growth, figures: figures, periods: periods, comparisons: comparisons, pair: sidePair) {
                statements.append(statement)
            }
        }
        statements += counts(outside: taken, periods: periods, pair: sidePair)
        let named = figures.lazy.filter { $0.kind == .figure }.compactMap(\.sides).first
        context.update(periods: periods, marks: marks, pair: named, caller: pair)
        context.listOpen = marks.tokens.last?.text == ":" || (context.listOpen && rows)
        return statements.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A growth of the figure it stands beside ("$340 million, a 12.3% increase"), else of the flow a word of the
    /// sentence names; a change of tonnes ("420,489 tons (up 47.93%)") or of nothing traded is none.
    private func growth(
        _ growth: GrowthMention, figures: [Figure], periods: [PeriodMention], comparisons: [Comparison], pair: (String, String)?
    ) -> Statement? {
        if growth.tokens.lowerBound >= 2, marks.tokens[growth.tokens.lowerBound - 1].text == "(",
            marks.longest("count.tonnes", at: growth.tokens.lowerBound - 2) != nil
        {
            return nil
        }
        var statement: Statement
        if let figure = nearest(figures.filter { $0.kind == .figure }, to: growth.tokens), !otherFlow(between: figure, and: growth) {
            statement = Statement(
                kind: .growth, tokens: growth.core, reporter: figure.reporter, partner: figure.partner, flow: figure.flow,
                commodity: figure.commodity, period: figure.period, bound: growth.bound)
        } else {
            // The flow word must stand near: in "trade rose 40%, while inflation rose 10%" the second is no growth of trade.
            let flows = marks.all("flow")
            let start = growth.tokens.lowerBound
            let end = growth.tokens.upperBound
            let before = flows.last { $0.tokens.upperBound <= start && start - $0.tokens.upperBound <= Self.flowBefore }
            let after = flows.first { $0.tokens.lowerBound >= end && $0.tokens.lowerBound - end < Self.flowAfter }
            guard let flowMark = before ?? after, let flow = TradeFlow(rawValue: flowMark.value) else { return nil }
            let (reporter, partner) = Direction(marks: marks, pair: pair).sides(flow, near: flowMark)
            let next = marks.tokens.count
            statement = Statement(
                kind: .growth, tokens: growth.core, reporter: reporter, partner: partner, flow: flow, commodity: commodity(),
                period: Figures.period(of: growth.tokens, in: periods, marks: marks, before: next)?.period, bound: growth.bound)
        }
        statement.pct = growth.pct
        statement.versus = comparison(of: growth, in: comparisons)?.versus(statement.period)
        return statement
    }

    /// True when a flow word other than the figure's stands between it and the growth: "$340 million in 2024, while
    /// exports rose 12%" is a growth of exports.
    private func otherFlow(between figure: Figure, and growth: GrowthMention) -> Bool {
        let between = min(figure.amount.tokens.upperBound, growth.tokens.upperBound)..<max(figure.amount.tokens.lowerBound, growth.tokens.lowerBound)
        return marks.all("flow").contains { between.contains($0.tokens.lowerBound) && $0.value != figure.flow?.rawValue }
    }

    /// The figure whose amount stands nearest the growth, before or after it.
    private func nearest(_ figures: [Figure], to tokens: Range<Int>) -> Figure? {
        figures.min { distance($0.amount.tokens, tokens) < distance($1.amount.tokens, tokens) }
    }

    private func distance(_ one: Range<Int>, _ other: Range<Int>) -> Int {
        one.upperBound <= other.lowerBound ? other.lowerBound - one.upperBound : max(0, one.lowerBound - other.upperBound)
    }

    /// The comparison just after the growth ("12.3% increase compared to 2023", "growth year on year"), else just before it.
    private func comparison(of growth: GrowthMention, in comparisons: [Comparison]) -> Comparison? {
        comparisons.first { (growth.tokens.upperBound..<(growth.tokens.upperBound + 8)).contains($0.tokens.lowerBound) }
            ?? comparisons.last { $0.tokens.upperBound <= growth.tokens.lowerBound && $0.tokens.upperBound + 6 >= growth.tokens.lowerBound }
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

    private func commodity() -> String {
        if marks.has("commodity.NONOIL") { return "NONOIL" }
        if marks.has("commodity.AGRI") { return "AGRI" }
        return "TOTAL"
    }
}
