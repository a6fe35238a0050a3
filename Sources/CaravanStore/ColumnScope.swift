/// Columns of one table in a joined row, selected under names of their own (`watch_id`,
/// `cause_file_name`), so each store reads a record of the row by name rather than by position.
package struct ColumnScope: Sendable, Hashable {
    /// The prefix of the names: `watch`, `change`, `cause`.
    package let name: String
    /// The table's alias in the query: `w`, `c`, `b`.
    package let alias: String
    package let columns: [String]

    package init(_ name: String, alias: String, columns: [String]) {
        self.name = name
        self.alias = alias
        self.columns = columns
    }

    /// The name a column is selected under.
    package func selected(_ column: String) -> String { "\(name)_\(column)" }

    /// The select list: `w.id AS watch_id, w.url AS watch_url, …`.
    package var select: String { columns.map { "\(alias).\($0) AS \(selected($0))" }.joined(separator: ", ") }

    /// A watch, from `watch w`.
    package static let watch = ColumnScope(
        "watch", alias: "w", columns: ["id", "url", "partnership", "secret", "created_at", "removed_at", "token_id"])
    /// A status change, from `status_change c`.
    package static let change = ColumnScope(
        "change", alias: "c", columns: ["id", "partnership", "kind", "subject", "from_status", "to_status", "changed_at"])
    /// The batch that caused a change, from `import_batch b`, NULL when none did.
    package static let cause = ColumnScope(
        "cause", alias: "b", columns: ["id", "file_name", "format", "content_sha256", "recorded_at", "observations"])
}
