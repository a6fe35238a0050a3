import CaravanCore

/// A target's progress read from yearly values: the rule every target of a level by a year
/// follows (docs/scorecard.md).
struct Trajectory {
    /// Full years with their values, oldest first.
    let years: [(year: Int, value: Double)]
    /// A partial current year's projected full-year value, when there is one.
    let runRate: (year: Int, value: Double)?
    /// A growth another source stated between two whole years, `to` over `from` as a multiple: the
    /// trend when the figures give none.
    var stated: (from: Int, to: Int, ratio: Double, by: String)? = nil
    /// How many years back the observed growth looks.
    static let window = 5

    struct Reading {
        var status: TestStatus
        var reason: Phrase
        var progressPct: Double?
        var requiredGrowthPct: Double?
        var observedGrowthPct: Double?
        var window: String?
        var projectedYear: Int?
    }

    /// `unit` makes a value of the target's kind: an amount in USD, a weight in tonnes.
    func read(target: Double, deadline: Int, asOfYear: Int, unit: (Double) -> Phrase.Value) -> Reading {
        guard let latest = years.last else {
            if let runRate {
                return Reading(
                    status: .atRisk,
                    reason: Phrase(
                        "reason.part-known", "only part of {year} is known (run-rate {value}): no trend yet",
                        ["year": .year(runRate.year), "value": unit(runRate.value)]),
                    progressPct: runRate.value / target * 100)
            }
            return Reading(status: .noData, reason: Phrase("reason.no-figures", "no figures"))
        }
        var reading = Reading(status: .noData, reason: Phrase("reason.no-figures", "no figures"), progressPct: latest.value / target * 100)
        if latest.value >= target {
            reading.status = .met
            reading.reason = Phrase(
                "reason.reached", "{value} in {year} reaches {target}",
                ["value": unit(latest.value), "year": .year(latest.year), "target": unit(target)])
            return reading
        }
        reading.requiredGrowthPct = Growth.compound(from: latest.value, to: target, years: max(1, deadline - latest.year))
        let earlier = years.first { $0.year >= latest.year - Self.window && $0.year < latest.year }
        var window: Phrase?
        if let earlier {
            reading.observedGrowthPct = Growth.compound(from: earlier.value, to: latest.value, years: latest.year - earlier.year)
            reading.window = "\(earlier.year)..\(latest.year)"
            window = Phrase("reason.window", "{from}..{to}", ["from": .year(earlier.year), "to": .year(latest.year)])
        } else if let runRate, runRate.year > latest.year {
            reading.observedGrowthPct = Growth.compound(from: latest.value, to: runRate.value, years: runRate.year - latest.year)
            reading.window = "\(latest.year)..\(runRate.year) (run-rate)"
            window = Phrase("reason.window-run-rate", "{from}..{to} (run-rate)", ["from": .year(latest.year), "to": .year(runRate.year)])
        } else if let stated, stated.to == latest.year, stated.from < stated.to, stated.ratio > 0 {
            reading.observedGrowthPct = Growth.compound(from: 1, to: stated.ratio, years: stated.to - stated.from)
            reading.window = "\(stated.from)..\(stated.to) (stated by \(stated.by))"
            window = Phrase(
                "reason.window-stated", "{from}..{to}, as {by} stated it",
                ["from": .year(stated.from), "to": .year(stated.to), "by": .text(stated.by)])
        }
        reading.projectedYear = Growth.yearReached(from: latest.value, in: latest.year, growingBy: reading.observedGrowthPct, target: target)
        let growing: Phrase? = zip(reading.observedGrowthPct, window).map { rate, window in
            Phrase("reason.growing", "growing {rate} a year ({window})", ["rate": .percent(rate), "window": .phrase(window)])
        }
        let needed: Phrase.Value = .phrase(
            reading.requiredGrowthPct.map { Phrase("reason.a-year", "{rate} a year", ["rate": .percent($0)]) } ?? Phrase("reason.unknown", "?"))
        if asOfYear > deadline {
            reading.status = .offTrack
            reading.reason = Phrase(
                "reason.deadline-passed", "the deadline {deadline} has passed at {value} ({year})",
                ["deadline": .year(deadline), "value": unit(latest.value), "year": .year(latest.year)])
        } else if growing == nil {
            reading.status = .atRisk
            reading.reason = Phrase(
                "reason.no-trend", "{value} in {year}; needs {needed}, no trend to judge by",
                ["value": unit(latest.value), "year": .year(latest.year), "needed": needed])
        } else if let growing, let year = reading.projectedYear, year <= deadline {
            reading.status = .onTrack
            reading.reason = Phrase(
                "reason.on-course", "{growing}, reached in {year}; needs {needed}",
                ["growing": .phrase(growing), "year": .year(year), "needed": needed])
        } else if let growing, let year = reading.projectedYear, year <= deadline + 2 {
            reading.status = .atRisk
            reading.reason = Phrase(
                "reason.late", "{growing}, reached in {year}, after {deadline}; needs {needed}",
                ["growing": .phrase(growing), "year": .year(year), "deadline": .year(deadline), "needed": needed])
        } else if let growing {
            reading.status = .offTrack
            reading.reason =
                reading.projectedYear.map {
                    Phrase(
                        "reason.too-late", "{growing}, reached only in {year}; needs {needed}",
                        ["growing": .phrase(growing), "year": .year($0), "needed": needed])
                }
                ?? Phrase("reason.never", "{growing}, never reached on this trend; needs {needed}", ["growing": .phrase(growing), "needed": needed])
        }
        return reading
    }
}

/// Both values, when there are both.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
