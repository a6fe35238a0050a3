import CaravanCore
import CaravanNetwork
import CaravanStore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func record(document: Document, file: String, digest: String, recordedAt: Date) async throws -> ImportReceipt {
        try await write { db in
            let earlier = try ImportBatchRecord.filter(Column("content_sha256") == digest).fetchOne(db)?.batch
            let current =
                earlier == nil
                ? nil
                : try Int64.fetchOne(
                    db, sql: "SELECT import_id FROM document WHERE kind = ? AND (? OR name = ?) ORDER BY id DESC LIMIT 1",
                    arguments: [document.kind.rawValue, document.kind.oneCurrent, document.name])
            switch DocumentRestore(digest: digest, earlier: earlier, current: current) {
            case .alreadyImported(let batch): return .alreadyImported(batch)
            case .store(let stored, let earlier):
                var batch = ImportBatchRecord(
                    fileName: file, format: document.kind.rawValue, contentSha256: stored, recordedAt: Timestamp.text(recordedAt), observations: 1)
                try batch.insert(db)
                try db.execute(
                    sql: "INSERT INTO document (import_id, kind, name, body) VALUES (?, ?, ?, ?)",
                    arguments: [batch.id, document.kind.rawValue, document.name, document.text])
                return DocumentRestore.receipt(batch.batch, digest: digest, earlier: earlier)
            }
        }
    }

    public func document(_ kind: Document.Kind, named name: String?) async throws -> StoredDocument? {
        try await read { db in
            let sql = """
                SELECT d.kind AS document_kind, d.name, d.body, b.* FROM document d JOIN import_batch b ON b.id = d.import_id
                WHERE d.kind = ? \(name == nil ? "" : "AND d.name = ?") ORDER BY d.id DESC LIMIT 1
                """
            let arguments: [any DatabaseValueConvertible] = [kind.rawValue] + (name.map { [$0] } ?? [])
            return try Row.fetchOne(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map(Self.document)
        }
    }

    public func documents(_ kind: Document.Kind) async throws -> [StoredDocument] {
        try await read { db in
            let sql = """
                SELECT d.kind AS document_kind, d.name, d.body, b.* FROM document d JOIN import_batch b ON b.id = d.import_id
                WHERE d.id IN (SELECT max(id) FROM document WHERE kind = ? GROUP BY name) ORDER BY d.name
                """
            return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: [kind.rawValue]).map(Self.document)
        }
    }

    private static func document(_ row: Row) throws -> StoredDocument {
        StoredDocument(
            document: Document(kind: Document.Kind(rawValue: row["document_kind"]) ?? .network, name: row["name"], text: row["body"]),
            batch: try ImportBatchRecord(row: row).batch)
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
        let sql =
            "INSERT INTO \(Record.table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        do {
            return try await write { db in
                if let known = StoredOnce.receipt(earlier: try ImportBatchRecord.filter(Column("content_sha256") == digest).fetchOne(db)?.batch) {
                    return known
                }
                var batch = ImportBatchRecord(
                    fileName: file, format: Record.format, contentSha256: digest, recordedAt: Timestamp.text(recordedAt), observations: rows.count)
                try batch.insert(db)
                var sourceIDs: [Int: Int64] = [:]
                let insert = try db.cachedStatement(sql: sql)
                for staged in rows {
                    if sourceIDs[staged.source] == nil {
                        var row = SourceRow(sources[staged.source], batch: batch.rowID)
                        try row.insert(db)
                        sourceIDs[staged.source] = row.id
                    }
                    let values: [(any DatabaseValueConvertible)?] = staged.record.columnValues.map { value in
                        switch value {
                        case .text(let text): text
                        case .real(let number): number
                        }
                    }
                    try insert.execute(arguments: StatementArguments(values + [sourceIDs[staged.source], staged.line]))
                }
                return .stored(batch.batch)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.duplicate(line: nil, reason: "a \(Record.noun) repeats another of the same file: \(error.message ?? "")")
        }
    }

    public func freightFlows(element: String?) async throws -> [RecordedFreightFlow] {
        try await read { db in
            let sql = """
                SELECT f.*, s.id AS source_id, s.kind, s.provider, s.title, s.url, s.published, s.compiler, s.status, s.edition, b.recorded_at, b.file_name
                FROM freight_flow f JOIN source s ON s.id = f.source_id JOIN import_batch b ON b.id = s.import_id
                \(element == nil ? "" : "WHERE f.element = ?")
                """
            var periods = PeriodCache(anyYear: true)
            return try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(element.map { [$0] } ?? [])).map { row in
                let flow = FreightFlow(
                    element: row["element"], period: try periods.period(row["period"]), tonnes: row["tonnes"],
                    direction: FlowDirection(rawValue: row["direction"]) ?? .both, note: row["note"])
                return RecordedFreightFlow(flow, source: SQLiteObservationQuery.source(row), line: row["line"])
            }
            .sorted { ($0.flow.period.days.lowerBound, $0.flow.element) < ($1.flow.period.days.lowerBound, $1.flow.element) }
        }
    }
}
