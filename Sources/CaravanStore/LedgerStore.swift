import CaravanCore
import CaravanNetwork
import Foundation

/// A file's figures as the store pulls them, inside its transaction.
public protocol ObservationFeed: AnyObject, SendableMetatype {
    /// The feed's own account of what it read, handed back with the receipt.
    associatedtype Report: Sendable

    /// The sources the figures cite, by index; it may grow while the file is read.
    var sources: [SourceDraft] { get }
    /// The next figure, or nil at the end; a throw abandons the whole file.
    func next() throws -> StagedObservation?
    /// SHA-256 of the content read, known once `next()` has returned nil: the file's identity.
    var contentDigest: String? { get }
    var report: Report { get }
}

/// One imported file: what it was, when it was recorded, what it added.
public struct ImportBatch: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    public var format: String
    public var contentDigest: String
    public var recordedAt: Date
    public var observations: Int

    enum CodingKeys: String, CodingKey {
        case id, file, format, observations
        case contentDigest = "sha256"
        case recordedAt = "recorded_at"
    }

    public init(id: Int64, file: String, format: String, contentDigest: String, recordedAt: Date, observations: Int) {
        self.id = id
        self.file = file
        self.format = format
        self.contentDigest = contentDigest
        self.recordedAt = recordedAt
        self.observations = observations
    }
}

/// The store's state in two values: the last batch stored, which changes whenever anything is
/// stored, and the latest moment any batch was recorded at — an answer "as of" any moment after it
/// reads every figure the store holds, so answers as of two such moments of one day agree.
public struct StoreVersion: Sendable, Hashable {
    public var lastBatch: Int64
    public var newestRecording: Date

    public init(lastBatch: Int64, newestRecording: Date) {
        self.lastBatch = lastBatch
        self.newestRecording = newestRecording
    }
}

/// What recording a file did.
public enum ImportReceipt: Sendable, Hashable {
    /// The figures were stored as a new batch.
    case stored(ImportBatch)
    /// The same content was imported before, as this batch; nothing was added.
    case alreadyImported(ImportBatch)
    /// A document imported before, and since superseded, made current again as a new batch
    /// (its vintage the moment it was restored); `earlier` is the batch it first came in.
    case restored(ImportBatch, earlier: ImportBatch)

    /// The batch the content is stored as now.
    public var batch: ImportBatch {
        switch self {
        case .stored(let batch), .alreadyImported(let batch), .restored(let batch, _): batch
        }
    }
}

/// Why the store refused a file. Nothing of it is stored.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A figure repeats one already in the same file.
    case duplicate(line: Int?, reason: String)
    /// The database cannot be opened, migrated or reached.
    case unavailable(String)
    /// Another writer holds the database, past the time a write waits; worth asking again after
    /// `retryAfter` seconds.
    case busy(String, retryAfter: Int)
    /// The database takes reads only: a read replica, or a file that cannot be written.
    case readOnly(String)
    /// The database went away while `file` was being stored: the transaction never committed,
    /// so nothing of the file was kept, and storing it again later is safe.
    case interrupted(String, file: String)

    public var description: String {
        switch self {
        case .duplicate(let line, let reason): "\(line.map { "line \($0): " } ?? "")\(reason)"
        case .unavailable(let reason): reason
        case .busy(let reason, _): reason
        case .readOnly(let reason): reason
        case .interrupted(let reason, _): reason
        }
    }
}

/// The ledger's storage: observations with their sources and vintages, written one file at a
/// time and never updated in place.
public protocol LedgerStore: Sendable {
    /// The database behind the store, as `/healthz` names it: `sqlite`, `postgres`.
    var engine: String { get }
    /// Stores every figure the feed yields as one batch, in one transaction: all or nothing.
    /// Content imported before adds nothing.
    func record<Feed: ObservationFeed>(
        _ feed: sending Feed, file: String, format: String, recordedAt: Date
    ) async throws
        -> (receipt: ImportReceipt, report: Feed.Report)
    /// Every figure between two economies for one commodity, in both directions, all vintages.
    func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation]
    /// The files imported, oldest first.
    func batches() async throws -> [ImportBatch]
    /// What the store holds, as its last batch and newest recording; nil when nothing is stored.
    func version() async throws -> StoreVersion?

    /// Stores a whole document (a network, a dossier) as one batch; content imported before adds
    /// nothing, unless a later document of the same kind and name has superseded it: then it is
    /// made current again.
    func record(document: Document, file: String, digest: String, recordedAt: Date) async throws -> ImportReceipt
    /// The document of `kind` last imported under `name`, or the last imported of any name.
    func document(_ kind: Document.Kind, named name: String?) async throws -> StoredDocument?
    /// The last imported document of `kind` under each name, oldest name first.
    func documents(_ kind: Document.Kind) async throws -> [StoredDocument]
    /// Stores a file's freight flows as one batch: all or nothing; content imported before adds nothing.
    func record(
        flows: [Staged<FreightFlow>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    /// The stored freight flows, of one element or all, oldest period first.
    func freightFlows(element: String?) async throws -> [RecordedFreightFlow]

    /// Stores a file's relative figures (growth rates, multiples) as one batch: all or nothing; content imported before adds nothing.
    func record(
        relations: [Staged<RelativeFigure>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    /// Every relative figure between two economies, either way round, all vintages.
    func relativeFigures(between a: String, and b: String) async throws -> [RecordedRelativeFigure]

    /// Every figure between two economies at an HS level (any numeric code), both directions, all vintages.
    func products(between a: String, and b: String) async throws -> [RecordedObservation]
    /// Stores a file's tariff schedule entries as one batch: all or nothing; content imported before adds nothing.
    func record(
        tariffs: [Staged<TariffLine>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    /// Every stored entry of a reporter's schedule for a partner or regime, all vintages.
    func tariffLines(reporter: String, regime: String) async throws -> [RecordedTariffLine]
    /// The partners and regimes a reporter has schedule entries for.
    func tariffRegimes(reporter: String) async throws -> [String]
}

/// A document stored whole and read again when used: a network (JSON) or a partnership dossier
/// (YAML). A later import under the same name supersedes the earlier, which stays stored.
public struct Document: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case network, dossier
        /// Named product groups (a groups CSV).
        case groups

        /// Whether one document of the kind is current whatever its name (the network), or one
        /// of each name (a dossier per partnership, groups per file).
        public var oneCurrent: Bool { self == .network }
    }

    public var kind: Kind
    /// The network's name, the partnership's id.
    public var name: String
    public var text: String

    public init(kind: Kind, name: String, text: String) {
        self.kind = kind
        self.name = name
        self.text = text
    }
}

/// A stored document with the batch it came in.
public struct StoredDocument: Sendable, Hashable {
    public var document: Document
    public var batch: ImportBatch

    package init(document: Document, batch: ImportBatch) {
        self.document = document
        self.batch = batch
    }
}
