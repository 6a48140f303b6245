import Foundation
import Queue
import Testing

extension JobStoreConformance {
    static let operatorCases: [ConformanceCase] = [
        ConformanceCase(name: "cancel_queuedJob_cancelsAtOnce") { h in
            let job = try await h.enqueue(nil)
            #expect(try await h.store.cancel(id: job.id) == .cancelled)
            #expect(try await h.job(job.id).state == .cancelled)
            #expect(try await h.claim().isEmpty)
        },
        ConformanceCase(name: "cancel_runningJob_isSeenAtNextHeartbeat") { h in
            let job = try await h.enqueue(nil)
            let leased = try #require(try await h.claim().first)
            #expect(try await h.store.cancel(id: job.id) == .requested)
            #expect(try await h.job(job.id).state == .running)
            #expect(try await h.store.heartbeat(leased.lease, extendBy: .seconds(60)) == .cancelRequested)
            try await h.store.complete(leased.lease, outcome: .cancelled(reason: "cancelled by operator"))
            #expect(try await h.job(job.id).state == .cancelled)
        },
        ConformanceCase(name: "cancel_runningJobWhoseWorkerDied_endsCancelledAtRescue") { h in
            let job = try await h.enqueue(nil)
            _ = try await h.claim()
            _ = try await h.store.cancel(id: job.id)
            h.clock.advance(by: .seconds(61))
            try await h.store.rescueExpired()
            #expect(try await h.job(job.id).state == .cancelled)
        },
        ConformanceCase(name: "cancel_finishedOrUnknownJob_isRejected") { h in
            let job = try await h.enqueue(nil)
            let leased = try #require(try await h.claim().first)
            try await h.store.complete(leased.lease, outcome: .succeeded())
            await #expect(throws: QueueError.invalidTransition(jobID: job.id, from: .succeeded, action: "cancel a finished job")) {
                try await h.store.cancel(id: job.id)
            }
            await #expect(throws: QueueError.jobNotFound(999)) { try await h.store.cancel(id: 999) }
        },
        ConformanceCase(name: "retry_deadJob_requeuesWithFreshBudget") { h in
            let job = try await h.enqueue(nil, maxAttempts: 1)
            let leased = try #require(try await h.claim().first)
            try await h.store.fail(leased.lease, failure: JobFailure(message: "401", isRetryable: false))
            let retried = try await h.store.retry(id: job.id)
            #expect(retried.state == .queued)
            #expect(retried.attempts == 0)
            #expect(retried.finishedAt == nil)
            #expect(try await h.claim().first?.job.id == job.id)
            #expect(try await h.store.runs(jobID: job.id).count == 2, "earlier run records are kept")
        },
        ConformanceCase(name: "retry_runningJob_isRejected") { h in
            let job = try await h.enqueue(nil)
            _ = try await h.claim()
            await #expect(throws: QueueError.invalidTransition(jobID: job.id, from: .running, action: "retry a running job")) {
                _ = try await h.store.retry(id: job.id)
            }
        },
        ConformanceCase(name: "prune_deletesOnlyFinishedJobsOlderThanCutoff") { h in
            let old = try await h.enqueue(nil)
            let oldLease = try #require(try await h.claim().first).lease
            try await h.store.saveCheckpoint(oldLease, stage: "fetch_logs", data: "{}")
            try await h.store.complete(oldLease, outcome: .succeeded())
            h.clock.advance(by: .seconds(31 * 86_400))
            let recent = try await h.enqueue(nil)
            try await h.store.complete(try #require(try await h.claim().first).lease, outcome: .noFix(reason: "none"))
            let waiting = try await h.enqueue(nil)
            let cutoff = h.clock.now().addingTimeInterval(-30 * 86_400)
            #expect(try await h.store.prune(finishedBefore: cutoff) == 1)
            #expect(try await h.store.job(id: old.id) == nil)
            #expect(try await h.store.runs(jobID: old.id).isEmpty)
            #expect(try await h.store.checkpoints(jobID: old.id).isEmpty)
            #expect(try await h.store.job(id: recent.id) != nil)
            #expect(try await h.store.job(id: waiting.id) != nil)
            #expect(try await h.store.metricsSnapshot().totals["jobs_finished"]?["succeeded"] == 1, "counters survive prune")
        },
        ConformanceCase(name: "stats_countStatesOldestClaimableAgeAndSuccessRate") { h in
            for _ in 0..<3 { try await h.enqueue(nil) }
            h.clock.advance(by: .seconds(90))
            let a = try #require(try await h.claim(limit: 1).first)
            try await h.store.complete(a.lease, outcome: .succeeded())
            let b = try #require(try await h.claim(limit: 1).first)
            try await h.store.complete(b.lease, outcome: .noFix(reason: "none"))
            let stats = try await h.store.stats(window: .seconds(86_400))
            #expect(stats.countsByState[.queued] == 1)
            #expect(stats.countsByState[.succeeded] == 1)
            #expect(stats.countsByState[.noFix] == 1)
            #expect(stats.oldestQueuedAge == .seconds(90))
            #expect(stats.successRate == 0.5)
        },
        ConformanceCase(name: "jobs_filtersByStateAndRepoNewestFirst") { h in
            let a = try await h.enqueue("o/a")
            let b = try await h.enqueue("o/b")
            let c = try await h.enqueue("o/a")
            #expect(try await h.store.jobs(JobFilter(repo: "o/a")).map(\.id) == [c.id, a.id])
            #expect(try await h.store.jobs(JobFilter(limit: 1)).map(\.id) == [c.id])
            _ = try await h.claim()
            #expect(try await h.store.jobs(JobFilter(state: .queued)).map(\.id) == [c.id])
            _ = b
        },
    ]
}
