import CaravanCore
import Foundation

/// What recording a judgement writes, worked out from what the store holds: the judgement's batch
/// and moment, each status change, and each status kept or dropped. Each store writes it in its own SQL.
package struct JudgementRecording: Sendable, Hashable {
    package var partnership: String
    package var through: Int64?
    /// What the scorecard read, one subject a line; nil when not known.
    package var reads: String?
    /// The moment as stored: to the millisecond, as every vintage.
    package var at: Date
    package var changes: [StatusChange]

    /// What to record of `judgement` at `at`, given the last judgement recorded and its statuses;
    /// nil when nothing is: a later judgement is recorded already (`through` past this one's), or
    /// nothing changed on a day already judged on the same batch.
    package init?(_ judgement: Judgement, last: LastJudgement?, recorded: [Judged: String], at: Date) {
        let at = Timestamp.date(Timestamp.text(at)) ?? at
        if let last, let through = last.through, (judgement.through ?? 0) < through { return nil }
        let changes = judgement.changes(since: recorded)
        let sameDay = last.map { Day(containing: $0.at) == Day(containing: at) } ?? false
        if changes.isEmpty && sameDay && last?.through == judgement.through { return nil }
        partnership = judgement.partnership
        through = judgement.through
        reads = judgement.reads.map { KeptAnswer.lines($0) }
        self.at = at
        self.changes = changes
    }

    /// The change as recorded under `id`, caused by `cause`.
    package func recorded(_ change: StatusChange, id: Int64, cause: ImportBatch?) -> RecordedChange {
        RecordedChange(id: id, partnership: partnership, subject: change.subject, from: change.from, to: change.to, cause: cause, at: at)
    }
}

extension StatusChange {
    /// What the partnership's recorded statuses become: the new status kept, or the subject dropped
    /// when it is no longer judged.
    package enum StatusWrite: Sendable, Hashable {
        case keep(Judged, String)
        case drop(Judged)
    }

    package var statusWrite: StatusWrite {
        if let to { .keep(subject, to) } else { .drop(subject) }
    }
}
