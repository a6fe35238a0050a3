import CaravanCore
import CaravanNetwork
import CaravanStore
import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    public func record(document: Document, file: String, digest: String, recordedAt: Date) async throws -> ImportReceipt {
        let (logger, wait) = (self.logger, writeWait)
        do {
            return try await transaction(storing: file) { connection, _ in
                let earlier = try await PostgresBatches.find(digest: digest, connection, logger: logger)
                var current: Int64?
                if earlier != nil {
                    let query: PostgresQuery =
                        "SELECT import_id FROM document WHERE kind = \(document.kind.rawValue) AND (\(document.kind.oneCurrent) OR name = \(document.name)) ORDER BY id DESC LIMIT 1"
                    for try await id in try await connection.query(query, logger: logger).decode(Int64.self) { current = id }
                }
                switch DocumentRestore(digest: digest, earlier: earlier, current: current) {
                case .alreadyImported(let batch): return .alreadyImported(batch)
                case .store(let stored, let earlier):
                    let batch = try await PostgresBatches.insert(
                        connection, file: file, format: document.kind.rawValue, digest: stored, observations: 1, recordedAt: recordedAt, wait: wait,
                        logger: logger)
                    try await connection.query(
                        "INSERT INTO document (import_id, kind, name, body) VALUES (\(batch.id), \(document.kind.rawValue), \(document.name), \(document.text))",
                        logger: logger)
                    return DocumentRestore.receipt(batch, digest: digest, earlier: earlier)
                }
            }
        } catch let error as PSQLError where error.isUniqueViolation(of: "import_batch_content_sha256_key") {
            // Another process stored the same content meanwhile.
            guard let earlier = try await PostgresBatches.find(digest: digest, self) else { throw failure(error, doing: "cannot store \(file)") }
            return .alreadyImported(earlier)
        }
    }

    public func document(_ kind: Document.Kind, named name: String?) async throws -> StoredDocument? {
        let query: PostgresQuery =
            if let name {
                "\(unescaped: Self.documentColumns) WHERE d.kind = \(kind.rawValue) AND d.name = \(name) ORDER BY d.id DESC LIMIT 1"
            } else {
                "\(unescaped: Self.documentColumns) WHERE d.kind = \(kind.rawValue) ORDER BY d.id DESC LIMIT 1"
            }
        return try await documents(query).first
    }

    public func documents(_ kind: Document.Kind) async throws -> [StoredDocument] {
        try await documents(
            """
            \(unescaped: Self.documentColumns)
            WHERE d.id IN (SELECT max(id) FROM document WHERE kind = \(kind.rawValue) GROUP BY name) ORDER BY d.name COLLATE "C"
            """)
    }

    private static let documentColumns = """
        SELECT b.id, b.file_name, b.format, b.content_sha256, b.recorded_at, b.observations, d.kind, d.name, d.body
        FROM document d JOIN import_batch b ON b.id = d.import_id
        """

    private func documents(_ query: PostgresQuery) async throws -> [StoredDocument] {
        let logger = self.logger
        return try await withConnection { connection in
            var found: [StoredDocument] = []
            for try await row in try await connection.query(query, logger: logger) {
                let columns = PostgresColumns(row)
                let document = Document(
                    kind: Document.Kind(rawValue: try columns.decode("kind", as: String.self)) ?? .network, name: try columns.decode("name"),
                    text: try columns.decode("body"))
                found.append(StoredDocument(document: document, batch: try PostgresBatches.decode(row)))
            }
            return found
        }
    }

    public func record(
        flows: [Staged<FreightFlow>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws
        -> ImportReceipt
    {
        try await record(rows: flows, sources: sources, file: file, digest: digest, recordedAt: recordedAt)
    }

    /// Stores a file's rows of one kind, with their sources, as one batch in one transaction.
    func record<Record: SourcedRow>(
        rows: [Staged<Record>], sources: [SourceDraft], file: String, digest: String, recordedAt: Date
    ) async throws -> ImportReceipt {
        let columns = Record.columns + ["source_id", "line"]
        let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO \(Record.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        do {
            return try await storeOnce(digest: digest, file: file) { connection, lease in
                let batch = try await PostgresBatches.insert(
                    connection, file: file, format: Record.format, digest: digest, observations: rows.count, recordedAt: recordedAt,
                    wait: self.writeWait,
                    logger: self.logger)
                var sourceIDs: [Int: Int64] = [:]
                for staged in rows {
                    if sourceIDs[staged.source] == nil {
                        sourceIDs[staged.source] = try await PostgresObservationCopy.insert(
                            sources[staged.source], batch: batch.id, connection, logger: self.logger)
                    }
                    var bindings = PostgresBindings(capacity: columns.count)
                    for value in staged.record.columnValues {
                        switch value {
                        case .text(let text): bindings.append(text)
                        case .real(let number): bindings.append(number)
                        }
                    }
                    bindings.append(sourceIDs[staged.source])
                    bindings.append(staged.line.map(Int64.init))
                    try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: self.logger)
                    lease.answered()
                }
                return batch
            }
        } catch let error as PSQLError where error.isUniqueViolation(of: "\(Record.table)_pkey") {
            throw StoreError.duplicate(line: nil, reason: "a \(Record.noun) repeats another of the same file: \(PostgresFailure.describe(error))")
        }
    }

    public func freightFlows(element: String?) async throws -> [RecordedFreightFlow] {
        let select =
            "SELECT f.element, f.period, f.direction, f.tonnes, f.note, f.line, \(PostgresObservationQuery.sourceColumns) "
            + "FROM freight_flow f JOIN source s ON s.id = f.source_id JOIN import_batch b ON b.id = s.import_id"
        let query: PostgresQuery = if let element { "\(unescaped: select) WHERE f.element = \(element)" } else { "\(unescaped: select)" }
        let logger = self.logger
        return try await withConnection { connection in
            var periods = PeriodCache(anyYear: true)
            var found: [RecordedFreightFlow] = []
            for try await row in try await connection.query(query, logger: logger) {
                let columns = PostgresColumns(row)
                let flow = FreightFlow(
                    element: try columns.decode("element"), period: try periods.period(try columns.decode("period")),
                    tonnes: try columns.decode("tonnes"), direction: FlowDirection(rawValue: try columns.decode("direction")) ?? .both,
                    note: try columns.decode("note"))
                found.append(
                    RecordedFreightFlow(
                        flow, source: try PostgresObservationQuery.source(columns.row),
                        line: try columns.decode("line", as: Int64?.self).map(Int.init)))
            }
            return found.sorted { ($0.flow.period.days.lowerBound, $0.flow.element) < ($1.flow.period.days.lowerBound, $1.flow.element) }
        }
    }

    /// Stores a whole file in one transaction unless its content is already stored.
    func storeOnce(
        digest: String, file: String, _ body: @escaping @Sendable (PostgresConnection, PostgresLease) async throws -> ImportBatch
    ) async throws -> ImportReceipt {
        do {
            return try await transaction(storing: file) { connection, lease in
                if let known = StoredOnce.receipt(earlier: try await PostgresBatches.find(digest: digest, connection, logger: self.logger)) {
                    return known
                }
                return .stored(try await body(connection, lease))
            }
        } catch let error as PSQLError where error.isUniqueViolation(of: "import_batch_content_sha256_key") {
            guard let earlier = try await PostgresBatches.find(digest: digest, self) else {
                throw failure(error, doing: "cannot store \(file)")
            }
            return .alreadyImported(earlier)
        }
    }
}
