import CaravanCore
import CaravanNetwork
import CaravanStore
import Foundation
import Synchronization

/// What one answer read of the store, noted as it is worked out: an answer kept is dropped only
/// when a batch stores something it read. A read this cannot name (the batches listed, the changes,
/// the tokens) counts as reading everything.
public final class StoreReads: Sendable {
    private let state = Mutex<(subjects: Set<LedgerSubject>, everything: Bool)>(([], false))

    /// The answer being worked out in this task, if anyone is noting its reads.
    @TaskLocal public static var current: StoreReads?

    public init() {}

    /// What was read; nil when it could be anything.
    public var subjects: Set<LedgerSubject>? { state.withLock { $0.everything ? nil : $0.subjects } }

    static func note(_ subjects: Set<LedgerSubject>) { current?.state.withLock { $0.subjects.formUnion(subjects) } }
    static func noteEverything() { current?.state.withLock { $0.everything = true } }
}

/// The workspace's store with every read noted in `StoreReads.current`; writes pass as they are.
struct NotedStore: WorkspaceStore {
    let base: any WorkspaceStore

    var engine: String { base.engine }

    private func noted<T>(_ subject: LedgerSubject?, _ read: () async throws -> T) async rethrows -> T {
        if let subject { StoreReads.note([subject]) } else { StoreReads.noteEverything() }
        return try await read()
    }

    func record<Feed: ObservationFeed>(
        _ feed: sending Feed, file: String, format: String, recordedAt: Date
    ) async throws
        -> (receipt: ImportReceipt, report: Feed.Report)
    { try await base.record(feed, file: file, format: format, recordedAt: recordedAt) }
    func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        try await noted(.between(a, b)) { try await base.observations(between: a, and: b, commodity: commodity) }
    }
    func batches() async throws -> [ImportBatch] { try await noted(nil) { try await base.batches() } }
    func version() async throws -> StoreVersion? { try await base.version() }
    func record(document: Document, file: String, digest: String, recordedAt: Date) async throws -> ImportReceipt {
        try await base.record(document: document, file: file, digest: digest, recordedAt: recordedAt)
    }
    func document(_ kind: Document.Kind, named name: String?) async throws -> StoredDocument? {
        try await noted(.documents(kind, name: name)) { try await base.document(kind, named: name) }
    }
    func documents(_ kind: Document.Kind) async throws -> [StoredDocument] {
        try await noted(.documents(kind, name: nil)) { try await base.documents(kind) }
    }
    func record(
        flows: [Staged<FreightFlow>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    { try await base.record(flows: flows, sources: sources, file: file, digest: digest, recordedAt: recordedAt) }
    func freightFlows(element: String?) async throws -> [RecordedFreightFlow] {
        try await noted(.flows) { try await base.freightFlows(element: element) }
    }
    func record(
        relations: [Staged<RelativeFigure>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    { try await base.record(relations: relations, sources: sources, file: file, digest: digest, recordedAt: recordedAt) }
    func relativeFigures(between a: String, and b: String) async throws -> [RecordedRelativeFigure] {
        try await noted(.between(a, b)) { try await base.relativeFigures(between: a, and: b) }
    }
    func products(between a: String, and b: String) async throws -> [RecordedObservation] {
        try await noted(.between(a, b)) { try await base.products(between: a, and: b) }
    }
    func record(
        tariffs: [Staged<TariffLine>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    { try await base.record(tariffs: tariffs, sources: sources, file: file, digest: digest, recordedAt: recordedAt) }
    func tariffLines(reporter: String, regime: String) async throws -> [RecordedTariffLine] {
        try await noted(.tariffs(reporter: reporter)) { try await base.tariffLines(reporter: reporter, regime: regime) }
    }
    func tariffRegimes(reporter: String) async throws -> [String] {
        try await noted(.tariffs(reporter: reporter)) { try await base.tariffRegimes(reporter: reporter) }
    }

    func createToken(name: String, secretSHA256: String, createdAt: Date) async throws -> AccessToken {
        try await base.createToken(name: name, secretSHA256: secretSHA256, createdAt: createdAt)
    }
    func tokens() async throws -> [AccessToken] { try await noted(nil) { try await base.tokens() } }
    func revokeToken(named name: String, at date: Date) async throws -> AccessToken { try await base.revokeToken(named: name, at: date) }

    func record(_ judgement: Judgement, cause: ImportBatch?, at: Date) async throws -> [RecordedChange] {
        try await base.record(judgement, cause: cause, at: at)
    }
    func lastJudgements() async throws -> [String: LastJudgement] { try await noted(nil) { try await base.lastJudgements() } }
    func changes(partnership: String?, since: Date?) async throws -> [RecordedChange] {
        try await noted(nil) { try await base.changes(partnership: partnership, since: since) }
    }
    func addWatch(url: String, partnership: String?, secret: String, owner: Int64?, limits: WatchLimits, createdAt: Date) async throws -> Watch {
        try await base.addWatch(url: url, partnership: partnership, secret: secret, owner: owner, limits: limits, createdAt: createdAt)
    }
    func watches() async throws -> [Watch] { try await noted(nil) { try await base.watches() } }
    func watches(owner: Int64) async throws -> [WatchStanding] { try await noted(nil) { try await base.watches(owner: owner) } }
    func removeWatch(id: Int64, owner: Int64?, at: Date) async throws -> Watch { try await base.removeWatch(id: id, owner: owner, at: at) }
    func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [Delivery] {
        try await base.claimDeliveries(at: now, lease: lease, limit: limit)
    }
    func settle(_ delivery: Int64, _ outcome: DeliveryOutcome) async throws { try await base.settle(delivery, outcome) }
    func pendingDeliveries() async throws -> Int { try await noted(nil) { try await base.pendingDeliveries() } }

    func keptAnswer(_ question: String, program: String, day: Day) async throws -> KeptAnswer? {
        try await base.keptAnswer(question, program: program, day: day)
    }
    func keep(_ answer: KeptAnswer) async throws { try await base.keep(answer) }
    func stored(_ subjects: Set<LedgerSubject>, after batch: Int64) async throws -> Bool { try await base.stored(subjects, after: batch) }

    func close() async { await base.close() }
}
