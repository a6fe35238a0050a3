/// One point of a series: a period's value and its change against the same period a year earlier.
public struct SeriesPoint: Sendable, Codable {
    public var value: PeriodValue
    /// Change in percent against `changeVersus`; for a partial period, against the same covered
    /// days a year earlier, and nil when those are not fully known.
    public var changePct: Double?
    public var changeVersus: Period?

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(changePct, forKey: .changePct)
        try container.encodeIfPresent(changeVersus, forKey: .changeVersus)
    }

    public init(from decoder: any Decoder) throws {
        value = try PeriodValue(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        changePct = try container.decodeIfPresent(Double.self, forKey: .changePct)
        changeVersus = try container.decodeIfPresent(Period.self, forKey: .changeVersus)
    }

    init(value: PeriodValue, changePct: Double?, changeVersus: Period?) {
        self.value = value
        self.changePct = changePct
        self.changeVersus = changeVersus
    }

    enum CodingKeys: String, CodingKey {
        case changePct = "change_pct"
        case changeVersus = "change_vs"
    }
}

/// A pair's flow told period by period, oldest first.
public struct TradeSeries: Sendable, Codable {
    public var query: TradeQuery
    public var grain: SeriesGrain
    public var points: [SeriesPoint]
    /// Bounds, plans and forecasts published for the pair's flow: visible, never in a value.
    public var notOutturns: [Citation]
    /// What the store holds for the pair, when nothing answers the question.
    public var holdings: PairHoldings?

    /// Builds the series from the stored figures of the pair (both directions).
    /// - Complexity: O(b·f) for b periods and f figures of the pair.
    public init(_ query: TradeQuery, by grain: SeriesGrain, from observations: [RecordedObservation]) {
        self.init(
            query, by: grain, facts: Ledger.facts(for: query, from: observations), notOutturns: Ledger.notOutturns(for: query, from: observations))
    }

    /// The series from a flow's values already sorted out; bounds, plans and forecasts not listed.
    public init(_ query: TradeQuery, by grain: SeriesGrain, values: FlowValues) {
        self.init(query, by: grain, facts: values.facts, notOutturns: [])
    }

    private init(_ query: TradeQuery, by grain: SeriesGrain, facts: [Fact], notOutturns: [Citation]) {
        self.query = query
        self.grain = grain
        self.notOutturns = notOutturns
        guard let first = facts.map(\.period.days.lowerBound).min(), let last = facts.map(\.period.days.upperBound).max()
        else {
            points = []
            return
        }
        let start = Period.unit(grain.grain, containing: first, in: grain.calendar)
        let end = Period.unit(grain.grain, containing: last, in: grain.calendar)
        points = (start.first...end.first).compactMap { ordinal in
            let period = Period(grain.grain, ordinal, in: grain.calendar)
            guard let value = PeriodValue(period, facts: facts) else { return nil }
            let base = value.covered?.previousYear ?? (value.partial ? nil : period.previousYear)
            let baseValue = base.flatMap { PeriodValue($0, facts: facts) }
            let change = baseValue.flatMap { $0.partial ? nil : percentChange(from: $0.valueUSD, to: value.valueUSD) }
            return SeriesPoint(value: value, changePct: change, changeVersus: change == nil ? nil : base)
        }
    }

    enum CodingKeys: String, CodingKey {
        case points = "series"
        case query, grain
        case notOutturns = "not_outturns"
        case holdings
    }
}

/// The ledger's rules in one place: which figures count, and for what.
public enum Ledger {
    /// The values of the queried flow the stored figures give, after revisions: outturns only.
    static func facts(for query: TradeQuery, from observations: [RecordedObservation]) -> [Fact] {
        // Only the rows the flow can read go through revisions: the vintage key holds the pair and
        // the flow, so leaving the others out changes no figure, and an export question sorts out a
        // quarter of the pair's rows.
        let relevant = observations.filter {
            $0.observation.commodity == query.commodity && $0.source.status == .outturn && FlowFacts.reads($0.observation, for: query)
        }
        return FlowFacts.facts(for: query, from: Vintages.current(relevant, asOf: query.asOf))
    }

    /// Every outturn of the queried flow and commodity the figures state, either side's, as cited.
    public static func outturns(of query: TradeQuery, from observations: [RecordedObservation]) -> [Citation] {
        values(of: query, from: observations).outturns
    }

    /// The pair's bounds, plans and forecasts of the queried flow and commodity, either side's:
    /// never summed into a value, shown beside one.
    static func notOutturns(for query: TradeQuery, from observations: [RecordedObservation]) -> [Citation] {
        let pair = Set([query.reporter, query.partner])
        return observations.filter { row in
            row.source.status != .outturn && row.observation.commodity == query.commodity && row.observation.flow == query.flow
                && pair == Set([row.observation.reporter, row.observation.partner])
                && (query.asOf.map { row.source.recordedAt <= $0 } ?? true)
        }
        .map(Citation.init)
    }

    /// The flow's value over one period, or nil when no figure touches it.
    public static func value(of query: TradeQuery, over period: Period, from observations: [RecordedObservation]) -> PeriodValue? {
        values(of: query, from: observations).value(over: period)
    }

    /// The flow's values, its figures sorted out once, for a question asked of several periods.
    public static func values(of query: TradeQuery, from observations: [RecordedObservation]) -> FlowValues {
        FlowValues(facts: facts(for: query, from: observations))
    }
}

/// A flow's figures after revisions, ready to be read over any period.
public struct FlowValues: Sendable {
    let facts: [Fact]

    /// The value over `period`, or nil when no figure touches it.
    public func value(over period: Period) -> PeriodValue? { PeriodValue(period, facts: facts) }

    /// The first day any figure covers, or nil without figures: how far back the values go.
    public var firstDay: Day? { facts.map(\.period.days.lowerBound).min() }

    /// Every outturn the values stand on, either side's, as cited.
    public var outturns: [Citation] { facts.flatMap(\.citations) }

    /// These values without those that stand on any of `rows` — or with `only`, those alone — and
    /// of one reporter's report when given: the values a statement may be judged on once its own
    /// origin's figures are set aside, sorted out once for every statement.
    /// - Complexity: O(f + r) for f figures and r rows.
    public func filtered(standingOn rows: [RecordedObservation], only: Bool = false, reportedBy economy: String? = nil) -> FlowValues {
        let set = Set(rows.map(RowKey.init))
        return FlowValues(
            facts: facts.filter { fact in
                fact.rows.contains(where: set.contains) == only
                    && (economy.map { economy in fact.rows.allSatisfy { $0.reporter == economy } } ?? true)
            })
    }
}
