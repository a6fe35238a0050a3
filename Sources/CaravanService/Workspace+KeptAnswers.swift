import CaravanCore
import CaravanDossier
import CaravanStore
import Foundation

extension Workspace {
    /// A partnership's scorecard as of now, put in words by `render`: the words kept in the store
    /// when this build worked them out today and nothing they read was stored since; otherwise
    /// worked out and kept for the next process that asks. `question` names every choice that
    /// shapes the words (the command and its format).
    public func keptAnswer(
        _ question: String, partnership: String?, now: Date = Date(), render: @Sendable (Scorecard) throws -> String
    ) async throws -> String {
        // Before the store's newest recording, "now" would leave figures out: no kept answer stands for it.
        guard let version = try await store.version(), now >= version.newestRecording else {
            return try render(try await scorecard(partnership, asOf: now))
        }
        let (question, program, day) = ("\(question) partnership=\(partnership ?? "")", Program.identity, Day(containing: now))
        if let kept = try await store.keptAnswer(question, program: program, day: day) {
            if kept.through == version.lastBatch { return kept.text }
            if try await !store.stored(kept.reads, after: kept.through) { return kept.text }
        }
        let dossier = try await dossier(partnership)
        let text = try render(try await scorecard(partnership, asOf: now))
        let kept = KeptAnswer(
            question: question, program: program, day: day, through: version.lastBatch, reads: reads(of: dossier, partnership: partnership),
            text: text)
        do { try await store.keep(kept) } catch is StoreError {
            // A store that cannot keep it (read only, busy with another's import) still gave the answer.
        }
        return text
    }

    /// What a scorecard of `dossier` reads: the dossier (any, when none is named: the first
    /// imported answers), the network, the product groups, the freight flows, and for every
    /// figure it weighs the pair's figures — a bloc's members' too, which its figures are summed from.
    func reads(of dossier: Dossier, partnership: String?) -> Set<LedgerSubject> {
        var reads: Set<LedgerSubject> = [
            .documents(.dossier, name: partnership), .documents(.network, name: nil), .documents(.groups, name: nil), .flows,
        ]
        let economies = dossier.partnership.economies
        if economies.count == 2 { reads.formUnion(pairs(economies[0], economies[1])) }
        for metric in dossier.targets.map(\.metric) + dossier.claims.map(\.metric) {
            switch metric {
            case .trade(let query): reads.formUnion(pairs(query.reporter, query.partner))
            case .tariffCoverage(let share):
                reads.insert(.tariffs(reporter: share.reporter))
                reads.formUnion(pairs(share.reporter, share.partner))
            case .freight, .funding, .agreements, .statement: break
            }
        }
        return reads
    }

    /// A pair, and where either side is a bloc, the other with each of its members.
    private func pairs(_ a: String, _ b: String) -> Set<LedgerSubject> {
        var pairs: Set<LedgerSubject> = [.between(a, b)]
        for (bloc, other) in [(a, b), (b, a)] where tables.blocs.contains(bloc) {
            pairs.formUnion(tables.blocs.everyMember(of: bloc).map { .between(other, $0) })
        }
        return pairs
    }
}
