import CaravanCore

/// A target's progress read from yearly values: the rule every target of a level by a year
/// follows (docs/scorecard.md).
struct Trajectory {
    /// Full years with their values, oldest first.
    let years: [(year: Int, value: Double)]
    /// A partial current year's projected full-year value, when there is one.
    let runRate: (year: Int, value: Double)?
    /// How many years back the observed growth looks.
    static let window = 5

    struct Reading {
        var status: TestStatus
        var reason: String
        var progressPct: Double?
        var requiredGrowthPct: Double?
        var observedGrowthPct: Double?
        var window: String?
        var projectedYear: Int?
    }

    func read(target: Double, deadline: Int, asOfYear: Int, unit: (Double) -> String) -> Reading {
        guard let latest = years.last else {
            if let runRate {
                return Reading(
                    status: .atRisk, reason: "only part of \(runRate.year) is known (run-rate \(unit(runRate.value))): no trend yet",
                    progressPct: runRate.value / target * 100)
            }
            return Reading(status: .noData, reason: "no figures")
        }
        var reading = Reading(status: .noData, reason: "", progressPct: latest.value / target * 100)
        if latest.value >= target {
            reading.status = .met
            reading.reason = "\(unit(latest.value)) in \(latest.year) reaches \(unit(target))"
            return reading
        }
        reading.requiredGrowthPct = Growth.compound(from: latest.value, to: target, years: max(1, deadline - latest.year))
        let earlier = years.first { $0.year >= latest.year - Self.window && $0.year < latest.year }
        if let earlier {
            reading.observedGrowthPct = Growth.compound(from: earlier.value, to: latest.value, years: latest.year - earlier.year)
            reading.window = "\(earlier.year)..\(latest.year)"
        } else if let runRate, runRate.year > latest.year {
            reading.observedGrowthPct = Growth.compound(from: latest.value, to: runRate.value, years: runRate.year - latest.year)
            reading.window = "\(latest.year)..\(runRate.year) (run-rate)"
        }
        reading.projectedYear = Growth.yearReached(from: latest.value, in: latest.year, growingBy: reading.observedGrowthPct, target: target)
        let growth = reading.observedGrowthPct.map { "\(NumberText.fixed($0, decimals: 1))% a year (\(reading.window!))" } ?? "no trend"
        let needed = reading.requiredGrowthPct.map { "\(NumberText.fixed($0, decimals: 1))% a year" } ?? "?"
        if asOfYear > deadline {
            reading.status = .offTrack
            reading.reason = "the deadline \(deadline) has passed at \(unit(latest.value)) (\(latest.year))"
        } else if reading.observedGrowthPct == nil {
            reading.status = .atRisk
            reading.reason = "\(unit(latest.value)) in \(latest.year); needs \(needed), no trend to judge by"
        } else if let year = reading.projectedYear, year <= deadline {
            reading.status = .onTrack
            reading.reason = "growing \(growth), reached in \(year); needs \(needed)"
        } else if let year = reading.projectedYear, year <= deadline + 2 {
            reading.status = .atRisk
            reading.reason = "growing \(growth), reached in \(year), after \(deadline); needs \(needed)"
        } else {
            reading.status = .offTrack
            reading.reason =
                "\(growth == "no trend" ? "no trend" : "growing \(growth)"), "
                + (reading.projectedYear.map { "reached only in \($0)" } ?? "never reached on this trend") + "; needs \(needed)"
        }
        return reading
    }
}
