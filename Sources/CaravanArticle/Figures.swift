import CaravanCore
import Foundation

/// The figures of one sentence: each amount of dollars with the flow, period, pair, commodity and bound
/// the words around it give.
struct Figures {
    let marks: SentenceMarks
    let periods: [PeriodMention]
    let pair: (String, String)?

    /// How far after an amount its flow may stand ("$426.7 million (82.6 percent) of Kazakhstan's exports").
    static let flowReach = 10
    /// How far after an amount a period belongs to it ("$516.3 million in 2018", "in the first eight months").
    static let periodReach = 5

    /// Each amount that a flow word makes a figure of; a sentence that sets a target states none.
    func read(_ amounts: [Amount]) -> [Figure] {
        amounts.enumerated().compactMap { position, amount -> Figure? in
            let next = position + 1 < amounts.count ? amounts[position + 1].tokens.lowerBound : marks.tokens.count
            guard !targetBefore(amount), let flowMark = flow(for: amount, before: next), let flow = TradeFlow(rawValue: flowMark.value) else {
                return nil
            }
            let (reporter, partner) = Direction(marks: marks, pair: pair).sides(flow, near: flowMark)
            return Figure(
                amount: amount, reporter: reporter, partner: partner, flow: flow, commodity: commodity(),
                period: period(for: amount, before: next), bound: bound(before: amount))
        }
    }

    private func targetBefore(_ amount: Amount) -> Bool {
        marks.all("target").contains { $0.tokens.lowerBound < amount.tokens.lowerBound }
    }

    /// The flow word just after the amount (before the next one), else the nearest before it, else any after.
    private func flow(for amount: Amount, before next: Int) -> Mark? {
        let flows = marks.all("flow")
        let reach = min(next, amount.tokens.upperBound + Self.flowReach)
        if let after = flows.first(where: { (amount.tokens.upperBound..<reach).contains($0.tokens.lowerBound) }) { return after }
        if let before = flows.last(where: { $0.tokens.upperBound <= amount.tokens.lowerBound }) { return before }
        return flows.first { $0.tokens.lowerBound >= amount.tokens.upperBound }
    }

    /// The period just after the amount, else the nearest before it, else the first after it before the next
    /// amount; one in parentheses the amount is not in only explains another ("1404 (March 2025-March 2026)").
    private func period(for amount: Amount, before next: Int) -> PeriodMention? {
        let group = marks.tokens[amount.tokens.lowerBound].group
        let usable = periods.filter { marks.tokens[$0.tokens.lowerBound].group == -1 || marks.tokens[$0.tokens.lowerBound].group == group }
        let reach = min(next, amount.tokens.upperBound + Self.periodReach)
        if let after = usable.first(where: { (amount.tokens.upperBound..<reach).contains($0.tokens.lowerBound) }) { return after }
        if let before = usable.last(where: { $0.tokens.upperBound <= amount.tokens.lowerBound }) { return before }
        return usable.first { (amount.tokens.upperBound..<next).contains($0.tokens.lowerBound) }
    }

    private func commodity() -> String {
        if marks.has("commodity.NONOIL") { return "NONOIL" }
        if marks.has("commodity.AGRI") { return "AGRI" }
        return "TOTAL"
    }

    /// "more than", "about", "sub-" just before the amount, a dash or "at" between allowed.
    private func bound(before amount: Amount) -> Bound {
        var end = amount.tokens.lowerBound
        while end > 0, ["-", "at", "of"].contains(marks.tokens[end - 1].text) { end -= 1 }
        for start in stride(from: end - 1, through: max(0, end - 4), by: -1) {
            if let mark = marks.longest("bound", at: start), mark.tokens.upperBound == end, let bound = Bound(rawValue: mark.value) {
                return bound
            }
        }
        return .exact
    }
}

/// A figure before it is placed in the text: the amount's tokens and what the sentence says of it.
struct Figure: Sendable {
    let amount: Amount
    let reporter: String?
    let partner: String?
    let flow: TradeFlow
    let commodity: String
    let period: PeriodMention?
    let bound: Bound
}
