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
    /// What would change the status: the nearest open target's next outturn on its path.
    public var change: Phrase?

    init(progress: TradeProgress, assessed: [String], targets: [TargetResult], asOfYear: Int) {
        latest = progress.latestIndependent
        latestOwn = progress.latestUsed.flatMap { $0.own ? $0 : nil }
        runRate = progress.runRate
        self.targets = targets
        self.assessed = assessed
        status = TestStatus.worst(of: targets.map(\.status))
        summary = Self.sentence(
            status: status, latest: latest, latestOwn: latestOwn, runRate: runRate, own: .list(assessed.map { .text($0) }, separator: ", "),
            targets: targets, asOfYear: asOfYear)
        change = targets.nearestOpen(asOfYear: asOfYear)?.change(asOfYear: asOfYear)
    }

    enum CodingKeys: String, CodingKey {
        case status, summary, latest, targets, assessed
        case change = "would_change"
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
        summary = Self.sentence(
            status: status, projects: projects, open: open, committed: committedUSD, disbursed: disbursedUSD, budget: budgetUSD, late: lateMilestones)
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

    /// What would change the status: the nearest open target's capacity or next outturn.
    public var change: Phrase?

    /// `element` is the corridor's name, in the languages the network gives.
    init(element: String?, name: Phrase.Value, targets: [TargetResult], asOfYear: Int) {
        self.element = element
        self.targets = targets
        status = TestStatus.worst(of: targets.map(\.status))
        summary = Self.sentence(status: status, element: name, targets: targets, asOfYear: asOfYear)
        change = targets.nearestOpen(asOfYear: asOfYear)?.change(asOfYear: asOfYear)
    }

    enum CodingKeys: String, CodingKey {
        case status, summary, element, targets
        case change = "would_change"
    }
}
