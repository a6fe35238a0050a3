import CaravanCore
import CaravanDossier
import CaravanService

extension Scorecard: Sectioned {
    public var sections: [TableSection] {
        [
            TableSection(
                title: "\(partnership.title): scorecard as of \(asOf)", lead: missingNote,
                table: TextTable(
                    columns: [.init("test"), .init("status"), .init("evidence", wraps: true)],
                    rows: [
                        ["trade", tests.trade.status.rawValue, tests.trade.summary.english],
                        ["projects", tests.projects.status.rawValue, tests.projects.summary.english],
                        ["corridor", tests.corridor.status.rawValue, tests.corridor.summary.english],
                    ])),
            TableSection(title: "Targets", table: ScorecardTables.targets(allTargets, asOfYear: asOfYear)),
            TableSection(title: "Claims", table: ScorecardTables.claims(claims)),
            TableSection(title: "Projects", table: ScorecardTables.projects(tests.projects.projects)),
        ]
    }

    /// What the stored network lacks of what the dossier names, in a sentence; nil when nothing.
    public var missingNote: String? {
        guard !missingElements.isEmpty else { return nil }
        let named = missingElements.map { "'\($0.element)' (\($0.path))" }.joined(separator: ", ")
        return "The stored network lacks elements the dossier names: \(named). Answers that need them say so."
    }

    /// Every target of the three tests.
    public var allTargets: [TargetResult] { tests.trade.targets + tests.projects.targets + tests.corridor.targets }
}

/// The scorecard's parts as tables, for the scorecard and for `caravan targets|claims|projects|agreements`.
public enum ScorecardTables {
    /// Each target's figures and its verdict in a sentence; a deadline passed reads `missed`, not a growth rate.
    public static func targets(_ targets: [TargetResult], asOfYear: Int) -> TextTable {
        TextTable(
            columns: [
                .init("target"), .init("status"), .init("progress", numeric: true), .init("needed_a_year", numeric: true),
                .init("verdict", wraps: true),
            ],
            rows: targets.map { target in
                [
                    target.id, target.status.rawValue, target.progressPct.map { NumberText.fixed($0, decimals: 0) + "%" } ?? "",
                    target.missed(asOfYear: asOfYear) ? "missed" : target.requiredGrowthPct.map(NumberText.percent) ?? "",
                    target.sentence(asOfYear: asOfYear).english
                        + (target.change(asOfYear: asOfYear).map { " What would change it: \($0.english)." } ?? ""),
                ]
            })
    }

    public static func claims(_ claims: [ClaimResult]) -> TextTable {
        TextTable(
            columns: [.init("claim"), .init("verdict"), .init("quote", wraps: true), .init("why", wraps: true)],
            rows: claims.map { claim in
                [
                    claim.id, claim.verdict.rawValue,
                    "\"\(claim.quote)\" (\(claim.source?.provider ?? "")\(claim.source?.published.map { " \($0)" } ?? ""))",
                    claim.sentence.english,
                ]
            })
    }

    public static func projects(_ projects: [ProjectResult]) -> TextTable {
        TextTable(
            columns: [
                .init("project"), .init("status"), .init("declared"), .init("budget_usd", numeric: true), .init("committed_usd", numeric: true),
                .init("disbursed_usd", numeric: true), .init("late"), .init("why", wraps: true),
            ],
            rows: projects.map { project in
                [
                    project.id, project.status.rawValue, project.declared.rawValue, project.budgetUSD.map(NumberText.grouped) ?? "",
                    NumberText.grouped(project.committedUSD), NumberText.grouped(project.disbursedUSD), String(project.lateMilestones.count),
                    project.sentence.english,
                ]
            })
    }

    public static func agreements(_ agreements: [Agreement]) -> TextTable {
        TextTable(
            columns: [
                .init("agreement"), .init("status"), .init("signed"), .init("in_force"), .init("parties"), .init("documents", numeric: true),
                .init("title"),
            ],
            rows: agreements.map { agreement in
                [
                    agreement.id, agreement.status.rawValue, agreement.signed ?? "", agreement.inForce ?? "",
                    agreement.parties.joined(separator: " "),
                    String(agreement.count), agreement.title,
                ]
            })
    }

    /// What the data give, in the claim's terms: a value, a percent change, a multiple.
    public static func computed(_ claim: ClaimResult) -> String? {
        claim.computed.map { value in
            switch claim.expectation {
            case .change: NumberText.percent(value)
            case .ratio: NumberText.fixed(value, decimals: 2) + "×"
            default: abs(value) >= 1000 ? NumberText.grouped(value) : NumberText.fixed(value, decimals: 2)
            }
        }
    }
}
