import Core
import Foundation
import Queue
import QueuePostgres
import Synchronization
import TestSupport
import Testing

/// What only a shared server makes possible: claimers racing on several connections, wake-ups by
/// NOTIFY, connections killed and the server restarted under a running pool, the claim's index.
@Suite("PostgreSQL store under concurrency and failure", .enabled(if: PostgresTestServer.isAvailable, "no PostgreSQL server (make test starts one)"))
struct PostgresQueueTests {
    /// 8 claimers on a pool of 3 connections, 4 repositories with a limit of 1 each: the number of
    /// running jobs of a repository, counted by the claimers between claim and completion, never exceeds 1.
    @Test func claimers_onFewConnections_neverExceedTheRepositoryLimit() async throws {
        try await TestStore.postgres.with(change: { $0.maxConnections = 3 }) { store in
            let repos = ["o/a", "o/b", "o/c", "o/d"]
            for index in 0..<240 { _ = try await store.enqueue(NewJob(kind: "k", repo: repos[index % 4])) }
            let tally = ClaimTally()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for claimer in 0..<8 {
                    group.addTask {
                        while tally.completed < 240 {
                            let claimed = try await store.claim(
                                ClaimRequest(workerID: "c\(claimer)", kinds: ["k"], limit: 2, leaseDuration: .seconds(60), perRepositoryLimit: 1))
                            for leased in claimed { tally.started(leased.job.repo!) }
                            for _ in 0..<10 { await Task.yield() }
                            for leased in claimed {
                                tally.ending(leased.job.repo!)
                                try await store.complete(leased.lease, outcome: .succeeded())
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(tally.worst == 1)
            #expect(try await store.stats(window: .seconds(86_400)).countsByState[.succeeded] == 240)
        }
    }

    /// The pool polls once an hour here: only the enqueue's NOTIFY can wake it for a job enqueued later.
    @Test func enqueue_wakesAnIdleWorkerThroughNotify() async throws {
        try await TestStore.postgres.with { store in
            var registry = JobRegistry()
            registry.register("k", ClosureJobHandler { _ in .succeeded() })
            let configuration = WorkerConfiguration(pollInterval: .seconds(3600), rescueInterval: .seconds(3600))
            try await WorkerPoolHarness.run(store: store, registry: registry, configuration: configuration) {
                // A first job run to the end leaves the pool idle, waiting on its hour-long poll.
                let first = try await store.enqueue(NewJob(kind: "k")).job
                try await Poll.until(timeout: .seconds(30), "the first job is run") { try await store.job(id: first.id)?.state == .succeeded }
                for _ in 0..<100 { await Task.yield() }
                let job = try await store.enqueue(NewJob(kind: "k")).job
                try await Poll.until(timeout: .seconds(30), "the job is run without a poll") {
                    try await store.job(id: job.id)?.state == .succeeded
                }
            }
        }
    }

    /// Every connection of the pool is terminated, again and again, while it runs 150 jobs: each job
    /// still runs to the end once and ends succeeded.
    @Test func terminatedBackends_midRun_everyJobEndsExactlyOnce() async throws {
        let name = "autofix-kill-\(UUID().uuidString.prefix(8))"
        try await TestStore.postgres.with(change: {
            $0.applicationName = name
            $0.reconnectPolicy = RetryPolicy(base: .milliseconds(10), cap: .milliseconds(200))
        }) { store in
            try await Self.runThroughFailures(store: store, jobs: 150) { round in
                try PostgresTestServer.psql(
                    PostgresTestServer.url!, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '\(name)'")
            }
        }
    }

    /// A server of its own, restarted twice while the pool runs: no job is lost or run twice.
    @Test func serverRestart_midRun_everyJobEndsExactlyOnce() async throws {
        let server = try ThrowawayCluster.start()
        defer { server.stop() }
        var configuration = try PostgresStoreConfiguration(url: server.url)
        configuration.reconnectPolicy = RetryPolicy(base: .milliseconds(20), cap: .milliseconds(500))
        try await PostgresJobStore.withRunning(configuration: configuration, logger: TestStore.quiet) { store in
            try await store.migrate()
            try await Self.runThroughFailures(store: store, jobs: 120) { _ in try server.restart() }
        }
    }

    /// The claim reads the partial index, whatever number of finished jobs the table holds.
    @Test func claimCandidates_useThePartialIndex_underADeepTable() async throws {
        let url = try PostgresTestServer.freshSchema()
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.listens = false
        try await PostgresJobStore.withRunning(configuration: configuration, logger: TestStore.quiet) { store in try await store.migrate() }
        try PostgresTestServer.psql(
            url,
            """
            INSERT INTO jobs (kind, state, repo, run_at, created_at, updated_at, finished_at)
            SELECT 'k', 'succeeded', 'o/r' || (i % 50), i, i, i, i FROM generate_series(1, 200000) AS i;
            INSERT INTO jobs (kind, state, repo, run_at, created_at, updated_at)
            SELECT 'k', 'queued', 'o/r' || (i % 50), i, i, i FROM generate_series(1, 20000) AS i;
            ANALYZE jobs
            """)
        let plan = try PostgresTestServer.psql(
            url,
            """
            EXPLAIN SELECT id, repo FROM jobs j
            WHERE j.state = 'queued' AND j.run_at <= 9999999999999 AND j.kind = ANY(ARRAY['k'])
              AND NOT EXISTS (SELECT 1 FROM queue_settings WHERE name = 'paused' AND value = '1')
              AND (j.repo IS NULL OR (SELECT count(*) FROM jobs r WHERE r.state = 'running' AND r.repo = j.repo) < 1)
            ORDER BY j.priority, j.run_at, j.id LIMIT 64 FOR UPDATE SKIP LOCKED
            """)
        #expect(plan.contains("jobs_claimable"), "plan:\n\(plan)")
        #expect(!plan.contains("Seq Scan on jobs j"), "plan:\n\(plan)")
    }

    /// Runs `jobs` jobs through a pool of 4 while `disrupt` strikes every few completions; checks that
    /// every handler ran to the end exactly once and every job ended succeeded with one succeeded run.
    static func runThroughFailures(store: any JobStore, jobs count: Int, disrupt: @escaping @Sendable (Int) throws -> Void) async throws {
        let finished = Mutex([Int64: Int]())
        var registry = JobRegistry()
        registry.register(
            "k",
            ClosureJobHandler { context in
                // Stays in flight a little, so disruptions land on running jobs.
                for _ in 0..<50 { await Task.yield() }
                finished.withLock { $0[context.job.id, default: 0] += 1 }
                return .succeeded()
            })
        for _ in 0..<count { _ = try await store.enqueue(NewJob(kind: "k", maxAttempts: 10)) }
        let configuration = WorkerConfiguration(concurrency: 4, leaseDuration: .seconds(20), pollInterval: .milliseconds(50), perRepositoryLimit: 0)
        try await WorkerPoolHarness.run(store: store, registry: registry, configuration: configuration) {
            for round in 1...2 {
                try await Poll.until(timeout: .seconds(60), "a third more jobs ran") { finished.withLock { $0.count } >= count * round / 3 }
                try disrupt(round)
            }
            try await Poll.until(timeout: .seconds(120), "every job ended") { try await store.pendingCount(kinds: ["k"]) == 0 }
        }
        let jobs = try await store.jobs(JobFilter(limit: 1000))
        #expect(jobs.count == count)
        #expect(jobs.allSatisfy { $0.state == .succeeded }, "\(jobs.filter { $0.state != .succeeded }.map { "\($0.id) \($0.state) \($0.lastError ?? "")" })")
        #expect(finished.withLock { $0.values.allSatisfy { $0 == 1 } && $0.count == count }, "each handler ran to the end once")
        for job in jobs {
            #expect(try await store.runs(jobID: job.id).filter { $0.outcome == "succeeded" }.count == 1)
        }
    }
}

/// Running jobs per repository as the claimers see them, and the most ever seen at once.
final class ClaimTally: Sendable {
    private let state = Mutex((running: [String: Int](), worst: 0, completed: 0))

    func started(_ repo: String) {
        state.withLock { state in
            state.running[repo, default: 0] += 1
            state.worst = max(state.worst, state.running[repo]!)
        }
    }

    func ending(_ repo: String) {
        state.withLock { state in
            state.running[repo]! -= 1
            state.completed += 1
        }
    }

    var worst: Int { state.withLock { $0.worst } }
    var completed: Int { state.withLock { $0.completed } }
}

/// A PostgreSQL cluster of one test's own (scripts/test-postgres), for what would disturb the shared one.
struct ThrowawayCluster {
    let directory: String
    let url: String

    static func start() throws -> ThrowawayCluster {
        let directory = "/tmp/autofix-pg-\(UUID().uuidString.prefix(8))"
        let url = try script(["start", directory])
        return ThrowawayCluster(directory: directory, url: url)
    }

    func restart() throws { _ = try Self.script(["restart", directory]) }
    func stop() { _ = try? Self.script(["stop", directory]) }

    static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/test-postgres").path

    @discardableResult
    static func script(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: scriptPath)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PostgresTestServer.Unavailable(description: "test-postgres \(arguments) failed") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
