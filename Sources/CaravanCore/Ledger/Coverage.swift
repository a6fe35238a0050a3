/// The figures chosen to tell one span of time, and what they add up to.
struct Coverage: Sendable {
    var valueUSD: Double
    var quantityT: Double?
    /// The chosen figures' days, in order; together they cover `coveredDays` of the span.
    var ranges: [ClosedRange<Day>]
    var coveredDays: Int
    /// True when a figure was apportioned by days from a period of the other calendar.
    var estimate: Bool
    var citations: [Citation]
    /// Figures for the same days that were not chosen.
    var alternatives: [Citation]
    /// The exports and imports that add up to an alternative turnover for the same days: parts, not rivals.
    var components: [Citation]

    /// Chooses figures that tile `span` without overlap: a figure for exactly the span first, then
    /// figures within it, best ranked and longest first; a figure of the other calendar that runs
    /// past the span counts by its share of days, marked as an estimate. A figure of the same
    /// calendar that runs past the span is never split.
    /// - Complexity: O(f log f + f·k) for f figures and k chosen ones.
    static func choose(_ span: ClosedRange<Day>, in calendar: CalendarSystem, from facts: [Fact]) -> Coverage? {
        var pieces: [Piece] = []
        for fact in facts {
            guard let days = fact.period.days.intersection(span) else { continue }
            let whole = days == fact.period.days
            if !whole && fact.period.calendar == calendar { continue }
            pieces.append(Piece(fact: fact, days: days, share: whole ? 1 : Double(days.dayCount) / Double(fact.period.days.dayCount)))
        }
        pieces.sort { $0.order(in: span) < $1.order(in: span) }
        var chosen: [Piece] = []
        var passedOver: [Piece] = []
        for piece in pieces {
            if chosen.contains(where: { $0.days.overlaps(piece.days) }) {
                passedOver.append(piece)
            } else {
                chosen.append(piece)
            }
        }
        guard !chosen.isEmpty else { return nil }
        chosen.sort { $0.days.lowerBound < $1.days.lowerBound }
        let quantities: [Double?] = chosen.map { piece in piece.fact.quantityT.map { $0 * piece.share } }
        let chosenDays = Set(chosen.map(\.days))
        let rivals = passedOver.filter { $0.share == 1 && chosenDays.contains($0.days) }
        return Coverage(
            valueUSD: chosen.reduce(0) { $0 + $1.fact.valueUSD * $1.share },
            quantityT: quantities.contains(nil) ? nil : quantities.reduce(0) { $0 + $1! },
            ranges: chosen.map(\.days),
            coveredDays: chosen.reduce(0) { $0 + $1.days.dayCount },
            estimate: chosen.contains { $0.share < 1 },
            citations: chosen.flatMap(\.citations),
            alternatives: rivals.filter { $0.fact.rank.derived == 0 }.flatMap(\.citations),
            components: rivals.filter { $0.fact.rank.derived != 0 }.flatMap(\.citations))
    }

    /// True when the figures chosen cover every day of a span of `dayCount` days.
    func isComplete(_ span: ClosedRange<Day>) -> Bool { coveredDays == span.dayCount }

    /// The covered days as one period when they run without a gap.
    func coveredPeriod(in calendar: CalendarSystem) -> Period? {
        guard let first = ranges.first, let last = ranges.last,
            last.upperBound.number - first.lowerBound.number + 1 == coveredDays
        else { return nil }
        return .spanning(first.lowerBound...last.upperBound, in: calendar)
    }
}

private struct Piece {
    let fact: Fact
    let days: ClosedRange<Day>
    let share: Double

    var citations: [Citation] {
        fact.citations.map { citation in
            var cited = citation
            cited.share = share < 1 ? share : nil
            return cited
        }
    }

    /// Exact match first, whole figures before shares, then by precedence (an official compiler's
    /// release first, an undated quote last), the reporter's own before its partner's, then longest
    /// — nine months of one release before five of another — then the rest of the rank, earliest.
    func order(in span: ClosedRange<Day>) -> Order {
        Order(
            exact: days == span ? 0 : 1, apportioned: share < 1 ? 1 : 0, precedence: fact.rank.precedence, side: fact.rank.partnerSide,
            length: -days.dayCount, rank: fact.rank, start: days.lowerBound)
    }

    struct Order: Comparable {
        let exact: Int, apportioned: Int, precedence: Precedence, side: Int, length: Int, rank: Fact.Rank, start: Day

        static func < (a: Order, b: Order) -> Bool {
            if (a.exact, a.apportioned) != (b.exact, b.apportioned) { return (a.exact, a.apportioned) < (b.exact, b.apportioned) }
            if a.precedence != b.precedence { return a.precedence < b.precedence }
            if (a.side, a.length) != (b.side, b.length) { return (a.side, a.length) < (b.side, b.length) }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.start < b.start
        }
    }
}
