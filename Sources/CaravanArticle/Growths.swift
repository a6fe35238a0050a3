import Foundation

/// A change stated in a sentence, before it is placed: its tokens, as a change in percent, and how surely.
struct GrowthMention: Sendable {
    let tokens: Range<Int>
    /// Where the percentage, multiple or word of multiple itself stands.
    let core: Range<Int>
    let pct: Decimal
    let bound: Bound
}

/// Finds rises and falls: a percentage beside a word of rise or fall ("up 47.93%", "a 12.3% increase",
/// "вырос на 40%", "۳۸ درصد افزایش"), a multiple ("1.8 times", "в 1,8 раза", "2.5 مرة") or a word of one
/// ("doubled", "nearly double", "вдвое"). A percentage with no such word ("82.6 percent" of exports, "90% of
/// goods") is no growth.
struct Growths: Sendable {
    let marks: SentenceMarks
    let language: String

    /// How far before a percentage its word of rise or fall may stand ("increased trade by 38%").
    static let cueBefore = 4
    /// How far after it ("a 12.3% increase", "24 percent growth").
    static let cueAfter = 2

    func read() -> [GrowthMention] {
        var found: [GrowthMention] = []
        var index = 0
        while index < marks.tokens.count {
            if let growth = ratioWord(at: index) ?? multiple(at: index) ?? percentage(at: index) {
                found.append(growth)
                index = growth.core.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// "up 12.3%", "a 12.3% increase", "снизился на 5%": the percentage, its sign from the word beside it.
    private func percentage(at index: Int) -> GrowthMention? {
        guard let token = marks.number(at: index), let percent = marks.longest("percent", at: index + 1),
            let value = PublishedNumber.value(token.text, language: language), let cue = cue(around: index..<percent.tokens.upperBound)
        else { return nil }
        return mention(index..<percent.tokens.upperBound, cue: cue, pct: cue.isA("growth.down") ? -value : value)
    }

    /// "1.8 times", "в 1,8 раза", "2.5 مرة": a ratio, with a word of rise or fall beside it.
    private func multiple(at index: Int) -> GrowthMention? {
        guard let token = marks.number(at: index) else { return nil }
        let timesAt = index + 1 < marks.tokens.count && marks.tokens[index + 1].text == "-" ? index + 2 : index + 1
        guard let times = marks.longest("times", at: timesAt), let ratio = PublishedNumber.value(token.text, language: language), ratio > 1,
            let cue = cue(around: index..<times.tokens.upperBound)
        else { return nil }
        return mention(index..<times.tokens.upperBound, cue: cue, pct: Self.change(ratio, falling: cue.isA("growth.down")))
    }

    /// "doubled", "nearly double", "вдвое", "دو برابر": a multiple in words, a fall when a word of fall is beside it.
    private func ratioWord(at index: Int) -> GrowthMention? {
        guard let word = marks.longest("ratio", at: index), let ratio = Decimal(string: word.value) else { return nil }
        let cue = cue(around: word.tokens)
        let falling = cue?.isA("growth.down") ?? false
        let start = cue.map { min($0.tokens.lowerBound, index) } ?? index
        let end = cue.map { max($0.tokens.upperBound, word.tokens.upperBound) } ?? word.tokens.upperBound
        return GrowthMention(
            tokens: start..<end, core: word.tokens, pct: Self.change(ratio, falling: falling), bound: marks.bound(before: index))
    }

    /// A ratio as a change in percent: 1.8 times up is 80; 2 times down (halved) is −50.
    static func change(_ ratio: Decimal, falling: Bool) -> Decimal {
        guard falling else { return (ratio - 1) * 100 }
        var exact = (1 / ratio - 1) * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 1, .plain)
        return rounded
    }

    /// The nearest word of rise or fall before `core` (within `cueBefore`) or after it (within `cueAfter`);
    /// the "up to" of "up to 90%" and the "more than" of "more than 40%" bound the number and are none.
    private func cue(around core: Range<Int>) -> Mark? {
        let cues = marks.all("growth")
        let before = cues.filter { marks.longest("bound", at: $0.tokens.lowerBound)?.tokens.upperBound != core.lowerBound }.last {
            $0.tokens.upperBound <= core.lowerBound && $0.tokens.upperBound >= core.lowerBound - Self.cueBefore
        }
        let after = cues.first { $0.tokens.lowerBound >= core.upperBound && $0.tokens.lowerBound < core.upperBound + Self.cueAfter }
        switch (before, after) {
        case (let before?, let after?):
            return core.lowerBound - before.tokens.upperBound <= after.tokens.lowerBound - core.upperBound ? before : after
        default: return before ?? after
        }
    }

    private func mention(_ core: Range<Int>, cue: Mark, pct: Decimal) -> GrowthMention {
        GrowthMention(
            tokens: min(cue.tokens.lowerBound, core.lowerBound)..<max(cue.tokens.upperBound, core.upperBound), core: core, pct: pct,
            bound: marks.bound(before: core.lowerBound))
    }
}
