import CaravanCore

/// The nowcast tried on the past: for every year of a calendar whose whole is known and every month
/// cut-off whose figure is known, the year projected from the months so far (with only the years
/// before it to take shares from, as the figures known by the end of the cut-off month give them)
/// against what the year came to, beside the run-rate by days.
public struct NowcastBacktest: Sendable, Encodable {
    /// One year cut off after some months.
    public struct Trial: Sendable, Encodable {
        public var year: Period
        public var months: Int
        /// The last day whose figures the nowcast could read: the end of the cut-off month.
        public var knownBy: Period
        public var soFar: Double
        public var outturn: Double
        public var nowcast: RunRate
        public var byDays: Double

        /// The nowcast's error against the outturn, in percent of it.
        public var nowcastError: Double { abs(nowcast.fullYear - outturn) / outturn * 100 }
        public var byDaysError: Double { abs(byDays - outturn) / outturn * 100 }
        /// Nil without an interval; else whether the outturn fell within it.
        public var held: Bool? { nowcast.low.flatMap { low in nowcast.high.map { low <= outturn && outturn <= $0 } } }

        enum CodingKeys: String, CodingKey {
            case year, months, outturn, nowcast, held
            case knownBy = "known_by"
            case soFar = "so_far"
            case byDays = "by_days"
            case nowcastError = "nowcast_error_pct"
            case byDaysError = "by_days_error_pct"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)
            try container.encode(months, forKey: .months)
            try container.encode(knownBy, forKey: .knownBy)
            try container.encode(soFar, forKey: .soFar)
            try container.encode(outturn, forKey: .outturn)
            try container.encode(nowcast, forKey: .nowcast)
            try container.encode(byDays, forKey: .byDays)
            try container.encode(nowcastError, forKey: .nowcastError)
            try container.encode(byDaysError, forKey: .byDaysError)
            try container.encodeIfPresent(held, forKey: .held)
        }
    }

    /// The trials of one cut-off, summed up.
    public struct CutOff: Sendable, Encodable {
        public var months: Int
        public var trials: Int
        /// Mean absolute percentage error of the nowcast, and of the run-rate by days.
        public var nowcastMAPE: Double
        public var byDaysMAPE: Double
        /// Trials with an interval, and how many of those it held.
        public var intervals: Int
        public var held: Int

        enum CodingKeys: String, CodingKey {
            case months, trials, intervals, held
            case nowcastMAPE = "nowcast_mape_pct"
            case byDaysMAPE = "by_days_mape_pct"
        }
    }

    public var query: TradeQuery
    public var calendar: CalendarSystem
    public var trials: [Trial]
    public var cutOffs: [CutOff]

    /// - Parameter observations: the pair's figures, both sides' (the ledger takes the partner's where
    ///   the reporter's own is missing), every vintage.
    public init(_ query: TradeQuery, calendar: CalendarSystem, observations: [RecordedObservation]) {
        self.query = query
        self.calendar = calendar
        let values = Ledger.values(of: query, from: observations)
        let knownFrom = observations.map(\.knownFrom)
        let years = Set(
            observations.flatMap { row -> [Int] in
                let first = Period.unit(.year, containing: row.observation.period.days.lowerBound, in: calendar).first
                let last = Period.unit(.year, containing: row.observation.period.days.upperBound, in: calendar).first
                return Array(first...last)
            }
        ).sorted()
        var trials: [Trial] = []
        for ordinal in years {
            let year = Period(.year, ordinal, in: calendar)
            guard let whole = values.value(over: year), Self.exact(whole), whole.valueUSD > 0 else { continue }
            for months in 1...11 {
                let covered = Period.months(1, through: months, of: ordinal, in: calendar)
                guard let part = values.value(over: covered), Self.exact(part), part.valueUSD > 0 else { continue }
                // The earlier years' shares from what was out when the months so far ended, and not after.
                let knownBy = covered.days.upperBound
                let known = Ledger.values(of: query, from: observations.indices.filter { knownFrom[$0] <= knownBy }.map { observations[$0] })
                trials.append(
                    Trial(
                        year: year, months: months, knownBy: Period(.day, knownBy.number, in: .gregorian), soFar: part.valueUSD,
                        outturn: whole.valueUSD, nowcast: RunRates.nowcast(year: year, covered: covered, soFar: part.valueUSD, values: known),
                        byDays: RunRates.byDays(year: year, covered: covered, soFar: part.valueUSD).fullYear))
            }
        }
        self.trials = trials
        cutOffs = Dictionary(grouping: trials, by: \.months).keys.sorted().map { months in
            let group = trials.filter { $0.months == months }
            let count = Double(group.count)
            return CutOff(
                months: months, trials: group.count, nowcastMAPE: group.map(\.nowcastError).reduce(0, +) / count,
                byDaysMAPE: group.map(\.byDaysError).reduce(0, +) / count, intervals: group.filter { $0.held != nil }.count,
                held: group.filter { $0.held == true }.count)
        }
    }

    /// Known exactly: the whole period, from figures of its own calendar.
    private static func exact(_ value: PeriodValue) -> Bool { !value.partial && !value.estimate }
}
