import Foundation

/// What a status belongs to: one of a partnership's three tests, a target or a claim.
public struct Judged: Sendable, Hashable, Comparable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case test, target, claim

        /// Where the kind sorts: tests, targets, claims.
        var rank: Int {
            switch self {
            case .test: 0
            case .target: 1
            case .claim: 2
            }
        }
    }

    public var kind: Kind
    /// The test's name (`trade`, `projects`, `corridor`), the target's or the claim's id.
    public var id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// Tests first, then targets, then claims, each by id.
    public static func < (a: Judged, b: Judged) -> Bool {
        a.kind != b.kind ? a.kind.rank < b.kind.rank : a.id < b.id
    }
}

/// A partnership's statuses as one evaluation of its scorecard gave them.
public struct Judgement: Sendable, Hashable {
    public var partnership: String
    /// Each test's and target's status, each claim's verdict.
    public var statuses: [Judged: String]
    /// The last batch the store held when the scorecard was worked out; nil for an empty store.
    /// A judgement older than the one recorded is not recorded.
    public var through: Int64?
    /// What the scorecard read: while nothing of it is stored anew, the statuses stand (the same day).
    public var reads: Set<LedgerSubject>?

    public init(partnership: String, statuses: [Judged: String], through: Int64?, reads: Set<LedgerSubject>? = nil) {
        self.partnership = partnership
        self.statuses = statuses
        self.through = through
        self.reads = reads
    }

    /// What differs from the statuses recorded before: a status judged for the first time comes
    /// from nil, one no longer judged (a target taken out of the dossier) goes to nil.
    public func changes(since recorded: [Judged: String]) -> [StatusChange] {
        Set(recorded.keys).union(statuses.keys).sorted().compactMap { subject in
            let (from, to) = (recorded[subject], statuses[subject])
            return from == to ? nil : StatusChange(subject: subject, from: from, to: to)
        }
    }
}

/// When a partnership was last judged, and on what: the batch the store held then.
public struct LastJudgement: Sendable, Hashable {
    public var through: Int64?
    public var at: Date
    /// What the scorecard judged read; nil when not recorded (a judgement of an earlier version).
    public var reads: Set<LedgerSubject>?

    public init(through: Int64?, at: Date, reads: Set<LedgerSubject>? = nil) {
        self.through = through
        self.at = at
        self.reads = reads
    }
}

/// One status that changed.
public struct StatusChange: Sendable, Hashable {
    public var subject: Judged
    public var from: String?
    public var to: String?
}

/// A change recorded: what changed, from what to what, what caused it and when.
public struct RecordedChange: Sendable, Hashable {
    public var id: Int64
    public var partnership: String
    public var subject: Judged
    public var from: String?
    public var to: String?
    /// The batch whose figures or document caused it; nil when nothing new was stored and the
    /// scorecard was judged again (a deadline passed, or the partnership was first watched).
    public var cause: ImportBatch?
    public var at: Date

    public init(id: Int64, partnership: String, subject: Judged, from: String?, to: String?, cause: ImportBatch?, at: Date) {
        self.id = id
        self.partnership = partnership
        self.subject = subject
        self.from = from
        self.to = to
        self.cause = cause
        self.at = at
    }
}

/// An address told of every change of one partnership, or of all.
public struct Watch: Sendable, Hashable {
    public var id: Int64
    public var url: String
    /// nil: every partnership.
    public var partnership: String?
    /// The key each delivery's body is signed with (HMAC-SHA256); shown once, when the watch is added.
    public var secret: String
    /// The id of the access token that added it; nil when `caravan watch add` did.
    public var owner: Int64?
    public var createdAt: Date
    public var removedAt: Date?

    public init(id: Int64, url: String, partnership: String?, secret: String, owner: Int64? = nil, createdAt: Date, removedAt: Date? = nil) {
        self.id = id
        self.url = url
        self.partnership = partnership
        self.secret = secret
        self.owner = owner
        self.createdAt = createdAt
        self.removedAt = removedAt
    }
}

/// How many watches there may be, so that no one fills the store or slows every import with them.
public struct WatchLimits: Sendable, Hashable {
    /// Active watches one access token may have.
    public var perToken: Int
    /// Deliveries one change may be owed: the active watches of its partnership and of every partnership.
    public var perChange: Int

    public init(perToken: Int, perChange: Int) {
        self.perToken = perToken
        self.perChange = perChange
    }

    /// The limits docs/changes.md states.
    public static let standard = WatchLimits(perToken: 100, perChange: 1_000)
}

/// A watch as its owner sees it: what it is still owed, and why its latest failed delivery failed.
public struct WatchStanding: Sendable, Hashable {
    public var watch: Watch
    /// Deliveries not yet made and not given up.
    public var owed: Int
    /// The recorded reason of the newest delivery that failed, if any did.
    public var lastError: String?

    public init(watch: Watch, owed: Int, lastError: String?) {
        self.watch = watch
        self.owed = owed
        self.lastError = lastError
    }
}

/// One change owed to one watch, claimed for sending.
public struct Delivery: Sendable, Hashable {
    public var id: Int64
    public var watch: Watch
    public var change: RecordedChange
    /// Tries made before this one.
    public var attempts: Int

    public init(id: Int64, watch: Watch, change: RecordedChange, attempts: Int) {
        self.id = id
        self.watch = watch
        self.change = change
        self.attempts = attempts
    }
}

/// How a try at a delivery ended.
public enum DeliveryOutcome: Sendable, Hashable {
    case delivered(at: Date)
    /// Failed; tried again at `retryAt`, or given up when nil.
    case failed(reason: String, retryAt: Date?)
}

/// Why a watch could not be added or removed.
public enum WatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No active watch (of the token, when one asks) has the id.
    case unknown(Int64)
    /// The token has as many active watches as it may.
    case tooManyForToken(limit: Int)
    /// A change would be owed more deliveries than one may: the partnership's (nil: some partnership's) watches and those of all.
    case tooManyForChange(limit: Int, partnership: String?)

    public var description: String {
        switch self {
        case .unknown(let id): "no active watch has id \(id)"
        case .tooManyForToken(let limit): "this token has \(limit) active watches, as many as a token may; remove one first"
        case .tooManyForChange(let limit, let partnership):
            "a change of \(partnership ?? "a partnership") would be owed to more than \(limit) watches, as many as one change may; remove one first"
        }
    }
}

/// Where changes and their watchers live: beside the ledger, in the same database.
public protocol ChangeStore: Sendable {
    /// Records what changed since the statuses last recorded for the partnership, with a delivery
    /// for each active watch of it (the oldest `WatchLimits.standard.perChange`, whatever watches
    /// were added before the limit), and the judgement's batch and moment, in one transaction;
    /// returns the changes, none when nothing changed or a later judgement is already recorded.
    func record(_ judgement: Judgement, cause: ImportBatch?, at: Date) async throws -> [RecordedChange]
    /// Each judged partnership's last judgement.
    func lastJudgements() async throws -> [String: LastJudgement]
    /// The changes recorded, oldest first; of one partnership, or since a moment, when given.
    func changes(partnership: String?, since: Date?) async throws -> [RecordedChange]

    /// Adds a watch, in one transaction with the checks of `limits`: the owner's active watches, and
    /// the deliveries a change of the partnership (or of any, for nil) would be owed.
    func addWatch(url: String, partnership: String?, secret: String, owner: Int64?, limits: WatchLimits, createdAt: Date) async throws -> Watch
    /// Every watch, active and removed, oldest first.
    func watches() async throws -> [Watch]
    /// The token's active watches, oldest first, each with how its deliveries stand.
    func watches(owner: Int64) async throws -> [WatchStanding]
    /// Stops a watch, of `owner` only when one is given; what it was owed is not sent.
    func removeWatch(id: Int64, owner: Int64?, at: Date) async throws -> Watch
    /// Claims up to `limit` deliveries due at `now` for `lease`: no other sender takes them meanwhile.
    func claimDeliveries(at now: Date, lease: Duration, limit: Int) async throws -> [Delivery]
    func settle(_ delivery: Int64, _ outcome: DeliveryOutcome) async throws
    /// How many deliveries are still owed (not delivered, not given up).
    func pendingDeliveries() async throws -> Int
}
