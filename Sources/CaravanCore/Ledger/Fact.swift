import Foundation

/// A value of the queried flow for one period, with the figures it stands on and its rank among
/// other values for the same period.
struct Fact: Sendable {
    var period: Period
    var valueUSD: Double
    var quantityT: Double?
    var citations: [Citation]
    /// The stored rows it stands on, as keys: what a statement's own origin sets aside.
    var rows: [RowKey]
    /// Lower is preferred: by precedence (an official compiler's release first, an undated quote
    /// last), the reporter's own report before its partner's, a stated figure before a sum, the
    /// latest publication before an earlier one.
    var rank: Rank

    struct Rank: Comparable, Sendable {
        var precedence: Precedence
        var partnerSide: Int
        var derived: Int
        /// The publication date, newest first; empty when unknown, so an undated figure ranks as the oldest.
        var recency: String
        /// Breaks the last ties so that a result never depends on the order figures were read.
        var provider: String

        static func < (a: Rank, b: Rank) -> Bool {
            if (a.precedence, a.partnerSide, a.derived) != (b.precedence, b.partnerSide, b.derived) {
                return (a.precedence, a.partnerSide, a.derived) < (b.precedence, b.partnerSide, b.derived)
            }
            return a.recency != b.recency ? a.recency > b.recency : a.provider < b.provider
        }
    }

    init(_ recorded: RecordedObservation, partnerSide: Bool) {
        period = recorded.observation.period
        valueUSD = recorded.observation.valueUSD
        quantityT = recorded.observation.quantityT
        citations = [Citation(recorded)]
        rows = [RowKey(recorded)]
        rank = Rank(
            precedence: Precedence(recorded.source), partnerSide: partnerSide ? 1 : 0, derived: 0, recency: recorded.source.published ?? "",
            provider: recorded.source.provider)
    }

    /// The sum of two figures for the same period, such as exports plus imports.
    init(summing a: Fact, _ b: Fact) {
        period = a.period
        valueUSD = a.valueUSD + b.valueUSD
        quantityT = a.quantityT.flatMap { x in b.quantityT.map { x + $0 } }
        citations = a.citations + b.citations
        rows = a.rows + b.rows
        rank = max(a.rank, b.rank)
        rank.derived = 1
    }
}

/// A stored row, told apart from every other by its source, line, sides, flow and days: cheaper to
/// compare than the figure's citation.
struct RowKey: Hashable, Sendable {
    let source: Int64
    let line: Int
    let reporter: String
    let partner: String
    let flow: TradeFlow
    let commodity: String
    let first: Int
    let last: Int

    init(_ recorded: RecordedObservation) {
        let o = recorded.observation
        source = recorded.source.id
        line = recorded.line ?? -1
        (reporter, partner, flow, commodity) = (o.reporter, o.partner, o.flow, o.commodity)
        (first, last) = (o.period.days.lowerBound.number, o.period.days.upperBound.number)
    }
}
