import CaravanCore
import CaravanNetwork
import Foundation

/// Freight targets read against the reported flows and the network's capacity in the target year.
enum CorridorTargets {
    static func evaluate(
        _ target: Target, element: String, flows: [RecordedFreightFlow], network: Network?, projects: [Project], asOf: Date,
        source: DossierSource?
    ) -> TargetResult {
        let years = yearly(flows.filter { $0.flow.element == element && $0.source.recordedAt <= asOf })
        var result = TargetResult(
            id: target.id, title: target.title, metric: target.metric, value: target.value, unit: "t", deadline: target.deadline,
            assumed: target.assumed, assumption: target.assumption, source: source.map(Provenance.init(source:)), quote: target.quote,
            status: .noData,
            reason: Phrase("reason.no-flows", "no flows reported through {element}", ["element": .text(element)]))
        if let network, !network.elementIDs.contains(element) {
            result.reason = Phrase(
                "reason.no-element", "the stored network has no element '{element}': import a network that has it, or a dossier that names another",
                ["element": .text(element)])
            return result
        }
        if let network {
            let (standing, applied) = network.asOf(year: target.deadline, projects: projects)
            let analysis = standing.capacity(ofElement: element)
            result.capacity = CapacityInYear(
                year: target.deadline, maxMt: analysis?.maxMt, bottleneck: analysis?.bottleneck ?? [], projectsApplied: applied)
        }
        if let last = years.last {
            result.latest = MeasuredValue(
                period: .year(last.year), value: last.value, partial: false, sources: last.sources.map(Provenance.init(flow:)))
        }
        let reading = Trajectory(years: years.map { ($0.year, $0.value) }, runRate: nil)
            .read(target: target.value, deadline: target.deadline, asOfYear: Calendars.year(of: asOf)) { .tonnes($0) }
        guard !years.isEmpty else { return result }
        result.status = reading.status
        result.reason = reading.reason
        result.progressPct = reading.progressPct
        result.requiredGrowthPct = reading.requiredGrowthPct
        result.observedGrowthPct = reading.observedGrowthPct
        result.window = reading.window
        result.projectedYear = reading.projectedYear
        if reading.status != .met, let capacity = result.capacity, let maxMt = capacity.maxMt, maxMt * 1e6 < target.value {
            result.status = .offTrack
            result.reason = Phrase(
                "reason.capacity-short",
                "the network carries at most {capacity} Mt a year in {year} (bottleneck: {bottleneck}), short of {target} Mt; {reading}",
                [
                    "capacity": .number(maxMt, decimals: 1), "year": .year(capacity.year),
                    "bottleneck": .text(capacity.bottleneck.joined(separator: ", ")),
                    "target": .number(target.value / 1e6, decimals: 1), "reading": .phrase(reading.reason),
                ])
        }
        return result
    }

    /// Tonnes by Gregorian year: the most recently recorded report of both directions, else the
    /// most recent of each direction added together (a station reporting each way apart).
    private static func yearly(_ flows: [RecordedFreightFlow]) -> [(year: Int, value: Double, sources: [RecordedFreightFlow])] {
        let years = flows.filter { $0.flow.period.calendar == .gregorian && $0.flow.period.grain == .year && $0.flow.period.isSingleUnit }
        return Dictionary(grouping: years) { Int($0.flow.period.first) }
            .compactMap { year, reports in
                let latest = { (direction: FlowDirection) in
                    reports.filter { $0.flow.direction == direction }.max { $0.source.recordedAt < $1.source.recordedAt }
                }
                if let both = latest(.both) { return (year, both.flow.tonnes, [both]) }
                let ways = [latest(.forward), latest(.backward)].compactMap { $0 }
                return ways.isEmpty ? nil : (year, ways.reduce(0) { $0 + $1.flow.tonnes }, ways)
            }
            .sorted { $0.year < $1.year }
    }
}
