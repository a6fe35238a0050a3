import CaravanDossier
import Testing

@Suite("Projects: funding and milestones")
struct ProjectTests {
    func judged(
        _ status: Project.Status = .underConstruction, budget: Double? = 100, committed: Double = 0, milestones: [Milestone] = []
    ) -> ProjectResult {
        let funding =
            committed > 0 ? [FundingEvent(funder: "Bank", kind: .commitment, amountUSD: committed, date: "2024-01-01", source: "ministry")] : []
        let project = Project(
            id: "p", title: "Port", kind: "port", countries: ["KAZ"], budgetUSD: budget, funding: funding, milestones: milestones, status: status,
            source: "ministry")
        return scorecard(dossier(projects: [project])).tests.projects.projects[0]
    }

    @Test("operational is met; stalled and cancelled are off track")
    func declared() {
        #expect(judged(.operational).status == .met)
        #expect(judged(.stalled).status == .offTrack && judged(.cancelled).status == .offTrack)
    }

    @Test("funding: the whole budget committed is on track, part of it at risk")
    func funding() {
        #expect(judged(committed: 100).status == .onTrack)
        let partly = judged(committed: 40)
        #expect(partly.status == .atRisk && partly.reason.english == "40% of the 100 USD budget committed")
        #expect(judged(budget: nil).status == .atRisk)
    }

    @Test("a milestone late by up to a year is at risk, later off track")
    func milestones() {
        let late = judged(committed: 100, milestones: [Milestone(name: "Berths", planned: "2025-01-01")])
        #expect(late.status == .atRisk && late.lateMilestones.first?.daysLate == 180)
        let veryLate = judged(committed: 100, milestones: [Milestone(name: "Berths", planned: "2023-01-01", actual: "2024-06-01")])
        #expect(veryLate.status == .offTrack && veryLate.lateMilestones.first?.daysLate == 517)
        #expect(judged(committed: 100, milestones: [Milestone(name: "Berths", planned: "2026-01-01")]).status == .onTrack)
    }

    @Test("the test takes the least favourable status; no data only when nothing says anything")
    func worst() {
        #expect(TestStatus.worst(of: [.met, .atRisk, .onTrack]) == .atRisk)
        #expect(TestStatus.worst(of: [.noData, .onTrack]) == .onTrack)
        #expect(TestStatus.worst(of: [.noData]) == .noData && TestStatus.worst(of: []) == .noData)
    }
}
