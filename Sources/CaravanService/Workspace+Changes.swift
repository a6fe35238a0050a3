import CaravanCore
import CaravanDossier
import CaravanStore
import Foundation

extension Workspace {
    /// Runs an import between two judgements of every stored partnership: one before, which records
    /// what the date alone changed (a deadline passed), and one after, which records what the new
    /// batch changed with the batch as its cause. The import stands whatever the judging does: a
    /// failure to judge is a note on its result.
    func judging(_ store: () async throws -> ImportResult) async throws -> ImportResult {
        // A judgement made today on what the store holds stands: judging it again would find nothing the date moved.
        let before = await judgeQuietly(cause: nil)
        var result = try await store()
        switch result.receipt {
        case .stored(let batch), .restored(let batch, _):
            let after = await judgeQuietly(cause: batch)
            result.changes = before.changes + after.changes
            result.notes += before.notes + after.notes
        case .alreadyImported:
            result.changes = before.changes
            result.notes += before.notes
        }
        return result
    }

    private func judgeQuietly(cause: ImportBatch?) async -> (changes: [RecordedChange], notes: [String]) {
        do { return (try await judge(cause: cause), []) } catch { return ([], [Self.unjudged(error)]) }
    }

    private static func unjudged(_ error: any Error) -> String {
        "the scorecards could not be judged again, so no change was recorded: \(error)"
    }

    /// Judges every stored partnership's scorecard now and records what changed since the last
    /// judgement, with `cause` (nil: nothing new was stored). A partnership judged the same day on
    /// the store as it was before batches that stored nothing its scorecard reads is not judged
    /// again: its statuses stand. Returns the changes recorded.
    @discardableResult
    public func judge(cause: ImportBatch? = nil, at: Date = Date()) async throws -> [RecordedChange] {
        let through = try await store.version()?.lastBatch
        let last = try await store.lastJudgements()
        var changes: [RecordedChange] = []
        for id in Set(try await store.documents(.dossier).map(\.document.name)).sorted() {
            if let judged = last[id], try await stands(judged, through: through, at: at) { continue }
            let (dossier, scorecard) = (try await dossier(id), try await scorecard(id, asOf: at))
            let judgement = Judgement(partnership: id, statuses: scorecard.statuses, through: through, reads: reads(of: dossier, partnership: id))
            changes += try await store.record(judgement, cause: cause, at: at)
        }
        return changes
    }

    /// Whether a judgement recorded stands at `at`: made the same day, on the store as it is, or as
    /// it was before batches that stored nothing the scorecard read.
    private func stands(_ judged: LastJudgement, through: Int64?, at: Date) async throws -> Bool {
        guard Day(containing: judged.at) == Day(containing: at) else { return false }
        if judged.through == through { return true }
        guard let reads = judged.reads, let done = judged.through, let through, done < through else { return false }
        return try await !store.stored(reads, after: done)
    }

    /// The changes recorded, oldest first.
    public func changes(partnership: String? = nil, since: Date? = nil) async throws -> [RecordedChange] {
        try await requireStored(partnership)
        return try await store.changes(partnership: partnership, since: since)
    }

    /// Refuses a partnership no stored dossier is of, naming those that are; nil is any.
    func requireStored(_ partnership: String?) async throws {
        guard let partnership else { return }
        let known = try await store.documents(.dossier).map(\.document.name)
        guard known.contains(partnership) else { throw DossierError.unknown(partnership, known: known) }
    }
}

extension Scorecard {
    /// What a change is recorded of: each test's and target's status and each claim's verdict.
    public var statuses: [Judged: String] {
        var statuses: [Judged: String] = [
            Judged(.test, "trade"): tests.trade.status.rawValue, Judged(.test, "projects"): tests.projects.status.rawValue,
            Judged(.test, "corridor"): tests.corridor.status.rawValue,
        ]
        for target in tests.trade.targets + tests.projects.targets + tests.corridor.targets {
            statuses[Judged(.target, target.id)] = target.status.rawValue
        }
        for claim in claims { statuses[Judged(.claim, claim.id)] = claim.verdict.rawValue }
        return statuses
    }
}
