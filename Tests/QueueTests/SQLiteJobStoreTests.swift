import Foundation
import Queue
import QueueSQLite
import Testing

@Suite("SQLite job store conformance")
struct SQLiteJobStoreTests {
    static let factory: StoreFactory = { clock, policy in
        let dir = try makeTemporaryDirectory()
        let store = try SQLiteJobStore(
            configuration: SQLiteStoreConfiguration(path: dir.appendingPathComponent("q.sqlite").path, retryPolicy: policy),
            clock: clock)
        try await store.migrate()
        return store
    }

    @Test(arguments: JobStoreConformance.all)
    func conformance(_ testCase: ConformanceCase) async throws {
        try await testCase.run(Self.factory)
    }
}
