import CaravanCore
import CaravanNetwork
import CaravanStore
import Foundation
import PostgresNIO

extension PostgresLedgerStore {
    public func keptAnswer(_ question: String, program: String, day: Day) async throws -> KeptAnswer? {
        try await withConnection { connection in
            var kept: KeptAnswer?
            let rows = try await connection.query(
                "SELECT through_batch, reads, answer FROM kept_answer WHERE question = \(question) AND program = \(program) AND day = \(day.number)",
                logger: self.logger)
            for try await (through, lines, text) in rows.decode((Int64, String, String).self) {
                guard let reads = KeptAnswer.reads(lines) else { continue }
                kept = KeptAnswer(question: question, program: program, day: day, through: through, reads: reads, text: text)
            }
            return kept
        }
    }

    public func keep(_ answer: KeptAnswer) async throws {
        let logger = self.logger
        try await transaction { connection, _ in
            try await connection.query(
                "DELETE FROM kept_answer WHERE program <> \(answer.program) OR day <> \(answer.day.number)", logger: logger)
            try await connection.query(
                """
                INSERT INTO kept_answer (question, program, day, through_batch, reads, answer)
                VALUES (\(answer.question), \(answer.program), \(answer.day.number), \(answer.through), \(answer.readLines), \(answer.text))
                ON CONFLICT (question) DO UPDATE SET program = excluded.program, day = excluded.day,
                through_batch = excluded.through_batch, reads = excluded.reads, answer = excluded.answer
                """, logger: logger)
        }
    }

    public func stored(_ subjects: Set<LedgerSubject>, after batch: Int64) async throws -> Bool {
        let logger = self.logger
        return try await withConnection { connection in
            for subject in subjects.sorted() {
                for try await found in try await connection.query(Self.storedQuery(subject, after: batch), logger: logger).decode(Bool.self)
                where found {
                    return true
                }
            }
            return false
        }
    }

    /// Whether a batch after `batch` stored anything of `subject`, as one `EXISTS`.
    private static func storedQuery(_ subject: LedgerSubject, after batch: Int64) -> PostgresQuery {
        switch subject {
        case .pair(let a, let b):
            """
            SELECT EXISTS (SELECT 1 FROM observation t JOIN source s ON s.id = t.source_id
                WHERE ((t.reporter = \(a) AND t.partner = \(b)) OR (t.reporter = \(b) AND t.partner = \(a))) AND s.import_id > \(batch))
            OR EXISTS (SELECT 1 FROM relative_figure t JOIN source s ON s.id = t.source_id
                WHERE ((t.reporter = \(a) AND t.partner = \(b)) OR (t.reporter = \(b) AND t.partner = \(a))) AND s.import_id > \(batch))
            """
        case .flows:
            "SELECT EXISTS (SELECT 1 FROM import_batch WHERE id > \(batch) AND format = \(FreightFlow.format))"
        case .tariffs(let reporter):
            "SELECT EXISTS (SELECT 1 FROM tariff_line t JOIN source s ON s.id = t.source_id WHERE t.reporter = \(reporter) AND s.import_id > \(batch))"
        case .documents(let kind, let name?):
            "SELECT EXISTS (SELECT 1 FROM document WHERE import_id > \(batch) AND kind = \(kind.rawValue) AND name = \(name))"
        case .documents(let kind, nil):
            "SELECT EXISTS (SELECT 1 FROM document WHERE import_id > \(batch) AND kind = \(kind.rawValue))"
        }
    }
}
