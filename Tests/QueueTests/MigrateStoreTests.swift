import Core
import Foundation
import Queue
import QueuePostgres
import QueueSQLite
import TestSupport
import Testing

/// `autofix migrate-store`: a SQLite queue, history included, copied whole into an empty PostgreSQL queue.
@Suite("migrate-store", .enabled(if: PostgresTestServer.isAvailable, "no PostgreSQL server (make test starts one)"))
struct MigrateStoreTests {
    @Test func copy_carriesJobsRunsStagesCheckpointsSettingsAndTotals_andRefusesANonEmptyTarget() async throws {
        let clock = ManualWallClock()
        let path = try makeTemporaryDirectory().appendingPathComponent("q.sqlite").path
        let source = try SQLiteJobStore(configuration: SQLiteStoreConfiguration(path: path), clock: clock)
        try await source.migrate()
        let done = try await source.enqueue(NewJob(kind: "k", repo: "o/a", dedupeKey: "o/a#1#1", payload: #"{"x":1}"#))
        _ = try await source.enqueue(NewJob(kind: "k", repo: "o/b", priority: -3))
        let leased = try #require(try await source.claim(ClaimRequest(workerID: "w", kinds: ["k"], limit: 1, leaseDuration: .seconds(60))).first)
        try await source.saveCheckpoint(leased.lease, stage: "errors", data: "[1]")
        try await source.recordStage(
            leased.lease,
            StageRecord(stage: "generate_patch", startedAt: clock.now(), duration: .seconds(2), outcome: "ok", tokensIn: 10, tokensOut: 5, costUSD: 0.25))
        try await source.complete(leased.lease, outcome: .succeeded(prURL: "https://x/pull/1", result: "{}"))
        try await source.setPaused(true)
        #expect(try await source.recordDelivery("delivery-1"))
        try await source.recordFixOpened(
            FixOutcome(
                repo: "o/a", pullNumber: 4, jobID: done.job.id, branch: "ci/autofix-1", failedAt: clock.now(), openedAt: clock.now(), updatedAt: clock.now()))
        try await source.applyFixEvent(
            .ciCompleted(
                repo: "o/a", branch: "ci/autofix-1", workflow: "CI", conclusion: "success", runID: 5, runAttempt: 1, headSHA: "c0ffee", workflowID: 1,
                at: clock.now()))
        try await source.recordEvalResults([
            EvalResultRecord(
                evalID: "e1", recordedAt: clock.now(), model: "oracle", run: 1, caseName: "py-a", ecosystem: "python", expect: "fix", judged: "success",
                state: "succeeded", pullOpened: true, seconds: 1.5, tokensIn: 100, tokensOut: 10, costUSD: 0.001, extractionHit: true, localized: nil)
        ])

        var configuration = try PostgresStoreConfiguration(url: try PostgresTestServer.freshSchema())
        configuration.listens = false
        try await PostgresJobStore.withRunning(configuration: configuration, clock: clock, logger: TestStore.quiet) { target in
            try await target.migrate()
            let copied = try await target.importQueue { table, offset, limit in try await source.copyChunk(table: table, offset: offset, limit: limit) }
            #expect(copied["jobs"] == 2 && copied["job_runs"] == 1 && copied["run_stages"] == 1 && copied["job_checkpoints"] == 1)
            #expect(copied["fix_outcomes"] == 1 && copied["eval_results"] == 1)
            #expect(try await target.fixOutcomes(FixOutcomeFilter()) == (try await source.fixOutcomes(FixOutcomeFilter())))
            #expect(try await target.evalSummaries() == (try await source.evalSummaries()))

            #expect(try await target.jobs(JobFilter()) == (try await source.jobs(JobFilter())))
            for job in try await source.jobs(JobFilter()) {
                #expect(try await target.runs(jobID: job.id) == (try await source.runs(jobID: job.id)))
                #expect(try await target.checkpoints(jobID: job.id) == (try await source.checkpoints(jobID: job.id)))
            }
            #expect(try await target.isPaused())
            #expect(try await target.recordDelivery("delivery-1") == false, "delivery ids came along")
            let (a, b) = (try await source.metricsSnapshot(), try await target.metricsSnapshot())
            #expect(a.totals == b.totals, "counters survive the move, not counted twice")
            #expect(a.stats == b.stats)

            let next = try await target.enqueue(NewJob(kind: "k")).job
            #expect(next.id == 3, "new ids continue after the copied ones")
            await #expect(throws: QueueError.self) {
                _ = try await target.importQueue { table, offset, limit in try await source.copyChunk(table: table, offset: offset, limit: limit) }
            }
        }
    }
}
