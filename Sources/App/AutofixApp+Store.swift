import Core
import Foundation
import Logging
import Queue
import QueuePostgres
import QueueSQLite

extension AutofixApp {
    /// Whether `database` names a PostgreSQL server rather than a SQLite file.
    public var usesPostgres: Bool { PostgresStoreConfiguration.isPostgresURL(configuration.database) }

    /// The PostgreSQL password when the URL has none: the configured one (file, credential, environment),
    /// else libpq's `PGPASSWORD`.
    public var databasePassword: String? {
        if usesPostgres, let inURL = URLComponents(string: configuration.database)?.password { return inURL.removingPercentEncoding ?? inURL }
        return configuration.databasePassword ?? (usesPostgres ? environment["PGPASSWORD"] : nil)
    }

    /// The database for messages: the SQLite path, or the URL without its password.
    public var databaseDisplayName: String { PostgresStoreConfiguration.redacted(configuration.database) }

    /// Opens and migrates the store selected by `database`, runs `body` with it, and closes it: the one way
    /// every command, the worker and the server reach the queue.
    /// A daemon (`longRunning`: worker, server) gets `database_max_connections`; a one-shot command two.
    public func withStore<T>(_ role: StoreRole, longRunning: Bool = false, _ body: (any JobStore) async throws -> T) async throws -> T {
        guard usesPostgres else { return try await body(try await openEmbeddedStore(role)) }
        var postgres = try PostgresStoreConfiguration(url: configuration.database, password: databasePassword)
        postgres.retryPolicy = configuration.retry
        postgres.maxConnections = longRunning ? configuration.databaseMaxConnections : 2
        postgres.listens = postgres.listens && role == .worker
        return try await PostgresJobStore.withRunning(configuration: postgres, logger: makeLogger(label: "autofix.postgres")) { store in
            try await store.migrate()
            return try await body(store)
        }
    }

    /// Opens and migrates the embedded SQLite store; it needs no running connection pool, so tests and the
    /// demo may hold it. PostgreSQL is reached through `withStore`.
    public func openEmbeddedStore(_ role: StoreRole) async throws -> any JobStore {
        guard !usesPostgres else {
            throw QueueError.invalidArgument("\(databaseDisplayName) is a PostgreSQL URL; this command needs the embedded SQLite store")
        }
        let store = try SQLiteJobStore(configuration: storeConfiguration(role))
        try await store.migrate()
        return store
    }
}
