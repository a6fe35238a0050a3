import CaravanStore
import Foundation
import NIOSSL
import PostgresNIO

/// A libpq-style connection URL, `postgres://user:password@host:port/database?sslmode=disable`.
/// Parameters: `sslmode` (disable, prefer, require), `host` (a Unix socket directory),
/// `application_name`, `connect_timeout` (seconds, default 5: also how long a request waits for a
/// connection before the store is called unavailable), `query_timeout` (seconds, default 30: how
/// long the server may take over one answer, past which the connection is given up; also the
/// server's `statement_timeout` unless `options` sets one) and `options` (`-c name=value`, e.g. a
/// search_path). A password the URL lacks is read from `$PGPASSWORD`, as libpq does.
struct PostgresURL {
    enum Endpoint {
        case tcp(host: String, port: Int)
        case socket(path: String)
    }

    enum TLSMode: String {
        case disable, prefer, require
    }

    let endpoint: Endpoint
    let user: String
    let password: String?
    let database: String?
    let tls: TLSMode
    let connectTimeout: Int
    let answerTimeout: Int
    let settings: [(String, String)]
    /// The URL with its password masked, for messages.
    let redacted: String

    init(_ text: String) throws {
        guard let parts = URLComponents(string: text), ["postgres", "postgresql"].contains(parts.scheme ?? "") else {
            throw StoreError.unavailable("'\(Self.mask(text))' is not a PostgreSQL URL such as postgres://user@localhost:5432/caravan")
        }
        let redacted = Self.mask(text)
        self.redacted = redacted
        user = parts.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        // As libpq: a password the URL lacks comes from the environment.
        password =
            parts.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
            ?? ProcessInfo.processInfo.environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        database = parts.path.split(separator: "/").first.map(String.init)
        var parameters: [String: String] = [:]
        for item in parts.queryItems ?? [] { parameters[item.name] = item.value ?? "" }
        let port = parts.port ?? 5432
        endpoint =
            if let directory = parameters.removeValue(forKey: "host") {
                .socket(path: "\(directory)/.s.PGSQL.\(port)")
            } else {
                .tcp(host: parts.host ?? "localhost", port: port)
            }
        let mode = parameters.removeValue(forKey: "sslmode") ?? "prefer"
        switch mode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        default: throw StoreError.unavailable("\(redacted): sslmode '\(mode)' is not one of disable, prefer, require")
        }
        let seconds = parameters.removeValue(forKey: "connect_timeout") ?? "5"
        guard let timeout = Int(seconds), (1...86_400).contains(timeout) else {
            throw StoreError.unavailable("\(redacted): connect_timeout must be whole seconds, 1 to 86400")
        }
        connectTimeout = timeout
        let answer = parameters.removeValue(forKey: "query_timeout") ?? "30"
        guard let answerTimeout = Int(answer), (1...86_400).contains(answerTimeout) else {
            throw StoreError.unavailable("\(redacted): query_timeout must be whole seconds, 1 to 86400")
        }
        self.answerTimeout = answerTimeout
        var settings = try parameters.removeValue(forKey: "options").map(Self.settings) ?? []
        if let name = parameters.removeValue(forKey: "application_name") { settings.append(("application_name", name)) }
        // The server gives a statement up too, so one that waits on a lock does not outlive its client.
        if !settings.contains(where: { $0.0 == "statement_timeout" }) { settings.append(("statement_timeout", "\(answerTimeout * 1_000)")) }
        self.settings = settings
        if let unknown = parameters.keys.sorted().first { throw StoreError.unavailable("\(redacted): unknown parameter '\(unknown)'") }
    }

    /// The pool's configuration.
    var client: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .socket(let path): configuration = .init(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresClient.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(.makeClientConfiguration())
                case .require: .require(.makeClientConfiguration())
                }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(connectTimeout)
        configuration.options.additionalStartupParameters = settings
        return configuration
    }

    /// One connection's configuration, for the first contact: it fails at once where the pool would retry.
    func connection() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .socket(let path): configuration = .init(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
                case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Int64(connectTimeout))
        configuration.options.additionalStartupParameters = settings
        return configuration
    }

    /// `-c search_path=ledger -c statement_timeout=5000` as name–value pairs.
    private static func settings(_ options: String) throws -> [(String, String)] {
        var settings: [(String, String)] = []
        var words = options.split(separator: " ").map(String.init)[...]
        while let word = words.popFirst() {
            guard word.hasPrefix("-c") else { throw StoreError.unavailable("options: '\(word)' is not -c name=value") }
            let setting = word == "-c" ? (words.popFirst() ?? "") : String(word.dropFirst(2))
            let pair = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw StoreError.unavailable("options: '\(setting)' is not name=value") }
            settings.append((pair[0], pair[1]))
        }
        return settings
    }

    /// The URL with any password replaced by `***`.
    static func mask(_ text: String) -> String {
        guard var parts = URLComponents(string: text), parts.password != nil else { return text }
        parts.password = "***"
        return parts.string ?? text
    }
}
