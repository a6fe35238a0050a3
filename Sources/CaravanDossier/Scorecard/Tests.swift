import CaravanCore
import Foundation

/// Are trade volumes beyond the stated level and on course for the targets?
public struct TradeTest: Sendable, Encodable {
    public var status: TestStatus
    public var summary: String
    /// The pair's turnover in the latest full year, and the current year's run-rate.
    public var latest: MeasuredValue?
    public var runRate: RunRate?
    public var targets: [TargetResult]

    init(pair: TradeQuery, progress: TradeProgress, targets: [TargetResult]) {
        latest = progress.latest
        runRate = progress.runRate
        self.targets = targets
        status = TestStatus.worst(of: targets.map(\.status))
        var parts: [String] = []
        if let latest { parts.append("\(pair.reporter)–\(pair.partner) turnover \(NumberText.grouped(latest.value)) USD in \(latest.period)") }
        if let runRate { parts.append("\(runRate.year) run-rate \(NumberText.grouped(runRate.fullYear)) USD (\(runRate.method))") }
        parts.append(targets.isEmpty ? "no trade targets" : targets.map { "\($0.id): \($0.status.rawValue)" }.joined(separator: ", "))
        summary = parts.joined(separator: "; ")
    }

    enum CodingKeys: String, CodingKey {
        case status, summary, latest, targets
        case runRate = "run_rate"
    }
}

/// Are the port and corridor projects funded and delivered?
public struct ProjectsTest: Sendable, Encodable {
    public var status: TestStatus
    public var summary: String
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
        let counts = Dictionary(grouping: projects, by: \.status).sorted { $0.key < $1.key }.map { "\($0.value.count) \($0.key.rawValue)" }
        let unknown = open.filter { $0.budgetUSD == nil }.count
        summary =
            projects.isEmpty
            ? "no projects"
            : "\(projects.count) projects (\(counts.joined(separator: ", "))); \(open.count) still to deliver: "
                + "\(NumberText.grouped(committedUSD)) USD committed and \(NumberText.grouped(disbursedUSD)) disbursed against budgets of "
                + "\(NumberText.grouped(budgetUSD)) USD\(unknown > 0 ? " (\(unknown) without a known budget)" : ""); \(lateMilestones) milestones late"
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
    public var summary: String
    public var element: String?
    public var targets: [TargetResult]

    init(element: String?, targets: [TargetResult]) {
        self.element = element
        self.targets = targets
        status = TestStatus.worst(of: targets.map(\.status))
        summary =
            targets.isEmpty
            ? "no freight targets"
            : targets.map { target in
                let observed = target.latest.map { "\(NumberText.fixed($0.value / 1e6, decimals: 2)) Mt in \($0.period)" } ?? "no flows"
                let capacity = target.capacity.map { c in
                    c.maxMt.map { "capacity \(NumberText.fixed($0, decimals: 1)) Mt in \(c.year)" } ?? "unlimited in \(c.year)"
                }
                return "\(target.id) \(NumberText.fixed(target.value / 1e6, decimals: 0)) Mt by \(target.deadline): \(observed)"
                    + (capacity.map { ", \($0)" } ?? "") + " (\(target.status.rawValue))"
            }.joined(separator: "; ")
    }
}
