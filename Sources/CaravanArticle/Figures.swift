import CaravanCore
import Foundation

/// The figures and targets of one sentence: each amount of dollars with the flow, period, pair, commodity and
/// bound the words around it (and, for a row of a list, the paragraph before it) give.
struct Figures {
    let marks: SentenceMarks
    /// The periods the sentence states, those a comparison names left out.
    let periods: [PeriodMention]
    let pair: (String, String)?
    let context: ParagraphContext

    /// How far after an amount its flow may stand ("$426.7 million (82.6 percent) of Kazakhstan's exports").
    static let flowReach = 10
    /// How far after an amount a period belongs to it ("$516.3 million in 2018", "in the first eight months").
    static let periodReach = 5

    /// Each amount that a flow word, a row of a list or "this figure" makes a figure of; one after a word
    /// of aim ("targets of $1 billion") is a target.
    func read(_ amounts: [Amount]) -> [Figure] {
        var row: Mark?
        var aimed = false
        return amounts.enumerated().compactMap { position, amount -> Figure? in
            let next = position + 1 < amounts.count ? amounts[position + 1].tokens.lowerBound : marks.tokens.count
            let previous = position > 0 ? amounts[position - 1].tokens.upperBound : 0
            // A target joined to the one before is a target too: "targets of $1 billion … and up to $3 billion".
            let joined = aimed && (previous..<amount.tokens.lowerBound).contains { marks.longest("join", at: $0) != nil }
            aimed = joined || Targets.cue(marks, before: amount.tokens.lowerBound)
            if aimed { return target(amount, after: previous, before: next) }
            // A row goes on to the amounts after it ("Kazakhstan with $201.21 million of exports to Iran and $167.99 million
            // of imports") until another row's country, or a country of another clause, is named.
            let own = flow(for: amount, after: previous, before: next)
            row =
                Lists.country(marks, before: amount.tokens.lowerBound, after: previous)
                ?? (Lists.continues(marks, from: previous, to: amount.tokens.lowerBound, flow: own) ? row : nil)
            let listed = row
            if let flowMark = own, let flow = TradeFlow(rawValue: flowMark.value) {
                let (reporter, partner) = Direction(marks: marks, pair: pair).sides(flow, near: flowMark, listed: listed)
                return Figure(
                    kind: .figure, amount: amount, reporter: reporter, partner: partner, flow: flow, commodity: marks.commodity,
                    period: period(for: amount, before: next, carried: listed != nil), bound: marks.bound(before: amount.tokens.lowerBound))
            }
            // No flow word: a row of a list or "this figure" is of the flow the paragraph stated, or of none said.
            guard listed != nil || marks.has("anaphor.figure") else { return nil }
            let direction = Direction(marks: marks, pair: pair)
            let (reporter, partner) = listed.map { direction.row($0.value) } ?? direction.named()
            return Figure(
                kind: .figure, amount: amount, reporter: reporter, partner: partner, flow: context.flow,
                commodity: marks.has("commodity") ? marks.commodity : context.commodity ?? "TOTAL",
                period: period(for: amount, before: next, carried: true), bound: marks.bound(before: amount.tokens.lowerBound))
        }
    }

    /// An amount to be reached: of the flow a word names (trade when none), by the year after "by", if any.
    private func target(_ amount: Amount, after previous: Int, before next: Int) -> Figure {
        let flowMark = flow(for: amount, after: previous, before: next)
        let flow = flowMark.flatMap { TradeFlow(rawValue: $0.value) } ?? .turnover
        let direction = Direction(marks: marks, pair: pair)
        let (reporter, partner) = flowMark.map { direction.sides(flow, near: $0) } ?? direction.named()
        return Figure(
            kind: .target, amount: amount, reporter: reporter, partner: partner, flow: flow, commodity: marks.commodity, period: nil,
            bound: Targets.bound(marks, before: amount.tokens.lowerBound), year: Targets.year(marks, after: amount.tokens.upperBound, before: next))
    }

    /// The flow word just after the amount (before the next one), else the nearest before it, else any after.
    private func flow(for amount: Amount, after previous: Int, before next: Int) -> Mark? {
        let flows = marks.all("flow")
        let reach = min(next, amount.tokens.upperBound + Self.flowReach)
        if let after = flows.first(where: { (amount.tokens.upperBound..<reach).contains($0.tokens.lowerBound) }) {
            // A flow word past a comma that opens the next amount's clause is that amount's ("exports reached $180.5
            // million …, while imports were $68.6 million", "…, а импорт — 68,6 млн"), when this one has its own before it.
            let own = flows.last { $0.tokens.lowerBound >= previous && $0.tokens.upperBound <= amount.tokens.lowerBound }
            let clause = (amount.tokens.upperBound..<after.tokens.lowerBound).contains { [",", "،", ";"].contains(marks.tokens[$0].text) }
            let nearerNext = next < marks.tokens.count && clause
            return nearerNext ? own ?? after : after
        }
        if let before = flows.last(where: { $0.tokens.upperBound <= amount.tokens.lowerBound }) { return before }
        return flows.first { $0.tokens.lowerBound >= amount.tokens.upperBound }
    }

    /// The period of the amount's own sentence; when it states none, for a row of a list, the paragraph's.
    private func period(for amount: Amount, before next: Int, carried: Bool) -> Period? {
        guard let mention = Self.period(of: amount.tokens, in: periods, marks: marks, before: next) else { return carried ? context.period : nil }
        return mention.period
    }

    /// The period just after `tokens`, else the nearest before them, else the first after them before `next`;
    /// one in parentheses the tokens are not in only explains another ("1404 (March 2025-March 2026)").
    static func period(of tokens: Range<Int>, in periods: [PeriodMention], marks: SentenceMarks, before next: Int) -> PeriodMention? {
        let group = marks.tokens[tokens.lowerBound].group
        let usable = periods.filter { marks.tokens[$0.tokens.lowerBound].group == -1 || marks.tokens[$0.tokens.lowerBound].group == group }
        let reach = min(next, tokens.upperBound + Self.periodReach)
        if let after = usable.first(where: { (tokens.upperBound..<reach).contains($0.tokens.lowerBound) }) { return after }
        if let before = usable.last(where: { $0.tokens.upperBound <= tokens.lowerBound }) { return before }
        return usable.first { (tokens.upperBound..<next).contains($0.tokens.lowerBound) }
    }
}

/// A figure or target before it is placed in the text: the amount's tokens and what the sentence says of it.
struct Figure: Sendable {
    let kind: Finding.Kind
    let amount: Amount
    let reporter: String?
    let partner: String?
    let flow: TradeFlow?
    let commodity: String
    let period: Period?
    let bound: Bound
    var year: Int?

    /// Both sides, when both are known.
    var sides: (String, String)? {
        guard let reporter, let partner else { return nil }
        return (reporter, partner)
    }
}
