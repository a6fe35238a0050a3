import CaravanCore
import CaravanStore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The ledger in PostgreSQL, through PostgresNIO: for a team sharing one Caravan. It answers
/// exactly as the SQLite store does; the schema is brought up to date by `caravan migrate`.
public final class PostgresLedgerStore: WorkspaceStore {
    let client: PostgresClient
    public var engine: String { "postgres" }
    let logger: Logger
    /// The URL with its password masked, for messages.
    let location: String
    /// How long a request waits for a connection: past it, the database is called unavailable.
    let connectTimeout: Duration
    /// How long one answer of the server may take: past it, the connection is given up.
    let answerTimeout: Duration
    /// How long an import waits for another to finish storing before it is refused as busy.
    let writeWait: Duration
    private let running: Task<Void, Never>
    /// For one connect timeout after a lease timed out, calls are refused at once, so a request
    /// that asks the store several times during an outage waits once, not once per call.
    private let outage = Outage()

    private init(_ url: PostgresURL, writeWait: Duration, logger: Logger) {
        self.logger = logger
        location = url.redacted
        connectTimeout = .seconds(url.connectTimeout)
        answerTimeout = .seconds(url.answerTimeout)
        self.writeWait = writeWait
        let client = PostgresClient(configuration: url.client, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    /// Connects to the database at `url`; refuses one whose schema is behind this version's. An
    /// import waits up to `wait` for another process's to finish storing.
    public static func open(url: String, wait: Duration = .seconds(60), logger: Logger = .postgresBackground) async throws -> PostgresLedgerStore {
        let store = try await connect(url, writeWait: wait, logger: logger)
        do {
            let pending = try await store.withConnection { try await PostgresSchema.pending($0, logger: logger) }
            guard pending.isEmpty else {
                throw StoreError.unavailable(
                    "\(store.location): the schema lacks \(pending.joined(separator: ", ")); run `caravan migrate --postgres URL` first")
            }
        } catch {
            await store.close()
            throw store.failure(error, doing: "cannot open the database")
        }
        return store
    }

    /// Brings the schema at `url` up to date; returns the migrations applied, none when it was.
    public static func migrate(url: String, logger: Logger = .postgresBackground) async throws -> [String] {
        let store = try await connect(url, writeWait: .seconds(60), logger: logger)
        defer { store.running.cancel() }
        do {
            return try await PostgresSchema.migrate(store.client, logger: logger)
        } catch {
            throw store.failure(error, doing: "cannot migrate the database")
        }
    }

    /// A store on a pool, once one connection has shown the server is there and lets us in:
    /// the pool itself would retry a refused connection for ever.
    private static func connect(_ text: String, writeWait: Duration, logger: Logger) async throws -> PostgresLedgerStore {
        let url = try PostgresURL(text)
        do {
            let probe = try await PostgresConnection.connect(configuration: try url.connection(), id: 0, logger: logger)
            try await probe.close()
        } catch {
            throw StoreError.unavailable("\(url.redacted): cannot connect: \(PostgresFailure.describe(error))")
        }
        return PostgresLedgerStore(url, writeWait: writeWait, logger: logger)
    }

    deinit { running.cancel() }

    /// The URL with any password masked, for messages and logs.
    public static func redact(_ url: String) -> String { PostgresURL.mask(url) }

    /// Closes the pool's connections. One stuck on a server that went away is not waited for past
    /// the connect timeout, so a server shutting down is not held up by it.
    public func close() async {
        running.cancel()
        let running = self.running
        await PostgresLease.wait(atMost: connectTimeout) { await running.value }
    }

    public func record<Feed: ObservationFeed>(
        _ feed: sending Feed, file: String, format: String, recordedAt: Date
    )
        async throws -> (receipt: ImportReceipt, report: Feed.Report)
    {
        let handoff = PostgresFeedHandoff(feed: feed)
        do {
            let receipt = try await transaction(storing: file) { connection, lease in
                let batch = try await PostgresBatches.insert(
                    connection, file: file, format: format, recordedAt: recordedAt, wait: self.writeWait, logger: self.logger)
                var copy = PostgresObservationCopy(connection: connection, lease: lease, batch: batch.id, logger: self.logger)
                let count = try await copy.write(handoff.feed)
                let digest = StoredOnce.digest(handoff.feed.contentDigest)
                if let earlier = try await PostgresBatches.find(digest: digest, connection, logger: self.logger) {
                    throw AlreadyImported(earlier, report: handoff.feed.report)
                }
                let stored = try await PostgresBatches.complete(batch, digest: digest, observations: count, connection, logger: self.logger)
                return ImportReceipt.stored(stored)
            }
            return (receipt, handoff.feed.report)
        } catch let already as AlreadyImported<Feed.Report> {
            return already.answer
        } catch let error as PSQLError where error.isUniqueViolation(of: "import_batch_content_sha256_key") {
            // Another process stored the same content while this one read it.
            guard let digest = handoff.feed.contentDigest, let earlier = try await PostgresBatches.find(digest: digest, self)
            else { throw failure(error, doing: "cannot store \(file)") }
            return (.alreadyImported(earlier), handoff.feed.report)
        }
    }

    public func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        try await PostgresObservationQuery.observations(PostgresObservationQuery.pair(a, b, commodity: commodity), in: self)
    }

    public func version() async throws -> StoreVersion? {
        try await withConnection { connection in
            var version: StoreVersion?
            let rows = try await connection.query("SELECT max(id), max(recorded_at) FROM import_batch", logger: self.logger)
            for try await (last, recorded) in rows.decode((Int64?, Date?).self) {
                if let last, let recorded { version = StoreVersion(lastBatch: last, newestRecording: recorded) }
            }
            return version
        }
    }

    public func batches() async throws -> [ImportBatch] {
        try await withConnection { try await PostgresBatches.all($0, logger: self.logger) }
    }

    /// Runs `body` on a connection of the pool, every wait of it held to a deadline: a connection
    /// within the connect timeout, so a database that went away is answered "unavailable" in
    /// seconds rather than when the pool gives up on it; then each answer within the answer
    /// timeout, `first` allowed for the first. The driver's failures become store errors in words,
    /// but a repeated key, which the caller names; what the body itself throws passes as it is.
    /// - Parameter file: the file being stored, if any: a connection lost under it is said to have
    ///   stored nothing of it.
    func withConnection<T: Sendable>(
        storing file: String? = nil, first: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection, PostgresLease) async throws -> T
    ) async throws -> T {
        let (client, outage) = (self.client, self.outage)
        let unanswered = StoreError.unavailable("\(location): \(PostgresInterruption.noConnection(connectTimeout).sentence)")
        if outage.within(connectTimeout) { throw unanswered }
        do {
            return try await PostgresLease.run(connect: connectTimeout, answer: answerTimeout, first: first) { lease in
                try await client.withConnection { connection in
                    lease.leased(connection)
                    defer { lease.end() }
                    outage.end()
                    do { return try await body(connection, lease) } catch { throw BodyFailure(error: error) }
                }
            }
        } catch PostgresInterruption.noConnection {
            outage.begin()
            throw unanswered
        } catch PostgresInterruption.cancelled {
            throw CancellationError()
        } catch let interruption as PostgresInterruption {
            throw interrupted(interruption.sentence, storing: file)
        } catch let failure as BodyFailure {
            if let file, PostgresFailure.isConnectionLoss(failure.error) {
                throw interrupted(PostgresInterruption.lost.sentence, storing: file)
            }
            // A repeated key is the caller's to name; the driver's other failures are put in words.
            if let error = failure.error as? PSQLError, !error.isUniqueViolation() { throw self.failure(error, doing: "the database failed") }
            throw failure.error
        } catch {
            throw failure(error, doing: "the database failed")
        }
    }

    /// `withConnection` for a body that needs no lease of its own.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await withConnection { connection, _ in try await body(connection) }
    }

    /// Runs `body` in a transaction and rethrows what it threw, not the transaction's wrapper. A
    /// write may first wait its turn behind another's, so its first answer is allowed that wait too.
    func transaction<T: Sendable>(
        storing file: String? = nil, _ body: @escaping @Sendable (PostgresConnection, PostgresLease) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        return try await withConnection(storing: file, first: writeWait + answerTimeout) { connection, lease in
            do {
                return try await connection.withTransaction(logger: logger) { try await body($0, lease) }
            } catch let error as PostgresTransactionError {
                throw error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error
            }
        }
    }

    /// A lease given up, or a connection lost, in words; for a file being stored, that none of it was.
    private func interrupted(_ sentence: String, storing file: String?) -> StoreError {
        guard let file else { return .unavailable("\(location): \(sentence)") }
        return .interrupted("\(location): \(sentence) during the import; nothing of \(file) was stored", file: file)
    }

    /// A store error naming the database and what the server said.
    func failure(_ error: any Error, doing what: String) -> any Error {
        if error is StoreError || error is AccessTokenError { return error }
        if PostgresFailure.sqlState(error) == "55P03" {
            return StoreError.busy(
                "\(location): another import has been storing for over \(writeWait.components.seconds) s; try again when it has finished",
                retryAfter: 5)
        }
        if PostgresFailure.sqlState(error) == "25006" {
            return StoreError.readOnly("\(location): the database takes no writes (a read replica?); write through a server on the primary")
        }
        return StoreError.unavailable("\(location): \(what): \(PostgresFailure.describe(error))")
    }
}

/// When a lease last timed out, until one succeeds again.
private final class Outage: Sendable {
    private let since = Mutex<ContinuousClock.Instant?>(nil)

    func begin() { since.withLock { $0 = .now } }
    func end() { since.withLock { $0 = nil } }
    func within(_ limit: Duration) -> Bool { since.withLock { $0.map { $0.duration(to: .now) < limit } ?? false } }
}

/// What the body run on a connection threw, told apart from the pool's own failures.
private struct BodyFailure: Error {
    let error: any Error
}

extension Logger {
    /// The pool's own log: errors only, so a command's output is not interleaved with its chatter.
    public static var postgresBackground: Logger {
        var logger = Logger(label: "caravan.postgres")
        logger.logLevel = .error
        return logger
    }
}

/// Hands the feed into the transaction, which reads it once, alone: it was passed in as `sending`.
private struct PostgresFeedHandoff<Feed: ObservationFeed>: @unchecked Sendable {
    let feed: Feed
}
