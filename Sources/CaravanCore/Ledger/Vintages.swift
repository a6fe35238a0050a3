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
        // Sorted as small keys pointing at the rows, not the rows themselves: each figure's first
        // day worked out once (a Solar Hijri period's takes a calendar conversion), and a row,
        // with its source's many fields, copied once rather than at every step of the sort.
        let rows = Array(latest.values)
        return rows.indices.map { i in
            (
                first: rows[i].observation.period.days.lowerBound, source: rows[i].source.id, line: rows[i].line ?? 0,
                flow: rows[i].observation.flow.textOrder, index: i
            )
        }
        .sorted { ($0.first, $0.source, $0.line, $0.flow) < ($1.first, $1.source, $1.line, $1.flow) }
        .map { rows[$0.index] }
    }
}

extension TradeFlow {
    /// The flows in the order of their names' text (export, import, re-export, re-import, turnover),
    /// as a number: what the revision sort breaks its last ties by.
    fileprivate var textOrder: Int {
        switch self {
        case .export: 0
        case .import: 1
        case .reExport: 2
        case .reImport: 3
        case .turnover: 4
        }
    }
}
