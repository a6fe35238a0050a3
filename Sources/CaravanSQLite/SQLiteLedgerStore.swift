import CaravanCore
import CaravanStore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The ledger in a SQLite file, through GRDB: the embedded default. The file is in WAL mode, so
/// reads go on beside a write; a second writer — another process importing — waits its turn up
/// to `WriteWait.limit`, then is refused as busy.
public struct SQLiteLedgerStore: WorkspaceStore {
    let writer: any DatabaseWriter
    public var engine: String { "sqlite" }
    /// The file, as given: every message names it.
    let path: String
    let wait: WriteWait

    /// How long a write waits for another process's to end, and who hears that it is waiting.
    public struct WriteWait: Sendable {
        public var limit: Duration
        /// Called once, when a write first finds the database busy.
        public var onWait: @Sendable () -> Void

        public init(limit: Duration = .seconds(60), onWait: @escaping @Sendable () -> Void = {}) {
            self.limit = limit
            self.onWait = onWait
        }
    }

    /// Opens the database at `path`, creating it when `create` is true, and brings its schema up to date.
    public init(path: String, create: Bool = true, wait: WriteWait = .init()) throws {
        self.path = path
        self.wait = wait
        guard !path.isEmpty else { throw StoreError.unavailable("the database path is empty: give a file such as caravan.sqlite") }
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.unavailable("\(path): no such database; `caravan demo` or `caravan import FILE --db \(path)` makes one")
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // Big imports touch many pages; a larger cache keeps them off the disk until commit.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        configuration.busyMode = .callback(Self.busyCallback(wait))
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
            try Self.migrate(writer)
        } catch {
            throw SQLiteFailure.describe(error, path: path, wait: wait, doing: "cannot open the database")
        }
    }

    /// An empty store in memory, gone with the process: for a command given its files and no
    /// database, so that it answers from them alone and leaves no database behind.
    public static func inMemory() throws -> SQLiteLedgerStore {
        try SQLiteLedgerStore(memory: DatabaseQueue())
    }

    private init(memory: DatabaseQueue) throws {
        path = "(in memory)"
        wait = WriteWait()
        writer = memory
        do { try Self.migrate(writer) } catch { throw SQLiteFailure.describe(error, path: path, wait: wait, doing: "cannot open the database") }
    }

    /// Brings the schema of the file at `path` up to date; returns the migrations applied.
    public static func migrate(path: String) throws -> [String] {
        let wait = WriteWait()
        var configuration = Configuration()
        configuration.busyMode = .callback(busyCallback(wait))
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let pending = try pool.read { try SQLiteSchema.migrator.appliedIdentifiers($0) }
            try migrate(pool)
            return SQLiteSchema.migrator.migrations.filter { !pending.contains($0) }
        } catch {
            throw SQLiteFailure.describe(error, path: path, wait: wait, doing: "cannot migrate the database")
        }
    }

    /// Applies the migrations not yet applied. Two processes opening a new file at once both find
    /// them pending; the one that loses the race fails on a table the other made, finds the work
    /// done or under way, and tries again.
    private static func migrate(_ writer: some DatabaseWriter) throws {
        for attempt in 1...20 {
            do {
                try SQLiteSchema.migrator.migrate(writer)
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && attempt < 20 {
                if try writer.read({ try SQLiteSchema.migrator.hasCompletedMigrations($0) }) { return }
                usleep(50_000)
            }
        }
    }

    /// Sleeps a little and asks again while the wait lasts; tells `onWait` the first time.
    private static func busyCallback(_ wait: WriteWait) -> Database.BusyCallback {
        let start = ContinuousClock.now
        return { tries in
            if tries == 0 { wait.onWait() }
            guard start.duration(to: .now) < wait.limit else { return false }
            usleep(tries < 10 ? 2_000 : 20_000)
            return true
        }
    }

    /// Reads from a snapshot of the database; its failures become store errors in words.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.read(body) } catch { throw SQLiteFailure.describe(error, path: path, wait: wait) }
    }

    /// Writes in one transaction; its failures become store errors in words. A constraint failure
    /// is left as it is, for the caller to say which figure repeats which.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await writer.write(body) } catch { throw SQLiteFailure.describe(error, path: path, wait: wait) }
    }

    public func record<Feed: ObservationFeed>(
        _ feed: sending Feed, file: String, format: String, recordedAt: Date
    )
        async throws -> (receipt: ImportReceipt, report: Feed.Report)
    {
        let handoff = FeedHandoff(feed: feed)
        do {
            return try await write { db in
                let receipt = try SQLiteObservationWriter(db: db, feed: handoff.feed).write(file: file, format: format, recordedAt: recordedAt)
                return (receipt, handoff.feed.report)
            }
        } catch let already as AlreadyImported<Feed.Report> {
            return already.answer
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.duplicate(line: nil, reason: "a figure repeats another of the same file: \(error.message ?? "")")
        }
    }

    public func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        try await read { db in
            var periods = PeriodCache(anyYear: true)
            var sources: [Int64: SourceRecord] = [:]
            var rows: [RecordedObservation] = []
            // Prepared once a connection: preparing (and GRDB's authorizer) cost more than the seek.
            let statement = try db.cachedStatement(sql: SQLiteObservationQuery.sql)
            for (reporter, partner) in [(a, b), (b, a)] {
                let cursor = try Row.fetchCursor(statement, arguments: [reporter, partner, commodity])
                while let row = try cursor.next() { rows.append(try SQLiteObservationQuery.decode(row, periods: &periods, sources: &sources)) }
            }
            return rows
        }
    }

    public func version() async throws -> StoreVersion? {
        try await read { db in
            let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT max(id) AS last, max(recorded_at) AS newest FROM import_batch"))
            guard let row, let last: Int64 = row["last"], let recorded: String = row["newest"] else { return nil }
            return StoreVersion(lastBatch: last, newestRecording: Timestamp.date(recorded) ?? .distantFuture)
        }
    }

    public func batches() async throws -> [ImportBatch] {
        try await read { db in try ImportBatchRecord.order(Column("id")).fetchAll(db).map(\.batch) }
    }
}

/// Hands the feed to the database's writer queue, which reads it once, alone: the feed was
/// passed in as `sending`, so nothing else holds it.
private struct FeedHandoff<Feed: ObservationFeed>: @unchecked Sendable {
    let feed: Feed
}
