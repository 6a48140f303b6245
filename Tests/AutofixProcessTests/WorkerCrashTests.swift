import Foundation
import Queue
import TestSupport
import Testing

@Suite("worker process: crash and graceful shutdown", .serialized)
struct WorkerCrashTests {
    @Test(arguments: StoreKind.available) func crash_whenWorkerKilledWhileHoldingJobs_everyJobEndsOnceAfterRestart(_ store: StoreKind) async throws {
        let env = try ProcessTestEnvironment(store: store)
        try await env.withStore { store in
            // The first four are claimed first and hold long enough to be mid-run when the kill lands.
            var held: [Int64] = []
            for _ in 0..<4 {
                held.append(try await store.enqueue(NewJob(kind: "diag.record", payload: env.recordPayload(holdMs: 8000), priority: -1)).job.id)
            }
            for _ in 0..<20 { _ = try await store.enqueue(NewJob(kind: "diag.record", payload: env.recordPayload(holdMs: 30))) }

            let first = try env.spawn(["worker"])
            // Mid-run means started, not only claimed: a claim commits before its handler begins.
            try await Poll.until(timeout: .seconds(120), "the first worker runs the four long jobs") {
                let started = Set(env.executions().filter { $0.event == "start" }.map(\.job))
                return try await store.jobs(JobFilter(state: .running, limit: 100)).count == 4 && held.allSatisfy(started.contains)
            }
            let owners = Set(try await store.jobs(JobFilter(state: .running, limit: 100)).compactMap(\.leaseOwner))
            first.signal(SIGKILL)
            #expect(try await first.waitForExit() == SIGKILL)
            #expect(owners.count == 1 && owners.first?.hasSuffix(":\(first.pid)") == true)
            #expect(Set(try await store.jobs(JobFilter(state: .running, limit: 100)).map(\.id)) == Set(held))

            let second = try env.spawn(["worker"])
            try await Poll.until(timeout: .seconds(60), "every job is finished") {
                try await store.pendingCount(kinds: ["diag.record"]) == 0
            }
            second.signal(SIGTERM)
            #expect(try await second.waitForExit() == 0)

            let jobs = try await store.jobs(JobFilter(limit: 100))
            #expect(jobs.count == 24)
            #expect(jobs.allSatisfy { $0.state == .succeeded }, "every job reaches a terminal state")
            let executions = env.executions()
            var totalRuns = 0
            for job in jobs {
                let runs = try await store.runs(jobID: job.id)
                totalRuns += runs.count
                #expect(runs.filter { $0.outcome == "succeeded" }.count == 1, "job \(job.id) completed once")
                #expect(executions.filter { $0.event == "done" && $0.job == job.id }.count == 1, "job \(job.id) ran to the end once")
                if held.contains(job.id) {
                    #expect(runs.map(\.outcome) == ["lease_expired", "succeeded"], "job \(job.id) was rescued")
                    #expect(executions.filter { $0.event == "start" && $0.job == job.id }.count == 2)
                }
            }
            #expect(executions.filter { $0.event == "start" }.count == totalRuns, "every execution has its run record")
        }
    }

    @Test(arguments: StoreKind.available) func shutdown_sigtermDuringJob_jobFinishesAndExitsZero(_ store: StoreKind) async throws {
        let env = try ProcessTestEnvironment(store: store, extra: ["AUTOFIX_WORKER_DRAIN_TIMEOUT": "20s"])
        try await env.withStore { store in
            let job = try await store.enqueue(NewJob(kind: "diag.record", payload: env.recordPayload(holdMs: 1500))).job
            let worker = try env.spawn(["worker"])
            try await Poll.until(timeout: .seconds(30), "the job is running") { try await store.job(id: job.id)?.state == .running }
            worker.signal(SIGTERM)
            #expect(try await worker.waitForExit() == 0)
            let done = try #require(try await store.job(id: job.id))
            #expect(done.state == .succeeded)
            #expect(try await store.runs(jobID: job.id).map(\.outcome) == ["succeeded"])
            #expect(worker.stdout.contains("worker draining"))
        }
    }

    @Test(arguments: StoreKind.available) func shutdown_sigtermPastDrainDeadline_handsJobBackWithoutConsumingAttempt(_ store: StoreKind) async throws {
        let env = try ProcessTestEnvironment(store: store, extra: ["AUTOFIX_WORKER_DRAIN_TIMEOUT": "300ms"])
        try await env.withStore { store in
            let job = try await store.enqueue(NewJob(kind: "diag.record", payload: env.recordPayload(holdMs: 60_000))).job
            let worker = try env.spawn(["worker"])
            try await Poll.until(timeout: .seconds(30), "the job is running") { try await store.job(id: job.id)?.state == .running }
            worker.signal(SIGTERM)
            #expect(try await worker.waitForExit(timeout: .seconds(20)) == 0)
            let back = try #require(try await store.job(id: job.id))
            #expect(back.state == .queued)
            #expect(back.attempts == 0)
            #expect(back.leaseOwner == nil)
            #expect(try await store.runs(jobID: job.id).map(\.outcome) == ["handed_back"])
        }
    }
}
