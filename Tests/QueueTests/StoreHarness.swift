import Core
import Foundation
import Queue

/// A store under test with a clock the test moves by hand.
struct StoreHarness: Sendable {
    let store: any JobStore
    let clock: ManualWallClock
    let policy: RetryPolicy

    static let lease = Duration.seconds(60)

    func claim(_ worker: String = "w1", kinds: [String] = ["k"], limit: Int = 10, perRepo: Int = 1) async throws -> [LeasedJob] {
        try await store.claim(ClaimRequest(workerID: worker, kinds: kinds, limit: limit, leaseDuration: Self.lease, perRepositoryLimit: perRepo))
    }

    @discardableResult
    func enqueue(_ repo: String? = "o/r", key: String? = nil, priority: Int = 0, maxAttempts: Int = 3, kind: String = "k") async throws -> Job {
        try await store.enqueue(NewJob(kind: kind, repo: repo, dedupeKey: key, priority: priority, maxAttempts: maxAttempts)).job
    }

    func job(_ id: Int64) async throws -> Job {
        guard let job = try await store.job(id: id) else { throw QueueError.jobNotFound(id) }
        return job
    }
}

/// Makes a fresh, migrated store; each store implementation supplies one.
typealias StoreFactory = @Sendable (ManualWallClock, RetryPolicy) async throws -> any JobStore

/// Makes a fresh, migrated store that lives while `body` runs.
typealias ScopedStoreFactory = @Sendable (ManualWallClock, RetryPolicy, (any JobStore) async throws -> Void) async throws -> Void

/// One named behaviour every store must have.
struct ConformanceCase: Sendable, CustomStringConvertible {
    let name: String
    let body: @Sendable (StoreHarness) async throws -> Void
    var description: String { name }

    func run(_ factory: StoreFactory) async throws {
        try await run(scoped: { clock, policy, body in try await body(try await factory(clock, policy)) })
    }

    /// For a store that lives only inside a scope (PostgreSQL runs its connection pool there).
    func run(scoped: ScopedStoreFactory) async throws {
        let clock = ManualWallClock()
        let policy = RetryPolicy(base: .seconds(10), cap: .seconds(100))
        try await scoped(clock, policy) { store in
            try await body(StoreHarness(store: store, clock: clock, policy: policy))
        }
    }
}

/// A fresh directory under the system temp folder, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
