import CaravanCore
import Foundation

/// A reported flow set against the capacity of what carried it.
public struct FlowUtilization: Sendable, Hashable, Codable {
    public var element: String
    /// `link`, `node` or `corridor`.
    public var elementKind: String
    public var period: Period
    public var tonnes: Double
    public var direction: FlowDirection
    /// Million tonnes a year; nil where unlimited or not stated.
    public var capacityMt: Double?
    /// Observed tonnes over the capacity for the period's length, in percent.
    public var utilizationPct: Double?
    public var source: String
    /// Whose figures the source quotes, when it names them.
    public var compiler: String?
    /// An outturn, or a bound, plan or forecast: only outturns count against targets.
    public var status: FigureStatus
    public var url: String?
    public var published: String?
    public var recordedAt: Date
    public var file: String
    public var line: Int?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case element, period, tonnes, direction, source, compiler, status, url, published, file, line, note
        case elementKind = "element_kind"
        case capacityMt = "capacity_mt"
        case utilizationPct = "utilization_pct"
        case recordedAt = "recorded_at"
    }
}

extension Network {
    /// The kind of element an id names, and its capacity in million tonnes a year: a corridor's
    /// stated capacity, else the least of its elements' (a chain carries no more than its
    /// narrowest part). Nil for an unknown id.
    public func capacity(of element: String) -> (kind: String, mt: Double?)? {
        if let link = links.first(where: { $0.id == element }) { return ("link", link.capacityMt) }
        if let node = nodes.first(where: { $0.id == element }) { return ("node", node.capacityMt) }
        guard let corridor = corridors.first(where: { $0.id == element }) else { return nil }
        if let stated = corridor.capacityMt { return ("corridor", stated) }
        return ("corridor", corridor.elements.compactMap { capacity(of: $0)?.mt }.min())
    }

    /// Each flow against its element's capacity over the flow's period (a year's capacity times the
    /// period's share of a year).
    public func utilization(of flows: [RecordedFreightFlow]) -> [FlowUtilization] {
        flows.map { recorded in
            let flow = recorded.flow
            let capacity = capacity(of: flow.element)
            let years = Double(flow.period.days.dayCount) / 365.2425
            let pct = capacity?.mt.map { flow.tonnes / ($0 * 1e6 * years) * 100 }
            return FlowUtilization(
                element: flow.element, elementKind: capacity?.kind ?? "unknown", period: flow.period, tonnes: flow.tonnes,
                direction: flow.direction, capacityMt: capacity?.mt, utilizationPct: pct, source: recorded.source.provider,
                compiler: recorded.source.compiler, status: recorded.source.status,
                url: recorded.source.url, published: recorded.source.published, recordedAt: recorded.source.recordedAt,
                file: recorded.source.file, line: recorded.line, note: flow.note)
        }
    }
}
