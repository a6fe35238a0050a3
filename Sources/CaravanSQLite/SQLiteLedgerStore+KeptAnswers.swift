import CaravanCore
import CaravanNetwork
import CaravanStore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func keptAnswer(_ question: String, program: String, day: Day) async throws -> KeptAnswer? {
        try await read { db in
            let sql = "SELECT through_batch, reads, answer FROM kept_answer WHERE question = ? AND program = ? AND day = ?"
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: sql), arguments: [question, program, day.number]),
                let reads = KeptAnswer.reads(row["reads"])
            else { return nil }
            return KeptAnswer(question: question, program: program, day: day, through: row["through_batch"], reads: reads, text: row["answer"])
        }
    }

    public func keep(_ answer: KeptAnswer) async throws {
        guard writer is DatabasePool else { return try await write { try Self.keep(answer, in: $0) } }
        // Keeping is a favour to the next reader: a file another process is writing to is not waited for.
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        do {
            let connection = try DatabaseQueue(path: path, configuration: configuration)
            try await connection.write { try Self.keep(answer, in: $0) }
        } catch {
            throw SQLiteFailure.describe(error, path: path, wait: wait, doing: "cannot keep the answer")
        }
    }

    private static func keep(_ answer: KeptAnswer, in db: Database) throws {
        try db.execute(sql: "DELETE FROM kept_answer WHERE program <> ? OR day <> ?", arguments: [answer.program, answer.day.number])
        try db.execute(
            sql: """
                INSERT INTO kept_answer (question, program, day, through_batch, reads, answer) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (question) DO UPDATE SET program = excluded.program, day = excluded.day,
                through_batch = excluded.through_batch, reads = excluded.reads, answer = excluded.answer
                """,
            arguments: [answer.question, answer.program, answer.day.number, answer.through, answer.readLines, answer.text])
    }

    public func stored(_ subjects: Set<LedgerSubject>, after batch: Int64) async throws -> Bool {
        try await read { db in
            // Nothing stored since: the common case, one look at the newest batch.
            guard try Int64.fetchOne(db, sql: "SELECT max(id) FROM import_batch").map({ $0 > batch }) ?? false else { return false }
            for subject in subjects.sorted() {
                let (sql, arguments) = Self.storedQuery(subject, after: batch)
                if try Bool.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments) ?? false { return true }
            }
            return false
        }
    }

    /// Whether a batch after `batch` stored anything of `subject`, as one `EXISTS`.
    private static func storedQuery(_ subject: LedgerSubject, after batch: Int64) -> (String, StatementArguments) {
        switch subject {
        case .pair(let a, let b):
            let rows = { (table: String) in
                """
                EXISTS (SELECT 1 FROM \(table) t JOIN source s ON s.id = t.source_id
                WHERE ((t.reporter = ?1 AND t.partner = ?2) OR (t.reporter = ?2 AND t.partner = ?1)) AND s.import_id > ?3)
                """
            }
            return ("SELECT \(rows("observation")) OR \(rows("relative_figure"))", [a, b, batch])
        case .flows:
            return ("SELECT EXISTS (SELECT 1 FROM import_batch WHERE id > ? AND format = ?)", [batch, FreightFlow.format])
        case .tariffs(let reporter):
            return (
                "SELECT EXISTS (SELECT 1 FROM tariff_line t JOIN source s ON s.id = t.source_id WHERE t.reporter = ? AND s.import_id > ?)",
                [reporter, batch]
            )
        case .documents(let kind, let name):
            return (
                "SELECT EXISTS (SELECT 1 FROM document WHERE import_id > ? AND kind = ? AND (? IS NULL OR name = ?))",
                [batch, kind.rawValue, name, name]
            )
        }
    }
}
