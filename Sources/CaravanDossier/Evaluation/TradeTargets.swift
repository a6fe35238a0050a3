import CaravanCore
import Foundation

/// Trade targets read against the ledger: the latest full year, the current year's run-rate,
/// growth needed against growth observed, the year reached on the present trend — each year from
/// figures of other origins than the target's own source where they tell it, and said where not.
enum TradeTargets {
    static func evaluate(
        _ target: Target, query: TradeQuery, figures: WeighedFigures, relations: [RecordedRelativeFigure], asOf: Date, dossier: Dossier
    ) -> TargetResult {
        var query = query
        query.asOf = asOf
        let source = dossier.source(target.source)
        let origin = dossier.origin(of: target.source, quote: target.quote)
        let progress = TradeProgress(query: query, figures: figures, apartFrom: origin)
        var trajectory = Trajectory(years: progress.fullYears, runRate: progress.runRate.map { ($0.year, $0.fullYear) })
        trajectory.stated = statedGrowth(query, relations: relations, apartFrom: origin)
        let reading = trajectory.read(target: target.value, deadline: target.deadline, asOfYear: Calendars.year(of: asOf)) { .money($0) }
        var result = TargetResult(
            id: target.id, title: target.title, metric: target.metric, value: target.value, unit: "USD", deadline: target.deadline,
            assumed: target.assumed, assumption: target.assumption, source: source.map(Provenance.init(source:)), quote: target.quote,
            status: reading.status, reason: reading.reason, progressPct: reading.progressPct, requiredGrowthPct: reading.requiredGrowthPct,
            observedGrowthPct: reading.observedGrowthPct, window: reading.window, projectedYear: reading.projectedYear,
            latest: progress.latestUsed, runRate: progress.runRate)
        result.ownYears = progress.ownYears
        if !progress.ownYears.isEmpty {
            result.reason = OwnFigures.said(reading.reason, years: progress.ownYears, own: dossier.name(of: target.source))
        }
        return result
    }
}

extension TradeTargets {
    /// The latest growth of another origin than the target's stated from one whole year to a later one
    /// (Gregorian), recorded by the as-of moment: a trend when the figures give none.
    static func statedGrowth(
        _ query: TradeQuery, relations: [RecordedRelativeFigure], apartFrom origin: Origin
    ) -> (from: Int, to: Int, ratio: Double, by: String)? {
        let yearly = relations.filter { stated in
            let f = stated.figure
            return f.answers(query) && stated.source.status == .outturn && (query.asOf.map { stated.source.recordedAt <= $0 } ?? true)
                && [f.period, f.versus].allSatisfy { $0.calendar == .gregorian && $0.grain == .year && $0.isSingleUnit }
                && f.versus.first < f.period.first && !origin.isShared(with: Origin(stated.source, quote: f.note))
        }
        return yearly.max { ($0.figure.period.first, Precedence($1.source)) < ($1.figure.period.first, Precedence($0.source)) }.map {
            (Int($0.figure.versus.first), Int($0.figure.period.first), $0.figure.ratio, $0.source.provider)
        }
    }
}

/// A pair's yearly trade as a target or test reads it: each year from the figures of other origins
/// than the assessed source's when they tell it whole, else from the source's own, marked as such.
struct TradeProgress {
    let fullYears: [(year: Int, value: Double)]
    /// The latest full year the reading stands on, the source's own figure when no other gives it.
    let latestUsed: MeasuredValue?
    /// The latest full year that figures of other origins give.
    let latestIndependent: MeasuredValue?
    let runRate: RunRate?
    /// The years — the run-rate's among them — that only the assessed source's own figures tell.
    let ownYears: [Int]

    init(query: TradeQuery, figures: WeighedFigures, apartFrom origin: Origin?) {
        var byYear: [Int: YearPoint] = [:]
        for point in figures.series(query, apartFrom: origin).points {
            byYear[point.year] = YearPoint(point: point, own: false)
        }
        // The source's own figure tells a year only where the others do not tell it whole, nor as much of it.
        for point in (origin == nil ? [] : figures.series(query, apartFrom: origin, own: true).points) {
            guard let other = byYear[point.year]?.point.value else {
                byYear[point.year] = YearPoint(point: point, own: true)
                continue
            }
            if other.partial && (!point.value.partial || point.value.coveredDays > other.coveredDays) {
                byYear[point.year] = YearPoint(point: point, own: true)
            }
        }
        let years = byYear.values.sorted { $0.point.year < $1.point.year }
        let full = years.filter { !$0.point.value.partial }
        fullYears = full.map { ($0.point.year, $0.point.value.valueUSD) }
        latestUsed = full.last.map(\.measured)
        latestIndependent = full.last { !$0.own }.map(\.measured)
        let lastFull = fullYears.last?.year ?? Int.min
        let partial = years.last { $0.point.value.partial && $0.point.year > lastFull }
        let runRate = partial.flatMap { year in
            RunRates.runRate(for: year.point.value, query: query, values: figures.values(query, apartFrom: origin, own: year.own)).map {
                var runRate = $0
                runRate.own = year.own
                return runRate
            }
        }
        self.runRate = runRate
        ownYears = years.filter { $0.own && (!$0.point.value.partial || $0.point.year == runRate?.year) }.map(\.point.year)
    }

    private struct YearPoint {
        let point: SeriesPoint
        let own: Bool

        var measured: MeasuredValue {
            MeasuredValue(
                period: point.value.period, value: point.value.valueUSD, partial: false, sources: point.value.sources.map(Provenance.init(citation:)),
                own: own)
        }
    }
}

extension SeriesPoint {
    fileprivate var year: Int { Int(value.period.first) }
}

extension PeriodValue {
    /// How many of the period's days the figures tell.
    fileprivate var coveredDays: Int { partial ? covered?.days.dayCount ?? 0 : period.days.dayCount }
}

/// A reading that stands on the assessed source's own figures for some years, said so.
enum OwnFigures {
    static func said(_ reason: Phrase, years: [Int], own: String) -> Phrase {
        Phrase(
            "reason.own-figures", "{reason} (on {own}'s own figures for {years}: no other source gives them)",
            ["reason": .phrase(reason), "own": .text(own), "years": .list(years.map { .year($0) }, separator: ", ")])
    }
}

/// Projecting a partial year to a full one.
enum RunRates {
    /// How many earlier years the seasonal shares are taken from.
    static let seasonYears = 3

    /// The full year a partial one points to: by the share of the year its months held in earlier
    /// years whose figures cover both (in the year's own calendar), else by its share of the year's days.
    static func runRate(for value: PeriodValue, query: TradeQuery, values: FlowValues) -> RunRate? {
        guard value.partial, let covered = value.covered, value.period.grain == .year else { return nil }
        var runRate = nowcast(year: value.period, covered: covered, soFar: value.valueUSD, values: values)
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
