import CaravanCore
import Foundation
import Logging
import PostgresNIO

/// The ledger in PostgreSQL, through PostgresNIO: for a team sharing one Caravan. It answers
/// exactly as the SQLite store does; the schema is brought up to date by `caravan migrate`.
public final class PostgresLedgerStore: WorkspaceStore {
    let client: PostgresClient
    let logger: Logger
    /// The URL with its password masked, for messages.
    let location: String
    private let running: Task<Void, Never>

    private init(_ url: PostgresURL, logger: Logger) {
        self.logger = logger
        location = url.redacted
        let client = PostgresClient(configuration: url.client, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    /// Connects to the database at `url`; refuses one whose schema is behind this version's.
    public static func open(url: String, logger: Logger = .postgresBackground) async throws -> PostgresLedgerStore {
        let store = try await connect(url, logger: logger)
        do {
            let pending = try await PostgresSchema.pending(store.client, logger: logger)
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
        let store = try await connect(url, logger: logger)
        defer { store.running.cancel() }
        do {
            return try await PostgresSchema.migrate(store.client, logger: logger)
        } catch {
            throw store.failure(error, doing: "cannot migrate the database")
        }
    }

    /// A store on a pool, once one connection has shown the server is there and lets us in:
    /// the pool itself would retry a refused connection for ever.
    private static func connect(_ text: String, logger: Logger) async throws -> PostgresLedgerStore {
        let url = try PostgresURL(text)
        do {
            let probe = try await PostgresConnection.connect(configuration: try url.connection(), id: 0, logger: logger)
            try await probe.close()
        } catch {
            throw StoreError.unavailable("\(url.redacted): cannot connect: \(PostgresFailure.describe(error))")
        }
        return PostgresLedgerStore(url, logger: logger)
    }

    deinit { running.cancel() }

    /// The URL with any password masked, for messages and logs.
    public static func redact(_ url: String) -> String { PostgresURL.mask(url) }

    public func close() async {
        running.cancel()
        await running.value
    }

    public func record<Feed: ObservationFeed>(
        _ feed: sending Feed, file: String, format: String, recordedAt: Date
    )
        async throws -> (receipt: ImportReceipt, report: Feed.Report)
    {
        let handoff = PostgresFeedHandoff(feed: feed)
        do {
            return try await transaction { connection in
                let batch = try await PostgresBatches.insert(connection, file: file, format: format, recordedAt: recordedAt, logger: self.logger)
                var copy = ObservationCopy(connection: connection, batch: batch.id, logger: logger)
                let count = try await copy.write(handoff.feed)
                let digest = handoff.feed.contentDigest ?? UUID().uuidString
                if let earlier = try await PostgresBatches.find(digest: digest, connection, logger: logger) {
                    throw AlreadyImported.batch(earlier, report: handoff.feed.report)
                }
                let stored = try await PostgresBatches.complete(batch, digest: digest, observations: count, connection, logger: logger)
                return (ImportReceipt.stored(stored), handoff.feed.report)
            }
        } catch let AlreadyImported.batch(batch, report) {
            return (.alreadyImported(batch), report as! Feed.Report)
        } catch let error as PSQLError where error.isUniqueViolation(of: "import_batch_content_sha256_key") {
            // Another process stored the same content while this one read it.
            guard let digest = handoff.feed.contentDigest, let earlier = try await PostgresBatches.find(digest: digest, client, logger: logger)
            else { throw failure(error, doing: "cannot store \(file)") }
            return (.alreadyImported(earlier), handoff.feed.report)
        }
    }

    public func observations(between a: String, and b: String, commodity: String) async throws -> [RecordedObservation] {
        let rows = try await client.query(PostgresObservationQuery.pair(a, b, commodity: commodity), logger: logger)
        var periods = PeriodCache()
        var found: [RecordedObservation] = []
        for try await row in rows { found.append(try PostgresObservationQuery.decode(row, periods: &periods)) }
        return found
    }

    public func lastBatchID() async throws -> Int64? {
        var last: Int64?
        for try await id in try await client.query("SELECT max(id) FROM import_batch", logger: logger).decode(Int64?.self) { last = id }
        return last
    }

    public func batches() async throws -> [ImportBatch] {
        try await PostgresBatches.all(client, logger: logger)
    }

    /// Runs `body` in a transaction and rethrows what it threw, not the transaction's wrapper.
    func transaction<Result>(_ body: (PostgresConnection) async throws -> sending Result) async throws -> sending Result {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error
        }
    }

    /// A store error naming the database and what the server said.
    func failure(_ error: any Error, doing what: String) -> any Error {
        if error is StoreError || error is AccessTokenError { return error }
        return StoreError.unavailable("\(location): \(what): \(PostgresFailure.describe(error))")
    }
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
