import CaravanCore
import Foundation

/// Projects judged on funding and milestones as of a date (docs/scorecard.md).
enum ProjectCheck {
    /// A milestone more than this many days late puts its project off track.
    static let lateLimit = 365

    static func evaluate(_ project: Project, asOf: Date, source: DossierSource?) -> ProjectResult {
        let today = Day(containing: asOf)
        let counted = project.funding.filter { DateText.day($0.date).map { $0 <= today } ?? true }
        let committed = counted.filter { $0.kind == .commitment }.reduce(0) { $0 + $1.amountUSD }
        let disbursed = counted.filter { $0.kind == .disbursement }.reduce(0) { $0 + $1.amountUSD }
        let late: [LateMilestone] = project.milestones.compactMap { milestone in
            // Planned for a month or a year, a milestone is due by its last day; done in a month or
            // a year, it was done by its first day at the latest we can say.
            guard let plannedText = milestone.planned, let due = DateText.lastDay(plannedText) else { return nil }
            let done = DateText.day(milestone.actual)
            let reference = done ?? today
            guard reference > due else { return nil }
            return LateMilestone(name: milestone.name, planned: plannedText, actual: milestone.actual, daysLate: due.distance(to: reference))
        }
        let (status, reason) = judge(project, committed: committed, late: late)
        return ProjectResult(
            id: project.id, title: project.title, kind: project.kind, countries: project.countries, declared: project.status, status: status,
            reason: reason, budgetUSD: project.budgetUSD, committedUSD: committed, disbursedUSD: disbursed, lateMilestones: late,
            milestones: project.milestones, completionYear: project.completionYear, effects: project.effects,
            source: source.map(Provenance.init(source:)))
    }

    private static func judge(_ project: Project, committed: Double, late: [LateMilestone]) -> (TestStatus, String) {
        switch project.status {
        case .operational: return (.met, "operational" + (project.completionYear.map { " since \($0)" } ?? ""))
        case .cancelled: return (.offTrack, "cancelled")
        case .stalled: return (.offTrack, "stalled")
        default: break
        }
        if let worst = late.max(by: { $0.daysLate < $1.daysLate }) {
            let text = "\(worst.name) \(worst.daysLate) days late"
            return worst.daysLate > lateLimit ? (.offTrack, text) : (.atRisk, text)
        }
        guard let budget = project.budgetUSD, budget > 0 else {
            return committed > 0
                ? (.atRisk, "\(NumberText.grouped(committed)) USD committed against no stated budget")
                : (.atRisk, "\(project.status.rawValue), with no budget or funding known")
        }
        let share = committed / budget * 100
        if share >= 100 { return (.onTrack, "fully funded: \(NumberText.grouped(committed)) USD committed") }
        return (.atRisk, "\(NumberText.fixed(share, decimals: 0))% of the \(NumberText.grouped(budget)) USD budget committed")
    }
}
