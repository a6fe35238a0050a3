import CaravanCore
import CaravanStore
import GRDB
import GRDBSQLite

/// Inserts observations 64 rows to a statement, bound through SQLite's C API with the short text
/// fields copied into a reusable arena: per-row statements, GRDB's argument arrays and SQLite's
/// copies of every string would cost more than SQLite's own work on a file of millions of rows.
final class SQLiteObservationInsert {
    static let rowsPerStatement = 64
    private static let columns = "(reporter, partner, flow, commodity, period, source_id, value_usd, quantity_t, valuation, note, line)"
    private static let placeholders = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    private static let width = 11
    /// Room for each short field in the arena; longer text is copied by SQLite instead.
    private static let slot = 64

    private let db: Database
    private let many: Statement
    private let one: Statement
    private var pending: [(StagedObservation, source: Int64, period: String)] = []
    private let arena = UnsafeMutableRawBufferPointer.allocate(byteCount: rowsPerStatement * width * slot, alignment: 8)

    init(_ db: Database) throws {
        self.db = db
        let insert = "INSERT INTO observation " + Self.columns + " VALUES "
        many = try db.makeStatement(
            sql: insert + Array(repeating: Self.placeholders, count: Self.rowsPerStatement).joined(separator: ", "))
        one = try db.makeStatement(sql: insert + Self.placeholders)
        pending.reserveCapacity(Self.rowsPerStatement)
    }

    deinit { arena.deallocate() }

    /// Queues a row; rows reach the database 64 at a time, and at `finish()`.
    func add(_ staged: StagedObservation, source: Int64, period: String) throws {
        pending.append((staged, source, period))
        if pending.count == Self.rowsPerStatement { try flush() }
    }

    /// Inserts the rows still queued.
    func finish() throws {
        for row in pending { try execute(one, [row]) }
        pending.removeAll(keepingCapacity: true)
    }

    private func flush() throws {
        do {
            try execute(many, pending)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // Row by row, to name the line that repeats another.
            for row in pending { try execute(one, [row]) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func execute(_ statement: Statement, _ rows: [(StagedObservation, source: Int64, period: String)]) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var slot = 0
        for (index, row) in rows.enumerated() {
            let o = row.0.observation
            let base = Int32(index * Self.width)
            bind(handle, base + 1, o.reporter, &slot)
            bind(handle, base + 2, o.partner, &slot)
            bind(handle, base + 3, o.flow.rawValue, &slot)
            bind(handle, base + 4, o.commodity, &slot)
            bind(handle, base + 5, row.period, &slot)
            sqlite3_bind_int64(handle, base + 6, row.source)
            sqlite3_bind_double(handle, base + 7, o.valueUSD)
            if let quantity = o.quantityT { sqlite3_bind_double(handle, base + 8, quantity) } else { sqlite3_bind_null(handle, base + 8) }
            bind(handle, base + 9, o.valuation?.rawValue, &slot)
            bind(handle, base + 10, o.note, &slot)
            if let line = row.0.line { sqlite3_bind_int64(handle, base + 11, Int64(line)) } else { sqlite3_bind_null(handle, base + 11) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            if code & 0xFF == SQLITE_CONSTRAINT, rows.count == 1, let o = rows.first?.0 {
                throw StoreError.duplicate(
                    line: o.line,
                    reason: "\(o.observation.reporter)→\(o.observation.partner) \(o.observation.flow.rawValue) "
                        + "\(o.observation.commodity) \(o.observation.period) appears twice in the file")
            }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }

    /// Binds text from the arena (SQLite reads it in place), or copied by SQLite when it is long.
    private func bind(_ handle: OpaquePointer, _ index: Int32, _ text: String?, _ slot: inout Int) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        let start = arena.baseAddress! + slot * Self.slot
        let copied = text.withUTF8 { bytes -> Int? in
            guard bytes.count <= Self.slot else {
                sqlite3_bind_text(
                    handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
                return nil
            }
            if let source = bytes.baseAddress { start.copyMemory(from: source, byteCount: bytes.count) }
            return bytes.count
        }
        if let copied {
            sqlite3_bind_text(handle, index, start.assumingMemoryBound(to: CChar.self), Int32(copied), nil)
            slot += 1
        }
    }
}

/// SQLite's "copy the bytes now" destructor, a C macro Swift cannot import.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
