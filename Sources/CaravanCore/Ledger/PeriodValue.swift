/// A flow's value over one period, with how completely the figures cover it and where they come from.
public struct PeriodValue: Sendable, Codable {
    public var period: Period
    public var valueUSD: Double
    public var quantityT: Double?
    /// True when the figures cover only part of the period; the value is then the sum over `covered`.
    public var partial: Bool
    /// The days the figures cover, when they cover only part of the period.
    public var covered: Period?
    /// True when part of the value was apportioned by days from a period of the other calendar.
    public var estimate: Bool
    public var sources: [Citation]
    /// Other figures for the same days, not used.
    public var alternatives: [Citation]
    /// Exports and imports for the same days that add up to a turnover not used: its parts, not rivals.
    public var components: [Citation]

    init?(_ period: Period, facts: [Fact]) {
        guard let coverage = Coverage.choose(period.days, in: period.calendar, from: facts) else { return nil }
        self.init(period, coverage)
    }

    init(_ period: Period, _ coverage: Coverage) {
        self.period = period
        valueUSD = coverage.valueUSD
        quantityT = coverage.quantityT
        partial = !coverage.isComplete(period.days)
        covered = partial ? coverage.coveredPeriod(in: period.calendar) : nil
        estimate = coverage.estimate
        sources = coverage.citations
        alternatives = coverage.alternatives
        components = coverage.components
    }

    /// This value and another of the same period together: a section from its chapters.
    func adding(_ other: PeriodValue) -> PeriodValue {
        var sum = self
        sum.valueUSD += other.valueUSD
        sum.quantityT = quantityT.flatMap { a in other.quantityT.map { a + $0 } }
        sum.partial = partial || other.partial
        sum.estimate = estimate || other.estimate
        sum.sources += other.sources
        sum.alternatives += other.alternatives
        sum.components += other.components
        return sum
    }

    /// USD per tonne, where the quantity is known.
    public var unitValueUSDPerT: Double? {
        guard let quantityT, quantityT > 0 else { return nil }
        // A quantity too small to divide by (a denormal) gives no unit value rather than infinity.
        let unit = valueUSD / quantityT
        return unit.isFinite ? unit : nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(Period.self, forKey: .period)
        valueUSD = try container.decode(Double.self, forKey: .valueUSD)
        quantityT = try container.decodeIfPresent(Double.self, forKey: .quantityT)
        partial = try container.decode(Bool.self, forKey: .partial)
        covered = try container.decodeIfPresent(Period.self, forKey: .covered)
        estimate = try container.decode(Bool.self, forKey: .estimate)
        sources = try container.decode([Citation].self, forKey: .sources)
        alternatives = try container.decode([Citation].self, forKey: .alternatives)
        components = try container.decodeIfPresent([Citation].self, forKey: .components) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(valueUSD, forKey: .valueUSD)
        try container.encode(quantityT, forKey: .quantityT)
        try container.encode(partial, forKey: .partial)
        try container.encodeIfPresent(covered, forKey: .covered)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(sources, forKey: .sources)
        try container.encode(alternatives, forKey: .alternatives)
        if !components.isEmpty { try container.encode(components, forKey: .components) }
    }

    enum CodingKeys: String, CodingKey {
        case period, partial, covered, estimate, sources, alternatives, components
        case valueUSD = "value_usd"
        case quantityT = "quantity_t"
    }
}

/// Percentage change from `base` to `value`, nil when the base is zero.
func percentChange(from base: Double, to value: Double) -> Double? {
    base == 0 ? nil : (value - base) / base * 100
}
