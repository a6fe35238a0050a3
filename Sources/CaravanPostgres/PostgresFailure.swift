import CaravanStore
import PostgresNIO

/// What went wrong with PostgreSQL, in words a user can act on: the server's own message where
/// it sent one, else a sentence for the driver's code — never the driver's type names.
enum PostgresFailure {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else {
            if error is CancellationError { return "the database did not answer in time" }
            return "the database does not answer"
        }
        if let info = error.serverInfo {
            let message = info[.message] ?? "server error"
            let detail = info[.detail].map { " (\($0))" } ?? ""
            return message + detail + (info[.sqlState].map { " [SQLSTATE \($0)]" } ?? "")
        }
        switch error.code {
        case .sslUnsupported:
            return "the server does not accept TLS connections; add sslmode=disable to the URL if it is on a network you trust"
        case .authMechanismRequiresPassword:
            return "the server asks for a password; give it in the URL (postgres://user:PASSWORD@host/db) or in $PGPASSWORD"
        case .unsupportedAuthMechanism, .saslError: return "the server asks for a way of signing in that Caravan does not speak"
        case .connectionError:
            let cause = error.underlying.map { "\($0)" } ?? ""
            return cause.contains("refused") || cause.contains("connect")
                ? "nothing answers at that address: is PostgreSQL running there?" : "the connection to the database failed"
        case .serverClosedConnection, .uncleanShutdown: return "the database closed the connection"
        case .clientClosedConnection, .poolClosed: return "the connection to the database was closed"
        case .queryCancelled: return "the database cancelled the query"
        default: return "the database failed to answer"
        }
    }

    /// Whether the connection itself failed, not a statement on it: the server closed it or shut
    /// down (SQLSTATE class 08, or 57P01–57P03), or the network failed under it.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        if let error = error as? PostgresError, case .connectionClosed = error { return true }
        guard let error = error as? PSQLError else { return false }
        if let state = error.serverInfo?[.sqlState] { return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state) }
        return [.connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection].contains(error.code)
    }

    /// The SQLSTATE the server refused a statement with, if it did.
    static func sqlState(_ error: any Error) -> String? { (error as? PSQLError)?.serverInfo?[.sqlState] }
}

extension PSQLError {
    /// Whether the server refused a row for repeating a unique key, of `constraint` when named.
    func isUniqueViolation(of constraint: String? = nil) -> Bool {
        guard serverInfo?[.sqlState] == "23505" else { return false }
        return constraint == nil || serverInfo?[.constraintName] == constraint
    }
}
