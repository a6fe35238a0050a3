import Foundation

/// Revisions: a provider's later figure for the same thing supersedes its earlier one, and
/// nothing recorded after the "as of" moment counts.
enum Vintages {
    private struct Key: Hashable {
        let reporter: String, partner: String, flow: TradeFlow, commodity: String, period: Period, provider: String
    }

    /// The latest version of each figure recorded by `asOf`.
    /// - Complexity: O(n) in the number of observations.
    static func current(_ observations: [RecordedObservation], asOf: Date?) -> [RecordedObservation] {
        var latest: [Key: RecordedObservation] = [:]
        for recorded in observations {
            if let asOf, recorded.source.recordedAt > asOf { continue }
            let o = recorded.observation
            let key = Key(
                reporter: o.reporter, partner: o.partner, flow: o.flow, commodity: o.commodity, period: o.period,
                provider: recorded.source.provider)
            if let held = latest[key], (held.source.recordedAt, held.source.id) > (recorded.source.recordedAt, recorded.source.id) {
                continue
            }
            latest[key] = recorded
        }
        // Each figure's first day worked out once, not once a comparison: a Solar Hijri period's takes a calendar conversion.
        return latest.values.map { (first: $0.observation.period.days.lowerBound, row: $0) }
            .sorted {
                ($0.first, $0.row.source.id, $0.row.line ?? 0, $0.row.observation.flow.rawValue)
                    < ($1.first, $1.row.source.id, $1.row.line ?? 0, $1.row.observation.flow.rawValue)
            }
            .map(\.row)
    }
}
