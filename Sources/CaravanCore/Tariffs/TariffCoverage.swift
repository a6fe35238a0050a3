/// How much of a partner's trade a preferential regime covers — the two things "tariffs removed
/// on 90% of goods" can mean: the share of tariff lines liberalized, and the share of the
/// partner's actual trade that falls in those lines — with the average preference margin.
public struct TariffCoverage: Sendable, Encodable {
    public var reporter: String
    public var partner: String
    public var regime: String
    /// The day the schedule is read on: the as-of day, or today.
    public var scheduleDate: String
    public var lines: Lines
    /// Nil when the ledger has no trade of the pair at the subheading level for the period.
    public var trade: Trade?
    public var sources: [SourceRecord]

    /// The schedule's subheadings.
    public struct Lines: Sendable, Codable {
        /// Subheadings of the nomenclature: the lines an HS-level schedule can have.
        public var total: Int
        /// Subheadings the schedule gives a rate for, itself or through a heading or chapter.
        public var withRate: Int
        public var liberalized: Int
        /// Liberalized over lines with a rate, percent.
        public var liberalizedPct: Double?
        /// Lines already duty-free at MFN, which a preference cannot cut.
        public var mfnFree: Int
        /// The mean of MFN less preferential over lines with a rate, in points.
        public var meanMarginPct: Double?

        enum CodingKeys: String, CodingKey {
            case total, liberalized
            case withRate = "with_rate"
            case liberalizedPct = "liberalized_pct"
            case mfnFree = "mfn_free"
            case meanMarginPct = "mean_margin_pct"
        }
    }

    /// The reporter's imports from the partner over the period, line by line.
    public struct Trade: Sendable, Codable {
        public var period: Period
        public var totalUSD: Double
        /// Trade in lines the schedule gives a rate for.
        public var withRateUSD: Double
        public var liberalizedUSD: Double
        /// Liberalized trade over trade in lines with a rate, percent.
        public var liberalizedPct: Double?
        /// The margin weighted by each line's trade, in points.
        public var weightedMarginPct: Double?

        enum CodingKeys: String, CodingKey {
            case period
            case totalUSD = "total_usd"
            case withRateUSD = "with_rate_usd"
            case liberalizedUSD = "liberalized_usd"
            case liberalizedPct = "liberalized_pct"
            case weightedMarginPct = "weighted_margin_pct"
        }
    }

    /// - Parameters:
    ///   - subheadings: the tariff lines to count, the nomenclature's 6-digit codes.
    ///   - trade: the reporter's imports from the partner by subheading over `period`, if known.
    /// - Complexity: O(s + t) for s subheadings and t traded lines.
    public init(
        _ schedule: TariffSchedule, partner: String, subheadings: [String], trade: [String: Double]?, period: Period
    ) {
        reporter = schedule.reporter
        self.partner = partner
        regime = schedule.regime
        scheduleDate = Period.unit(.day, containing: schedule.day, in: .gregorian).description
        var lines = Lines(total: subheadings.count, withRate: 0, liberalized: 0, mfnFree: 0)
        var margins = 0.0
        for code in subheadings {
            guard let entry = schedule.entry(for: code)?.tariff else { continue }
            lines.withRate += 1
            if entry.liberalized { lines.liberalized += 1 }
            if entry.mfnPct == 0 { lines.mfnFree += 1 }
            margins += entry.marginPct
        }
        if lines.withRate > 0 {
            lines.liberalizedPct = Double(lines.liberalized) / Double(lines.withRate) * 100
            lines.meanMarginPct = margins / Double(lines.withRate)
        }
        self.lines = lines
        self.trade = trade.map { values in
            var trade = Trade(period: period, totalUSD: 0, withRateUSD: 0, liberalizedUSD: 0)
            var weighted = 0.0
            for (code, value) in values {
                trade.totalUSD += value
                guard let entry = schedule.entry(for: code)?.tariff else { continue }
                trade.withRateUSD += value
                if entry.liberalized { trade.liberalizedUSD += value }
                weighted += entry.marginPct * value
            }
            if trade.withRateUSD > 0 {
                trade.liberalizedPct = trade.liberalizedUSD / trade.withRateUSD * 100
                trade.weightedMarginPct = weighted / trade.withRateUSD
            }
            return trade
        }
        sources = schedule.sources
    }

    enum CodingKeys: String, CodingKey {
        case reporter, partner, regime, lines, trade, sources
        case scheduleDate = "schedule_date"
    }
}
