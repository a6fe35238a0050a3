/// One flow over two periods and the change between them (`caravan trade compare`).
public struct TradeComparison: Sendable, Codable {
    public var query: TradeQuery
    public var period: Period
    public var versus: Period
    public var current: PeriodValue?
    public var base: PeriodValue?
    /// `current` minus `base`, when both periods are fully covered.
    public var changeUSD: Double?
    public var changePct: Double?

    /// Compares `period` with `versus`, by default the same period a year earlier in its own calendar.
    public init(_ query: TradeQuery, period: Period, versus: Period? = nil, from observations: [RecordedObservation]) {
        self.query = query
        self.period = period
        self.versus = versus ?? period.previousYear
        let facts = Ledger.facts(for: query, from: observations)
        current = PeriodValue(period, facts: facts)
        base = PeriodValue(self.versus, facts: facts)
        if let current, let base, !current.partial, !base.partial {
            changeUSD = current.valueUSD - base.valueUSD
            changePct = percentChange(from: base.valueUSD, to: current.valueUSD)
        }
    }

    enum CodingKeys: String, CodingKey {
        case query, period, versus, current, base
        case changeUSD = "change_usd"
        case changePct = "change_pct"
    }
}
