import CaravanStore
import PostgresNIO

/// A row's columns read by name, those of one scope (`watch_url` as `url`) or of the row itself;
/// a column the query did not select is a store error, not a crash.
struct PostgresColumns {
    let row: PostgresRandomAccessRow
    let scope: ColumnScope?

    init(_ row: PostgresRow, scope: ColumnScope? = nil) {
        self.init(row.makeRandomAccess(), scope: scope)
    }

    init(_ row: PostgresRandomAccessRow, scope: ColumnScope? = nil) {
        self.row = row
        self.scope = scope
    }

    /// The same row, read in `scope`.
    func scoped(_ scope: ColumnScope) -> PostgresColumns { PostgresColumns(row, scope: scope) }

    func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        let name = scope?.selected(column) ?? column
        guard row.contains(name) else { throw StoreError.unavailable("a row read lacks the column \(name)") }
        return try row[name].decode(Value.self)
    }
}
