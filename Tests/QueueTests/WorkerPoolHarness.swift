import Core
import Foundation
import Logging
import Queue
import QueuePostgres
import QueueSQLite
import ServiceLifecycle
import TestSupport

/// The stores the in-process pool tests run on: SQLite always, PostgreSQL when a test server is there.
enum TestStore: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    static var available: [TestStore] { PostgresTestServer.isAvailable ? [.sqlite, .postgres] : [.sqlite] }
    var description: String { rawValue }

    /// No log, unless AUTOFIX_TEST_LOG=1 (then everything, on stderr).
    static let quiet: Logger = {
        guard ProcessInfo.processInfo.environment["AUTOFIX_TEST_LOG"] == "1" else { return Logger(label: "test") { _ in SwiftLogNoOpLogHandler() } }
        var logger = Logger(label: "test") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .debug
        return logger
    }()

    /// A fresh, migrated store of this kind that lives while `body` runs; `change` adjusts PostgreSQL's settings.
    func with<T>(
        clock: any WallClock = SystemWallClock(), change: (inout PostgresStoreConfiguration) -> Void = { _ in },
        _ body: (any JobStore) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite:
            let path = try makeTemporaryDirectory().appendingPathComponent("q.sqlite").path
            let store = try SQLiteJobStore(configuration: SQLiteStoreConfiguration(path: path), clock: clock)
            try await store.migrate()
            return try await body(store)
        case .postgres:
            var configuration = try PostgresStoreConfiguration(url: try PostgresTestServer.freshSchema())
            configuration.maxConnections = 6
            change(&configuration)
            return try await PostgresJobStore.withRunning(configuration: configuration, clock: clock, logger: Self.quiet) { store in
                try await store.migrate()
                return try await body(store)
            }
        }
    }
}

/// A worker pool in this process, under a ServiceGroup as `autofix worker` runs it, for pool behaviour
/// that does not need a process of its own (claim batching, drain, a lost lease).
enum WorkerPoolHarness {
    /// Runs the pool while `body` runs, then shuts it down gracefully and waits for it to drain.
    static func run(
        store: any JobStore, registry: JobRegistry, configuration: WorkerConfiguration, clock: any WallClock = SystemWallClock(),
        _ body: () async throws -> Void
    ) async throws {
        let pool = WorkerPool(store: store, registry: registry, configuration: configuration, logger: TestStore.quiet, clock: clock)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [pool], logger: TestStore.quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
