import CaravanCore
import CaravanNetwork
import Foundation

/// Freight targets read against the reported flows and the network's capacity in the target year,
/// each year from reports of other origins than the target's own source where they give it.
enum CorridorTargets {
    static func evaluate(
        _ target: Target, element: String, flows: [RecordedFreightFlow], network: Network?, projects: [Project], asOf: Date, dossier: Dossier
    ) -> TargetResult {
        let source = dossier.source(target.source)
        let origin = dossier.origin(of: target.source, quote: target.quote)
        let (independent, owned) = flows.filter { $0.flow.element == element && $0.source.recordedAt <= asOf }
            .partitioned { !origin.isShared(with: Origin($0.source, quote: $0.flow.note)) }
        let others = yearly(independent)
        let years = (others + yearly(owned).filter { own in !others.contains { $0.year == own.year } }.map { ($0.year, $0.value, $0.sources, true) })
            .sorted { $0.year < $1.year }
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
                year: target.deadline, maxMt: analysis?.maxMt, bottleneck: analysis?.bottleneck ?? [], projectsApplied: applied,
                bottleneckNames: (analysis?.bottleneck ?? []).map { network.name(of: $0) })
        }
        if let last = years.last {
            result.latest = MeasuredValue(
                period: .year(last.year), value: last.value, partial: false, sources: last.sources.map(Provenance.init(flow:)), own: last.own)
        }
        result.ownYears = years.filter(\.own).map(\.year)
        let reading = Trajectory(years: years.map { ($0.year, $0.value) }, runRate: nil)
            .read(target: target.value, deadline: target.deadline, asOfYear: Calendars.year(of: asOf)) { .megatonnes($0 / 1e6) }
        guard !years.isEmpty else { return result }
        result.status = reading.status
        result.reason =
            result.ownYears.isEmpty ? reading.reason : OwnFigures.said(reading.reason, years: result.ownYears, own: dossier.name(of: target.source))
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
                    "bottleneck": .list(capacity.bottleneckNames, separator: ", "),
                    "target": .number(target.value / 1e6, decimals: 1), "reading": .phrase(result.reason),
                ])
        }
        return result
    }

    /// Tonnes by Gregorian year: the first report of both directions by precedence, else the first
    /// of each direction added together (a station reporting each way apart).
    private static func yearly(_ flows: [RecordedFreightFlow]) -> [(year: Int, value: Double, sources: [RecordedFreightFlow], own: Bool)] {
        let years = flows.filter { $0.flow.period.calendar == .gregorian && $0.flow.period.grain == .year && $0.flow.period.isSingleUnit }
        return Dictionary(grouping: years) { Int($0.flow.period.first) }
            .compactMap { year, reports in
                let first = { (direction: FlowDirection) in reports.filter { $0.flow.direction == direction }.min(by: FreightFlows.precedes) }
                if let both = first(.both) { return (year, both.flow.tonnes, [both], false) }
                let ways = [first(.forward), first(.backward)].compactMap { $0 }
                return ways.isEmpty ? nil : (year, ways.reduce(0) { $0 + $1.flow.tonnes }, ways, false)
            }
            .sorted { $0.year < $1.year }
    }
}
