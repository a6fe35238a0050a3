import CaravanCore

/// A pair's figures as the targets, tests and claims of one scorecard weigh them: indexed by
/// origin once, and each answer kept for the rows it was worked out from, so that statements whose
/// origin chains set the same rows aside share one answer whatever their quotes. A reference, not
/// `Sendable`: it lives and dies inside one scorecard.
final class WeighedFigures {
    let index: OriginIndex
    /// Every figure of a flow sorted out once, revisions and precedence applied, before any is set aside.
    private let every = KeptResults<TradeQuery, FlowValues>()
    private let owned = KeptResults<Origin, [Int]>()
    private let series = KeptResults<Asked, TradeSeries>()
    private let values = KeptResults<Asked, FlowValues>()

    init(_ rows: [RecordedObservation]) { index = OriginIndex(rows) }

    /// A question of the rows other than those of an origin's chain (or of those only), of one reporter's or both.
    private struct Asked: Hashable {
        let query: TradeQuery
        /// The indices of the rows of the origin's chain.
        let owned: [Int]
        let own: Bool
        let economy: String?
    }

    /// The flow year by year from the figures of other origins than `origin`, or with `own` of its chain.
    func series(_ query: TradeQuery, apartFrom origin: Origin?, own: Bool = false) -> TradeSeries {
        series.result(for: Asked(query: query, owned: ownedRows(origin), own: own, economy: nil)) {
            TradeSeries(query, by: .year, values: values(query, apartFrom: origin, own: own))
        }
    }

    /// The flow's values from those figures, of one reporter's report when given, ready to be read over any period.
    func values(_ query: TradeQuery, apartFrom origin: Origin?, own: Bool = false, reportedBy economy: String? = nil) -> FlowValues {
        let mine = ownedRows(origin)
        return values.result(for: Asked(query: query, owned: mine, own: own, economy: economy)) {
            every.result(for: query) { Ledger.values(of: query, from: index.rows) }
                .filtered(standingOn: mine.map { index.rows[$0] }, only: own, reportedBy: economy)
        }
    }

    private func ownedRows(_ origin: Origin?) -> [Int] {
        guard let origin else { return [] }
        return owned.result(for: origin) { index.owned(by: origin) }
    }
}
