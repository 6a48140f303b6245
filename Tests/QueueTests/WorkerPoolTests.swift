import Core
import Foundation
import Queue
import Synchronization
import TestSupport
import Testing

/// The worker pool in-process, on each store: what it runs at once, how it drains, what a lost lease does.
@Suite("worker pool, in process")
struct WorkerPoolTests {
    /// Counts jobs running at once and the most seen.
    final class Gauge: Sendable {
        let state = Mutex((now: 0, peak: 0, done: [Int64]()))
        func enter() {
            state.withLock {
                $0.now += 1
                $0.peak = max($0.peak, $0.now)
            }
        }
        func leave(_ id: Int64) {
            state.withLock {
                $0.now -= 1
                $0.done.append(id)
            }
        }
        var peak: Int { state.withLock { $0.peak } }
        var done: [Int64] { state.withLock { $0.done } }
    }

    @Test(arguments: TestStore.available)
    func pool_runsAtMostItsConcurrency_andRunsEveryJobOnce(_ kind: TestStore) async throws {
        try await kind.with { store in
            let gauge = Gauge()
            var registry = JobRegistry()
            registry.register(
                "k",
                ClosureJobHandler { context in
                    gauge.enter()
                    for _ in 0..<20 { await Task.yield() }
                    gauge.leave(context.job.id)
                    return .succeeded()
                })
            let ids = try await (0..<60).asyncMap { _ in try await store.enqueue(NewJob(kind: "k")).job.id }
            let configuration = WorkerConfiguration(concurrency: 4, pollInterval: .milliseconds(20), perRepositoryLimit: 0)
            try await WorkerPoolHarness.run(store: store, registry: registry, configuration: configuration) {
                try await Poll.until(timeout: .seconds(60), "every job finished") { try await store.pendingCount(kinds: ["k"]) == 0 }
            }
            #expect(gauge.peak <= 4)
            #expect(gauge.done.sorted() == ids)
            let jobs = try await store.jobs(JobFilter(limit: 100))
            #expect(jobs.allSatisfy { $0.state == .succeeded && $0.attempts == 1 })
        }
    }

    @Test(arguments: TestStore.available)
    func pool_onGracefulShutdown_letsTheRunningJobFinish(_ kind: TestStore) async throws {
        try await kind.with { store in
            let started = Mutex(false)
            let (release, releasing) = AsyncStream.makeStream(of: Void.self)
            var registry = JobRegistry()
            registry.register(
                "k",
                ClosureJobHandler { _ in
                    started.withLock { $0 = true }
                    for await _ in release { break }
                    return .succeeded()
                })
            let job = try await store.enqueue(NewJob(kind: "k")).job
            try await WorkerPoolHarness.run(store: store, registry: registry, configuration: WorkerConfiguration(pollInterval: .milliseconds(20))) {
                try await Poll.until(timeout: .seconds(30), "the job runs") { started.withLock { $0 } }
                releasing.yield()
            }
            #expect(try await store.job(id: job.id)?.state == .succeeded)
            #expect(try await store.runs(jobID: job.id).map(\.outcome) == ["succeeded"])
        }
    }

    /// Another worker rescued the job (its lease expired): the pool's next heartbeat finds the lease
    /// gone, stops the handler and writes nothing for it.
    @Test(arguments: TestStore.available)
    func pool_whenItsLeaseIsTakenAway_stopsTheJobAndWritesNothing(_ kind: TestStore) async throws {
        let clock = ManualWallClock(Date())
        try await kind.with(clock: clock) { store in
            let started = Mutex(false)
            let stopped = Mutex(false)
            // Nothing is ever sent: the handler runs until the pool cancels it.
            let (never, neverEnds) = AsyncStream.makeStream(of: Void.self)
            defer { neverEnds.finish() }
            var registry = JobRegistry()
            registry.register(
                "k",
                ClosureJobHandler { _ in
                    started.withLock { $0 = true }
                    for await _ in never {}
                    stopped.withLock { $0 = true }
                    throw CancellationError()
                })
            let job = try await store.enqueue(NewJob(kind: "k", maxAttempts: 5)).job
            // Lease 300 ms, so the heartbeat runs every 100 ms; the manual clock decides when it expires.
            let configuration = WorkerConfiguration(leaseDuration: .milliseconds(300), pollInterval: .seconds(3600), rescueInterval: .seconds(3600))
            try await WorkerPoolHarness.run(store: store, registry: registry, configuration: configuration, clock: clock) {
                try await Poll.until(timeout: .seconds(30), "the job runs") { started.withLock { $0 } }
                // A heartbeat landing between the two calls extends the lease again: try until one does not.
                try await Poll.until(timeout: .seconds(30), "the lease is rescued") {
                    clock.advance(by: .seconds(10))
                    return try await store.rescueExpired() == 1
                }
                try await Poll.until(timeout: .seconds(30), "the handler is stopped") { stopped.withLock { $0 } }
            }
            let after = try #require(try await store.job(id: job.id))
            #expect(after.state == .queued, "the rescue's retry stands; the pool wrote nothing over it")
            #expect(try await store.runs(jobID: job.id).map(\.outcome) == ["lease_expired"])
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var values: [T] = []
        for element in self { values.append(try await transform(element)) }
        return values
    }
}
