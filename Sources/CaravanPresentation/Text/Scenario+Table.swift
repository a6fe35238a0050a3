import CaravanCore
import CaravanDossier

extension ScenarioComparison {
    /// The scenario's changes, in a line, and why nothing moved when nothing did.
    public var headline: String { "\(partnership), if we \(changes.joined(separator: "; ")):" + (unchanged.map { "\n\($0.english)" } ?? "") }

    /// The three tests, baseline beside scenario, and whether each moved.
    public var testsTable: TextTable {
        TextTable(
            columns: [.init("test"), .init("baseline"), .init("scenario"), .init("scenario evidence", wraps: true)],
            rows: [
                ("trade", baseline.trade, scenario.trade), ("projects", baseline.projects, scenario.projects),
                ("corridor", baseline.corridor, scenario.corridor),
            ].map { name, before, after in
                [name, before.status.rawValue, after.status.rawValue + (after.status == before.status ? "" : " (changed)"), after.summary.english]
            })
    }

    /// Each target, baseline beside scenario, with the capacity in its year where it has one.
    public var targetsTable: TextTable {
        TextTable(
            columns: [
                .init("target"), .init("baseline"), .init("scenario"), .init("capacity_mt", numeric: true),
                .init("scenario_capacity_mt", numeric: true),
            ],
            rows: zip(baseline.targets, scenario.targets).map { before, after in
                [
                    before.id, before.status.rawValue, after.status.rawValue + (after.status == before.status ? "" : " (changed)"),
                    Self.capacity(before.capacity), Self.capacity(after.capacity),
                ]
            })
    }

    /// The corridor's capacity year by year, and its bottleneck, both ways.
    public var capacityTable: TextTable {
        TextTable(
            columns: [
                .init("year"), .init("baseline_mt", numeric: true), .init("scenario_mt", numeric: true), .init("baseline_bottleneck"),
                .init("scenario_bottleneck"),
            ],
            rows: zip(baseline.capacity, scenario.capacity).map { before, after in
                [
                    String(before.year), Self.megatonnes(before.maxMt), Self.megatonnes(after.maxMt), before.bottleneck.joined(separator: ", "),
                    after.bottleneck.joined(separator: ", "),
                ]
            })
    }

    private static func megatonnes(_ value: Double?) -> String { value.map { NumberText.fixed($0, decimals: 1) } ?? "unknown" }

    /// A target's capacity: "n/a" where it has none to show (not a freight target, or no network).
    private static func capacity(_ capacity: CapacityInYear?) -> String { capacity.map { megatonnes($0.maxMt) } ?? "n/a" }
}
