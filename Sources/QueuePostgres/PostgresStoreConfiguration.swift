import Core
import Foundation
import Queue

/// Where the PostgreSQL queue lives and how the store talks to it: parsed from a libpq-style URL,
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE?sslmode=…`.
public struct PostgresStoreConfiguration: Sendable {
    /// libpq's `sslmode` values that postgres-nio can honour.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, certificate not checked (libpq's default).
        case prefer
        /// TLS or fail; certificate not checked (as libpq without a root certificate).
        case require
        /// TLS, the certificate chain checked, not the host name.
        case verifyCA = "verify-ca"
        /// TLS, the chain and the host name checked.
        case verifyFull = "verify-full"
    }

    public var host = "127.0.0.1"
    public var port = 5432
    /// A directory holding the server's socket (`?host=/run/postgresql`), instead of TCP.
    public var socketDirectory: String?
    public var username = "postgres"
    public var password: String?
    public var database: String?
    public var sslMode = SSLMode.prefer
    /// PEM file of the certificate authorities to trust (`?sslrootcert=`); the system's otherwise.
    public var sslRootCertificate: String?
    /// The schema holding the queue's tables (`?search_path=`); the server's default otherwise.
    public var searchPath: String?
    /// The most connections this process opens (the pool's size; LISTEN takes one of them).
    public var maxConnections = 8
    /// Shown in `pg_stat_activity`, so an operator can tell the queue's connections apart.
    public var applicationName = "autofix"
    /// Whether the store holds a connection on LISTEN to wake `awaitWork` at each enqueue: a worker wants
    /// it, a one-shot command does not.
    public var listens = true
    /// How long an operation keeps retrying while the server is unreachable before it fails.
    public var reconnectDeadline: Duration = .seconds(60)
    /// How long one attempt (a transaction or a read) may take before its connection is closed and it is
    /// retried: every statement of the store is short. Migrations get their own, longer, limit.
    public var attemptTimeout: Duration = .seconds(20)
    /// Backoff between reconnect attempts.
    public var reconnectPolicy = RetryPolicy(base: .milliseconds(50), cap: .seconds(5))
    /// Job retries after a failed attempt.
    public var retryPolicy = RetryPolicy()

    public init() {}

    /// Parses `postgres://` or `postgresql://` URLs; a password in the URL wins over `password`.
    public init(url text: String, password: String? = nil) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw QueueError.invalidArgument("database URL \(Self.redacted(text)) is not postgres://USER@HOST[:PORT]/DATABASE")
        }
        if let host = components.host, !host.isEmpty { self.host = host }
        if let port = components.port { self.port = port }
        if let user = components.user, !user.isEmpty { username = user.removingPercentEncoding ?? user }
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw QueueError.invalidArgument(
                        "sslmode=\(value) is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sslMode = mode
            case "sslrootcert": sslRootCertificate = value
            case "host": if value.hasPrefix("/") { socketDirectory = value } else { host = value }
            case "port":
                guard let port = Int(value) else { throw QueueError.invalidArgument("port=\(value) is not a number") }
                self.port = port
            case "user": username = value
            case "dbname": database = value
            case "search_path", "schema":
                guard value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !value.isEmpty else {
                    throw QueueError.invalidArgument("\(item.name)=\(value): letters, digits and _ only")
                }
                searchPath = value
            case "pool_max_conns", "max_connections":
                guard let count = Int(value), count >= 2 else {
                    throw QueueError.invalidArgument("\(item.name)=\(value): at least 2 (LISTEN holds one)")
                }
                maxConnections = count
            case "application_name": applicationName = value
            case "listen":
                guard let flag = ["true": true, "false": false][value] else { throw QueueError.invalidArgument("listen=\(value): true or false") }
                listens = flag
            case "connect_timeout": break
            default:
                throw QueueError.invalidArgument("database URL parameter \(item.name) is not supported")
            }
        }
    }

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The URL with its password masked, for messages and logs.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://***"
    }

    /// Where the store connects, without secrets.
    public var displayName: String {
        "postgres://\(username)@\(socketDirectory ?? "\(host):\(port)")/\(database ?? "")"
    }
}
