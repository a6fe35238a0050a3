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
            id: project.id, title: project.title, titles: project.titles, kind: project.kind, countries: project.countries,
            declared: project.status, status: status, reason: reason, budgetUSD: project.budgetUSD, committedUSD: committed,
            disbursedUSD: disbursed, lateMilestones: late, milestones: project.milestones, completionYear: project.completionYear,
            effects: project.effects, source: source.map(Provenance.init(source:)))
    }

    private static func judge(_ project: Project, committed: Double, late: [LateMilestone]) -> (TestStatus, Phrase) {
        switch project.status {
        case .operational:
            return (
                .met,
                project.completionYear.map { Phrase("reason.operational-since", "operational since {year}", ["year": .year($0)]) }
                    ?? Phrase("reason.operational", "operational")
            )
        case .cancelled: return (.offTrack, Phrase("reason.cancelled", "cancelled"))
        case .stalled: return (.offTrack, Phrase("reason.stalled", "stalled"))
        default: break
        }
        if let worst = late.max(by: { $0.daysLate < $1.daysLate }) {
            let text = Phrase("reason.days-late", "{milestone} {days} days late", ["milestone": .text(worst.name), "days": .count(worst.daysLate)])
            return worst.daysLate > lateLimit ? (.offTrack, text) : (.atRisk, text)
        }
        guard let budget = project.budgetUSD, budget > 0 else {
            return committed > 0
                ? (.atRisk, Phrase("reason.no-budget-committed", "{usd} committed against no stated budget", ["usd": .usd(committed)]))
                : (
                    .atRisk,
                    Phrase(
                        "reason.no-budget", "{status}, with no budget or funding known",
                        ["status": .term(key: "project.\(project.status.rawValue)", english: project.status.rawValue)])
                )
        }
        let share = committed / budget * 100
        if share >= 100 { return (.onTrack, Phrase("reason.fully-funded", "fully funded: {usd} committed", ["usd": .usd(committed)])) }
        return (
            .atRisk,
            Phrase(
                "reason.share-committed", "{share}% of the {budget} budget committed", ["share": .number(share, decimals: 0), "budget": .usd(budget)])
        )
    }
}
