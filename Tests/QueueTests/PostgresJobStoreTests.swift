import Core
import Foundation
import Logging
import Queue
import QueuePostgres
import TestSupport
import Testing

/// The store conformance suite, unchanged, on a real PostgreSQL server (a schema per case).
@Suite("PostgreSQL job store conformance", .enabled(if: PostgresTestServer.isAvailable, "no PostgreSQL server (make test starts one)"))
struct PostgresJobStoreTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static let factory: ScopedStoreFactory = { clock, policy, body in
        var configuration = try PostgresStoreConfiguration(url: try PostgresTestServer.freshSchema())
        configuration.retryPolicy = policy
        configuration.maxConnections = 4
        try await PostgresJobStore.withRunning(configuration: configuration, clock: clock, logger: logger) { store in
            try await store.migrate()
            try await body(store)
        }
    }

    @Test(arguments: JobStoreConformance.all)
    func conformance(_ testCase: ConformanceCase) async throws {
        try await testCase.run(scoped: Self.factory)
    }
}
