import CaravanCore
import CaravanNetwork
import CaravanService

extension RouteAnswer: Tabular {
    /// The routes side by side, then the best route step by step: its time–cost–distance table.
    public var table: TextTable {
        TextTable(
            columns: [
                .init("route", numeric: true), .init("hours", numeric: true), .init("usd_per_t", numeric: true), .init("km", numeric: true),
                .init("via"),
            ],
            rows: routes.enumerated().map { rank, route in
                [
                    String(rank + 1), NumberText.fixed(route.hours, decimals: 1), NumberText.fixed(route.usdPerT, decimals: 2),
                    NumberText.grouped(route.km) + (route.kmIncomplete ? "+" : ""), route.nodes.joined(separator: " → "),
                ]
            })
    }

    /// The time–cost–distance steps of one route (the UNESCAP method): cumulative distance against
    /// cumulative time and cost, with the stops and mode changes marked.
    public func legsTable(route index: Int) -> TextTable {
        TextTable(
            columns: [
                .init("step"), .init("id"), .init("mode"), .init("km", numeric: true), .init("hours", numeric: true),
                .init("usd_per_t", numeric: true), .init("total_km", numeric: true), .init("total_hours", numeric: true),
                .init("total_usd_per_t", numeric: true),
            ],
            rows: routes[index].legs.map { leg in
                [
                    leg.kind.rawValue, leg.kind == .link ? "\(leg.id) (\(leg.from) → \(leg.to))" : leg.id, leg.mode?.rawValue ?? "",
                    leg.km.map { NumberText.grouped($0) } ?? "", NumberText.fixed(leg.hours, decimals: 1), NumberText.fixed(leg.usdPerT, decimals: 2),
                    NumberText.grouped(leg.cumulativeKm), NumberText.fixed(leg.cumulativeHours, decimals: 1),
                    NumberText.fixed(leg.cumulativeUSDPerT, decimals: 2),
                ]
            })
    }
}

extension CapacityAnalysis: Tabular {
    public var table: TextTable {
        TextTable(
            columns: [.init("mt_per_year", numeric: true), .init("path")],
            rows: paths.map { [NumberText.fixed($0.mt, decimals: 2), $0.nodes.joined(separator: " → ")] })
    }

    /// The answer in a sentence: how much, and where it chokes.
    public var headline: String {
        guard let maxMt else { return "\(from) → \(to): capacity unknown: a path no source gives a capacity for joins them" }
        return "\(from) → \(to): at most \(NumberText.fixed(maxMt, decimals: 2)) Mt a year; bottleneck: "
            + (bottleneck.isEmpty ? "none (no path)" : bottleneck.joined(separator: ", "))
    }
}

extension FlowReport: Tabular {
    public var table: TextTable {
        TextTable(
            columns: [
                .init("element"), .init("kind"), .init("period"), .init("tonnes", numeric: true), .init("direction"),
                .init("capacity_mt", numeric: true), .init("utilization_pct", numeric: true), .init("status"), .init("source"),
            ],
            rows: flows.map { flow in
                [
                    flow.element, flow.elementKind, flow.period.description, NumberText.grouped(flow.tonnes), flow.direction.rawValue,
                    flow.capacityMt.map { NumberText.fixed($0, decimals: 1) } ?? "unknown",
                    flow.utilizationPct.map { NumberText.fixed($0, decimals: 1) + "%" } ?? "", flow.status.words,
                    "\(flow.source)\(flow.published.map { " \($0)" } ?? "") (\(flow.file.split(separator: "/").last ?? "")\(flow.line.map { ":\($0)" } ?? ""))",
                ]
            })
    }
}
