import CaravanCore
import Foundation

/// Trade targets read against the ledger: the latest full year, the current year's run-rate,
/// growth needed against growth observed, the year reached on the present trend.
enum TradeTargets {
    static func evaluate(
        _ target: Target, query: TradeQuery, observations: [RecordedObservation], asOf: Date, source: DossierSource?
    )
        -> TargetResult
    {
        var query = query
        query.asOf = asOf
        let progress = TradeProgress(query: query, observations: observations)
        let reading = Trajectory(years: progress.fullYears, runRate: progress.runRate.map { ($0.year, $0.fullYear) })
            .read(target: target.value, deadline: target.deadline, asOfYear: Calendars.year(of: asOf)) { .usd($0) }
        return TargetResult(
            id: target.id, title: target.title, metric: target.metric, value: target.value, unit: "USD", deadline: target.deadline,
            assumed: target.assumed, assumption: target.assumption, source: source.map(Provenance.init(source:)), quote: target.quote,
            status: reading.status, reason: reading.reason, progressPct: reading.progressPct, requiredGrowthPct: reading.requiredGrowthPct,
            observedGrowthPct: reading.observedGrowthPct, window: reading.window, projectedYear: reading.projectedYear,
            latest: progress.latest, runRate: progress.runRate)
    }
}

/// A pair's yearly trade as a target reads it.
struct TradeProgress {
    let fullYears: [(year: Int, value: Double)]
    let latest: MeasuredValue?
    let runRate: RunRate?

    init(query: TradeQuery, observations: [RecordedObservation]) {
        let series = TradeSeries(query, by: .year, from: observations)
        let full = series.points.filter { !$0.value.partial }
        fullYears = full.map { (Int($0.value.period.first), $0.value.valueUSD) }
        latest = full.last.map { point in
            MeasuredValue(
                period: point.value.period, value: point.value.valueUSD, partial: false, sources: point.value.sources.map(Provenance.init(citation:)))
        }
        let lastFull = fullYears.last?.year ?? Int.min
        runRate = series.points.last { $0.value.partial && Int($0.value.period.first) > lastFull }.flatMap {
            RunRates.runRate(for: $0.value, query: query, observations: observations)
        }
    }
}

/// Projecting a partial year to a full one.
enum RunRates {
    /// How many earlier years the seasonal shares are taken from.
    static let seasonYears = 3

    /// The full year a partial one points to: by the share of the year its months held in earlier
    /// years whose figures cover both (in the year's own calendar), else by its share of the year's days.
    static func runRate(for value: PeriodValue, query: TradeQuery, observations: [RecordedObservation]) -> RunRate? {
        guard value.partial, let covered = value.covered, value.period.grain == .year else { return nil }
        var runRate = nowcast(year: value.period, covered: covered, soFar: value.valueUSD, values: Ledger.values(of: query, from: observations))
        runRate.mirror = value.sources.filter { $0.reporter != query.reporter }.map(\.period)
        return runRate
    }

    /// The full `year` from `soFar` over `covered`: the mean share `covered`'s stretch of the year
    /// held in the last `seasonYears` years before it that are known exactly (part and whole, neither
    /// an estimate), looking back as far as the figures go, with the spread of those shares as an
    /// interval; by days when no earlier year gives a share.
    static func nowcast(year: Period, covered: Period, soFar: Double, values: FlowValues) -> RunRate {
        let ordinal = Int(year.first)
        let earliest = values.firstDay.map { Int(Period.unit(.year, containing: $0, in: year.calendar).first) } ?? ordinal
        var shares: [(year: Int, share: Double)] = []
        // Newest first, so a year in between that is not known exactly is passed over, not counted.
        for earlier in stride(from: ordinal - 1, through: earliest, by: -1) {
            if shares.count == seasonYears { break }
            let whole = Period(.year, earlier, in: year.calendar)
            let part = Period.days(covered.shifted(years: earlier - ordinal).days, in: year.calendar)
            guard let total = values.value(over: whole), let stretch = values.value(over: part),
                !total.partial, !total.estimate, !stretch.partial, !stretch.estimate, total.valueUSD > 0, stretch.valueUSD > 0
            else { continue }
            shares.insert((earlier, stretch.valueUSD / total.valueUSD), at: 0)
        }
        if !shares.isEmpty {
            let share = shares.reduce(0) { $0 + $1.share } / Double(shares.count)
            let spread = shares.count >= 2 ? (soFar / shares.map(\.share).max()!, soFar / shares.map(\.share).min()!) : nil
            return RunRate(
                year: ordinal, covered: covered, valueSoFar: soFar, fullYear: soFar / share,
                method: Phrase(
                    "method.seasonal", "seasonal shares of {years}", ["years": .list(shares.map { .year($0.year) }, separator: ", ")]),
                low: spread?.0, high: spread?.1)
        }
        return byDays(year: year, covered: covered, soFar: soFar)
    }

    /// The full year as `soFar` scaled by the year's days over the days covered.
    static func byDays(year: Period, covered: Period, soFar: Double) -> RunRate {
        let days = covered.days.dayCount
        let yearDays = year.days.dayCount
        return RunRate(
            year: Int(year.first), covered: covered, valueSoFar: soFar, fullYear: soFar * Double(yearDays) / Double(days),
            method: Phrase("method.by-days", "by days ({days} of {all})", ["days": .count(days), "all": .count(yearDays)]))
    }
}

/// The Gregorian year a moment falls in.
enum Calendars {
    static func year(of date: Date) -> Int { Int(Period.unit(.year, containing: Day(containing: date), in: .gregorian).first) }
}
