import Core
import Foundation
import Queue
import QueueSQLite
import Testing

@Suite struct SQLiteIntakeTests {
    func migratedStore(_ clock: ManualWallClock) async throws -> (SQLiteJobStore, SQLiteStoreConfiguration) {
        let path = try makeTemporaryDirectory().appendingPathComponent("intake.sqlite").path
        let configuration = SQLiteStoreConfiguration(path: path, connections: .single)
        let store = try SQLiteJobStore(configuration: configuration, clock: clock)
        try await store.migrate()
        return (store, configuration)
    }

    @Test func intake_onMigratedDatabase_writesTheRowTheStoreWrites() async throws {
        let clock = ManualWallClock()
        let (store, configuration) = try await migratedStore(clock)
        let job = NewJob(kind: "autofix", repo: "o/r", dedupeKey: "o/r#5#1", payload: #"{"run_id":5}"#, priority: -3, maxAttempts: 4)
        let receipt = try #require(try SQLiteIntake.enqueue(job, configuration: configuration, clock: clock))
        #expect(receipt.created)
        let stored = try #require(try await store.job(id: receipt.id))
        let viaStore = try await store.enqueue(
            NewJob(kind: "autofix", repo: "o/r", dedupeKey: "o/r#6#1", payload: #"{"run_id":5}"#, priority: -3, maxAttempts: 4)
        ).job
        #expect(stored.kind == viaStore.kind && stored.repo == viaStore.repo && stored.payload == viaStore.payload)
        #expect(stored.priority == -3 && stored.maxAttempts == 4 && stored.state == .queued)
        #expect(stored.runAt == clock.now() && stored.createdAt == viaStore.createdAt)
    }

    @Test func intake_withSameDedupeKey_returnsExistingJob() async throws {
        let clock = ManualWallClock()
        let (store, configuration) = try await migratedStore(clock)
        let first = try await store.enqueue(NewJob(kind: "autofix", repo: "o/r", dedupeKey: "o/r#9#1")).job
        let again = try #require(try SQLiteIntake.enqueue(NewJob(kind: "autofix", repo: "o/r", dedupeKey: "o/r#9#1"), configuration: configuration))
        #expect(again == SQLiteIntake.Receipt(id: first.id, created: false))
        #expect(try await store.jobs(JobFilter()).count == 1)
    }

    @Test func intake_onMissingOrUnmigratedDatabase_declines() throws {
        let dir = try makeTemporaryDirectory()
        let missing = SQLiteStoreConfiguration(path: dir.appendingPathComponent("none.sqlite").path)
        #expect(try SQLiteIntake.enqueue(NewJob(kind: "k"), configuration: missing) == nil)
        #expect(!FileManager.default.fileExists(atPath: missing.path), "declining creates nothing")
        let empty = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: nil))
        #expect(try SQLiteIntake.enqueue(NewJob(kind: "k"), configuration: SQLiteStoreConfiguration(path: empty)) == nil)
    }
}
