import CaravanCore
import Foundation

/// Are trade volumes beyond the stated level and on course for the targets?
public struct TradeTest: Sendable, Encodable {
    public var status: TestStatus
    public var summary: Phrase
    /// The pair's turnover in the latest full year that sources other than the assessed one give.
    public var latest: MeasuredValue?
    /// The assessed source's own figure for a later full year, no other source giving it: shown as its own.
    public var latestOwn: MeasuredValue?
    /// The current year's run-rate.
    public var runRate: RunRate?
    public var targets: [TargetResult]
    /// The sources the targets were stated in, whose own figures are not what confirms them.
    public var assessed: [String]

    init(pair: TradeQuery, progress: TradeProgress, assessed: [String], targets: [TargetResult]) {
        latest = progress.latestIndependent
        latestOwn = progress.latestUsed.flatMap { $0.own ? $0 : nil }
        runRate = progress.runRate
        self.targets = targets
        self.assessed = assessed
        status = TestStatus.worst(of: targets.map(\.status))
        let own = Phrase.Value.list(assessed.map { .text($0) }, separator: ", ")
        var parts: [Phrase.Value] = []
        if let latest {
            parts.append(
                .phrase(
                    Phrase(
                        "summary.turnover", "{reporter}–{partner} turnover {value} in {period}",
                        [
                            "reporter": .country(pair.reporter), "partner": .country(pair.partner), "value": .usd(latest.value),
                            "period": .period(latest.period),
                        ])))
        }
        if let latestOwn {
            parts.append(
                .phrase(
                    Phrase(
                        "summary.own-latest", "{own}'s own figure {value} in {period}",
                        ["own": own, "value": .usd(latestOwn.value), "period": .period(latestOwn.period)])))
        }
        if let runRate {
            let rate = Phrase(
                "summary.run-rate", "{year} run-rate {value} ({method})",
                ["year": .year(runRate.year), "value": .usd(runRate.fullYear), "method": .phrase(runRate.method)])
            parts.append(.phrase(runRate.own ? Phrase("summary.own-part", "{part}, {own}'s own", ["part": .phrase(rate), "own": own]) : rate))
        }
        parts.append(targets.isEmpty ? .phrase(Phrase("summary.no-trade-targets", "no trade targets")) : Self.statuses(targets))
        summary = Phrase("summary.parts", "{parts}", ["parts": .list(parts, separator: "; ")])
    }

    /// Each target's id and status: `t1: off_track, t2: met`.
    static func statuses(_ targets: [TargetResult]) -> Phrase.Value {
        .list(
            targets.map { target in
                .phrase(
                    Phrase(
                        "summary.target-status", "{id}: {status}",
                        ["id": .text(target.id), "status": .term(key: "status.\(target.status.rawValue)", english: target.status.rawValue)]))
            }, separator: ", ")
    }

    enum CodingKeys: String, CodingKey {
        case status, summary, latest, targets, assessed
        case latestOwn = "latest_own"
        case runRate = "run_rate"
    }
}

/// Are the port and corridor projects funded and delivered?
public struct ProjectsTest: Sendable, Encodable {
    public var status: TestStatus
    public var summary: Phrase
    /// Budget, commitments and disbursements of the projects not yet operational (nor cancelled).
    public var budgetUSD: Double
    public var committedUSD: Double
    public var disbursedUSD: Double
    public var lateMilestones: Int
    public var projects: [ProjectResult]
    public var targets: [TargetResult]

    init(projects: [ProjectResult], targets: [TargetResult]) {
        self.projects = projects
        self.targets = targets
        // Money is counted on the projects still to deliver: operational ones were paid for.
        let open = projects.filter { $0.declared != .operational && $0.declared != .cancelled }
        budgetUSD = open.compactMap(\.budgetUSD).reduce(0, +)
        committedUSD = open.map(\.committedUSD).reduce(0, +)
        disbursedUSD = open.map(\.disbursedUSD).reduce(0, +)
        lateMilestones = projects.map(\.lateMilestones.count).reduce(0, +)
        status = TestStatus.worst(of: projects.map(\.status) + targets.map(\.status))
        let counts = Dictionary(grouping: projects, by: \.status).sorted { $0.key < $1.key }.map { status, projects -> Phrase.Value in
            .phrase(
                Phrase(
                    "summary.status-count", "{count} {status}",
                    ["count": .count(projects.count), "status": .term(key: "status.\(status.rawValue)", english: status.rawValue)]))
        }
        let unknown = open.filter { $0.budgetUSD == nil }.count
        let unbudgeted = Phrase("summary.unbudgeted", "({count} without a known budget)", ["count": .count(unknown)])
        summary =
            projects.isEmpty
            ? Phrase("summary.no-projects", "no projects")
            : Phrase(
                "summary.projects",
                "{count} projects ({statuses}); {open} still to deliver: {committed} committed and {disbursed} disbursed against budgets of {budget}{unbudgeted}; {late} milestones late",
                [
                    "count": .count(projects.count), "statuses": .list(counts, separator: ", "), "open": .count(open.count),
                    "committed": .usd(committedUSD), "disbursed": .usd(disbursedUSD), "budget": .usd(budgetUSD),
                    "unbudgeted": unknown > 0 ? .list([.text(" "), .phrase(unbudgeted)], separator: "") : .text(""), "late": .count(lateMilestones),
                ])
    }

    enum CodingKeys: String, CodingKey {
        case status, summary, projects, targets
        case budgetUSD = "budget_usd"
        case committedUSD = "committed_usd"
        case disbursedUSD = "disbursed_usd"
        case lateMilestones = "late_milestones"
    }
}

/// Do freight flows on the corridor keep pace with its capacity targets, and can the network carry them?
public struct CorridorTest: Sendable, Encodable {
    public var status: TestStatus
    public var summary: Phrase
    public var element: String?
    public var targets: [TargetResult]

    init(element: String?, targets: [TargetResult]) {
        self.element = element
        self.targets = targets
        status = TestStatus.worst(of: targets.map(\.status))
        let each = targets.map { target -> Phrase.Value in
            let observed =
                target.latest.map {
                    Phrase("summary.observed", "{mt} Mt in {period}", ["mt": .number($0.value / 1e6, decimals: 2), "period": .period($0.period)])
                } ?? Phrase("summary.no-flows", "no flows")
            let capacity = target.capacity.map { c in
                c.maxMt.map { Phrase("summary.capacity", ", capacity {mt} Mt in {year}", ["mt": .number($0, decimals: 1), "year": .year(c.year)]) }
                    ?? Phrase("summary.unlimited", ", capacity unknown in {year}", ["year": .year(c.year)])
            }
            return .phrase(
                Phrase(
                    "summary.freight-target", "{id} {target} Mt by {deadline}: {observed}{capacity} ({status})",
                    [
                        "id": .text(target.id), "target": .number(target.value / 1e6, decimals: 0), "deadline": .year(target.deadline),
                        "observed": .phrase(observed), "capacity": capacity.map { .phrase($0) } ?? .text(""),
                        "status": .term(key: "status.\(target.status.rawValue)", english: target.status.rawValue),
                    ]))
        }
        summary =
            targets.isEmpty
            ? Phrase("summary.no-freight-targets", "no freight targets") : Phrase("summary.parts", "{parts}", ["parts": .list(each, separator: "; ")])
    }
}
