import Foundation
import Queue
import TestSupport
import Testing

@Suite("worker process: retries and cancellation", .serialized)
struct WorkerLifecycleTests {
    @Test func worker_retriesTransientFailuresWithBackoffThenSucceeds() async throws {
        let env = try ProcessTestEnvironment()
        try await env.withStore { store in
            let payload = #"{"log":"\#(env.recordLog)","hold_ms":10,"fail_attempts":2}"#
            let job = try await store.enqueue(NewJob(kind: "diag.record", payload: payload)).job
            let worker = try env.spawn(["worker", "--exit-when-idle"])
            #expect(try await worker.waitForExit() == 0)
            let done = try #require(try await store.job(id: job.id))
            #expect(done.state == .succeeded)
            #expect(done.attempts == 3)
            let runs = try await store.runs(jobID: job.id)
            #expect(runs.map(\.outcome) == ["retry", "retry", "succeeded"])
            #expect(runs.allSatisfy { $0.stages.map(\.stage) == ["hold"] }, "each attempt records its stages")
        }
    }

    @Test func worker_whenOperatorCancelsRunningJob_stopsItAtNextHeartbeat() async throws {
        let env = try ProcessTestEnvironment()
        try await env.withStore { store in
            let job = try await store.enqueue(NewJob(kind: "diag.record", payload: env.recordPayload(holdMs: 60_000))).job
            let worker = try env.spawn(["worker"])
            try await Poll.until(timeout: .seconds(30), "the job is running") { try await store.job(id: job.id)?.state == .running }
            let cancel = try await env.run(["cancel", "\(job.id)"])
            #expect(cancel.status == 0)
            #expect(cancel.stdout.contains("next heartbeat"))
            try await Poll.until(timeout: .seconds(10), "the worker stops the job") { try await store.job(id: job.id)?.state == .cancelled }
            #expect(try await store.runs(jobID: job.id).map(\.outcome) == ["cancelled"])
            #expect(!env.executions().contains { $0.event == "done" }, "the handler was stopped, not run to the end")
            worker.signal(SIGTERM)
            #expect(try await worker.waitForExit() == 0)
        }
    }
}

@Suite("worker process: metrics file", .serialized)
struct WorkerMetricsFileTests {
    @Test func worker_withMetricsFile_writesItsRunDurationsForTheTextfileCollector() async throws {
        let env = try ProcessTestEnvironment()
        let file = env.directory.appendingPathComponent("autofix-worker.prom").path
        try await env.withStore { store in
            _ = try await store.enqueue(NewJob(kind: "noop"))
            let worker = try env.spawn(["worker", "--exit-when-idle"], extra: ["AUTOFIX_WORKER_METRICS_FILE": file])
            #expect(try await worker.waitForExit() == 0)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains(#"autofix_worker_job_run_seconds_count{outcome="succeeded"} 1"#), "\(text)")
        }
    }
}
