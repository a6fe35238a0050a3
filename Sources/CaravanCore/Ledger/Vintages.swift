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
        return latest.values.sorted {
            ($0.observation.period.days.lowerBound, $0.source.id, $0.line ?? 0, $0.observation.flow.rawValue)
                < ($1.observation.period.days.lowerBound, $1.source.id, $1.line ?? 0, $1.observation.flow.rawValue)
        }
    }
}
