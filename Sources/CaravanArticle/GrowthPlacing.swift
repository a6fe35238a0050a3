import CaravanCore
import Foundation

/// Where a growth belongs: to the figure beside it, else to a flow word near it, and against which period.
extension SentenceReading {
    /// How far before a growth its flow word may stand ("trade between the two countries grew by 20%"), and after
    /// it ("a 96% growth in trade"), when no figure stands beside it.
    static let flowBefore = 8
    static let flowAfter = 4

    /// How far after a growth its comparison may start ("jumped twofold during the first 9 months of the year 2021 in
    /// comparison to the same period in 2020"), and before it end
    /// ("compared to 2023, trade rose 12%").
    static let comparisonAfter = 14
    static let comparisonBefore = 6

    /// A growth of the figure it stands beside ("$340 million, a 12.3% increase"), else of the flow a word of the
    /// sentence names; a change of tonnes ("420,489 tons (up 47.93%)") or of nothing traded is none.
    func growth(
        _ growth: GrowthMention, figures: [Figure], periods: [PeriodMention], comparisons: [Comparison], pair: (String, String)?,
        context: ParagraphContext
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
            let period = Figures.period(of: growth.tokens, in: periods, marks: marks, before: marks.tokens.count)?.period
            if let flowMark = before ?? after, let flow = TradeFlow(rawValue: flowMark.value) {
                let (reporter, partner) = Direction(marks: marks, pair: pair).sides(flow, near: flowMark)
                statement = Statement(
                    kind: .growth, tokens: growth.core, reporter: reporter, partner: partner, flow: flow, commodity: marks.commodity,
                    period: period, bound: growth.bound)
            } else if marks.has("anaphor.figure"), let flow = context.flow {
                // "рост показателей на 40%", "this figure rose 12%": a growth of the flow the paragraph stated.
                let (reporter, partner) = Direction(marks: marks, pair: pair).named()
                statement = Statement(
                    kind: .growth, tokens: growth.core, reporter: reporter, partner: partner, flow: flow,
                    commodity: marks.has("commodity") ? marks.commodity : context.commodity ?? "TOTAL", period: period, bound: growth.bound)
            } else {
                return nil
            }
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
        figures.min { Lists.distance($0.amount.tokens, tokens) < Lists.distance($1.amount.tokens, tokens) }
    }

    /// The comparison just after the growth ("12.3% increase compared to 2023", "growth year on year"), else just before it.
    private func comparison(of growth: GrowthMention, in comparisons: [Comparison]) -> Comparison? {
        comparisons.first { (growth.tokens.upperBound..<(growth.tokens.upperBound + Self.comparisonAfter)).contains($0.tokens.lowerBound) }
            ?? comparisons.last {
                $0.tokens.upperBound <= growth.tokens.lowerBound && $0.tokens.upperBound + Self.comparisonBefore >= growth.tokens.lowerBound
            }
    }
}
