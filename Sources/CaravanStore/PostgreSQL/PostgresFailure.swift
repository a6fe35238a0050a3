import PostgresNIO

/// What went wrong with PostgreSQL, in words a user can act on. PSQLError's own description
/// hides the server's message, so it is read field by field.
enum PostgresFailure {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo {
            let message = info[.message] ?? "server error"
            let detail = info[.detail].map { " (\($0))" } ?? ""
            return message + detail + (info[.sqlState].map { " [SQLSTATE \($0)]" } ?? "")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

extension PSQLError {
    /// Whether the server refused a row for repeating a unique key, of `constraint` when named.
    func isUniqueViolation(of constraint: String? = nil) -> Bool {
        guard serverInfo?[.sqlState] == "23505" else { return false }
        return constraint == nil || serverInfo?[.constraintName] == constraint
    }
}
