import Core
import Foundation
import Logging
import PostgresNIO
import Queue
import Synchronization

extension PostgresJobStore {
    /// Runs the connection pool, the attempt watchdog and the LISTEN loop until the task is cancelled.
    public func run() async {
        // The pool's own run loop answers every lease; on the connections' loop it does so without a
        // thread hop per statement.
        await withTaskExecutorPreference(executor) {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.client.run() }
                group.addTask { await self.watchdog.run() }
                if configuration.listens { group.addTask { await self.listen() } }
            }
        }
    }

    /// Runs the store for the duration of `body`: what a one-shot command and a daemon both use.
    public static func withRunning<T>(
        configuration: PostgresStoreConfiguration, clock: any WallClock = SystemWallClock(), logger: Logger,
        _ body: (PostgresJobStore) async throws -> T
    ) async throws -> T {
        let store = try PostgresJobStore(configuration: configuration, clock: clock, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// Holds one pooled connection on LISTEN and turns each notification into a wake-up; after a lost
    /// connection it listens again with backoff (and wakes the pool once, for what it may have missed).
    func listen() async {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: PostgresStatements.channel) { notifications in
                        failures = 0
                        wake.signal()
                        for try await _ in notifications { wake.signal() }
                    }
                }
            } catch {
                if Task.isCancelled || (error as? PSQLError)?.code == .clientClosedConnection { return }
                failures += 1
                logger.warning("LISTEN connection lost; polling until it is back", metadata: ["error": "\(Self.describe(error))"])
            }
            try? await Task.sleep(for: configuration.reconnectPolicy.delay(afterAttempt: failures, atLeast: .milliseconds(10)))
        }
    }

    /// Runs `body` in a transaction; retried whole, with backoff, while the server is unreachable or
    /// drops the connection, up to the reconnect deadline. A transaction that did not commit left nothing.
    /// One whose COMMIT was sent but not acknowledged is not run again blindly: its transaction id, taken
    /// before COMMIT, is looked up on a new connection, and a committed one returns the result it had.
    func transaction<T: Sendable>(
        timeout: Duration? = nil, isolation: String = "", _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        try await transactionReportingID(timeout: timeout, isolation: isolation) { connection, logger in
            (try await body(connection, logger), .unknown)
        }
    }

    /// `transaction` for a body that returns its transaction's id with its result.
    func transactionReportingID<T: Sendable>(
        timeout: Duration? = nil, isolation: String = "", _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> (T, TransactionID)
    ) async throws -> T {
        let sent = SentCommit<T>()
        return try await withTaskExecutorPreference(executor) {
            try await reconnecting(
                timeout: timeout,
                settle: { [client, logger] held in
                    try await Self.settle(sent, client: client, held: held, logger: logger)
                }
            ) { [client, logger] held in
                try await client.withConnection { connection in
                    held.hold(connection)
                    defer { held.release() }
                    return try await connection.inTransaction(logger: logger, isolation: isolation, commitSent: { sent.record($0, $1) }) { connection in
                        try await body(connection, logger)
                    }
                }
            }
        }
    }

    /// What became of a transaction whose COMMIT went unanswered: its result if it committed, nil to run it again.
    private static func settle<T: Sendable>(_ sent: SentCommit<T>, client: PostgresClient, held: HeldConnection, logger: Logger) async throws -> T? {
        guard let (xid, value) = sent.current() else { return nil }
        while true {
            if held.isExpired { throw PostgresFailure.Timeout() }
            let status: String? = try await client.withConnection { connection in
                held.hold(connection)
                defer { held.release() }
                return try await connection.rows(PostgresStatements.transactionStatus, [xid], logger: logger)[0].value(0)
            }
            switch status {
            case "committed":
                sent.clear()
                return value
            case "in progress":
                // The old session has not ended yet (the server times it out, see clientConfiguration).
                try await Task.sleep(for: .milliseconds(20))
            default:
                sent.clear()
                return nil
            }
        }
    }

    /// Runs `body` on a pooled connection outside a transaction (reads).
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) {
            try await reconnecting(timeout: nil, settle: { _ in nil }) { [client, logger] held in
                try await client.withConnection { connection in
                    held.hold(connection)
                    defer { held.release() }
                    return try await body(connection, logger)
                }
            }
        }
    }

    private func reconnecting<T: Sendable>(
        timeout: Duration?, settle: @escaping @Sendable (HeldConnection) async throws -> T?, _ operation: @escaping @Sendable (HeldConnection) async throws -> T
    ) async throws -> T {
        let deadline = ContinuousClock.now.advanced(by: configuration.reconnectDeadline)
        let attemptTimeout = timeout ?? configuration.attemptTimeout
        var attempt = 0
        while true {
            do {
                // After a lost connection: a transaction whose COMMIT landed is not run twice.
                if attempt > 0, let settled = try await watched(timeout: attemptTimeout, settle) {
                    return settled
                }
                return try await watched(timeout: attemptTimeout, operation)
            } catch {
                if let error = error as? QueueError { throw error }
                let failure = PostgresFailure(error)
                guard failure.isTransient else { throw QueueError.storageUnavailable("PostgreSQL: \(failure.message)") }
                attempt += 1
                guard ContinuousClock.now < deadline, !Task.isCancelled else {
                    throw QueueError.disconnected("\(configuration.displayName): \(failure.message) (\(attempt) tries)")
                }
                logger.debug("PostgreSQL unavailable; retrying", metadata: ["error": "\(failure.message)", "attempt": "\(attempt)"])
                try await Task.sleep(for: configuration.reconnectPolicy.delay(afterAttempt: attempt, atLeast: .milliseconds(5)))
            }
        }
    }

    /// Runs one attempt under the store's watchdog (see AttemptWatchdog).
    private func watched<T: Sendable>(timeout: Duration, _ operation: @escaping @Sendable (HeldConnection) async throws -> T) async throws -> T {
        let held = HeldConnection()
        let id = watchdog.watch(held, timeout: timeout)
        defer { watchdog.release(id) }
        do {
            return try await operation(held)
        } catch {
            if held.isExpired { throw PostgresFailure.Timeout() }
            throw error
        }
    }

    static func describe(_ error: any Error) -> String { PostgresFailure(error).message }
}

/// What went wrong talking to PostgreSQL, and whether trying again on a new connection can help.
struct PostgresFailure {
    struct Timeout: Error {}
    struct ConnectionGone: Error {}

    let message: String
    let isTransient: Bool

    init(_ error: any Error) {
        if error is ConnectionGone {
            (message, isTransient) = ("connection closed by the server", true)
            return
        }
        if error is Timeout {
            (message, isTransient) = ("no answer within the attempt timeout; connection closed", true)
            return
        }
        guard let psql = error as? PSQLError else {
            // Socket-level failures (refused, reset) come from NIO as they are; the pool gives up on a
            // server it cannot reach with its circuit breaker.
            let text = "\(error)"
            let unreachable = text.contains("CircuitBreakerTripped") || text.contains("connectionCreation")
            (message, isTransient) = (unreachable ? "cannot connect to the server (refused, unreachable or timed out)" : text, true)
            return
        }
        if error is PostgresDecodingError {
            (message, isTransient) = ("unexpected column type: \(error)", false)
            return
        }
        guard psql.code == .server else {
            (message, isTransient) = ("\(psql.code)", psql.code != .tooManyParameters && psql.code != .invalidCommandTag)
            return
        }
        let state = psql.serverInfo?[.sqlState] ?? ""
        let text = psql.serverInfo?[.message] ?? "server error"
        message = "\(text) (SQLSTATE \(state))"
        // 08: connection exception; 57P01-03: the server is shutting down or starting; 40001/40P01: a
        // serialization failure or deadlock, which a retried transaction resolves.
        isTransient = state.hasPrefix("08") || ["57P01", "57P02", "57P03", "40001", "40P01", "53300"].contains(state)
    }
}

extension PostgresStoreConfiguration {
    /// postgres-nio's client configuration: TLS by `sslmode`, the pool's size, the schema.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketDirectory {
            configuration = .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        } else {
            configuration = .init(host: host, port: port, username: username, password: password, database: database, tls: try tls())
        }
        configuration.options.maximumConnections = maxConnections
        configuration.options.minimumConnections = 0
        configuration.options.connectTimeout = .seconds(5)
        if let searchPath { configuration.options.additionalStartupParameters.append(("search_path", searchPath)) }
        configuration.options.additionalStartupParameters.append(("application_name", applicationName))
        // A session whose client vanished mid-transaction must not hold job rows (or leave a COMMIT's
        // outcome undecided) for long.
        configuration.options.additionalStartupParameters.append(("idle_in_transaction_session_timeout", "60s"))
        return configuration
    }

    private func tls() throws -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let sslRootCertificate { tls.trustRoots = .file(sslRootCertificate) }
        switch sslMode {
        case .disable: return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(tls)
        }
    }
}

/// The transaction id and result of a transaction whose COMMIT was sent, kept across attempts.
final class SentCommit<T: Sendable>: Sendable {
    private let state = Mutex<(xid: String, value: T)?>(nil)

    func record(_ xid: String, _ value: T) { state.withLock { $0 = (xid, value) } }
    func current() -> (String, T)? { state.withLock { $0 } }
    func clear() { state.withLock { $0 = nil } }
}

/// The connection an attempt holds, so its watchdog can close it.
final class HeldConnection: Sendable {
    private let connection = Mutex<PostgresConnection?>(nil)
    private let expired = Atomic(false)

    /// The watchdog closed (or will close) this attempt's connection: its error is a timeout.
    var isExpired: Bool { expired.load(ordering: .relaxed) }
    func expire() { expired.store(true, ordering: .relaxed) }

    func hold(_ value: PostgresConnection) { connection.withLock { $0 = value } }
    func release() { connection.withLock { $0 = nil } }
    func take() -> PostgresConnection? {
        connection.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
