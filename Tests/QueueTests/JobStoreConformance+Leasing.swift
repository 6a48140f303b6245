import Foundation
import Queue
import Testing

extension JobStoreConformance {
    static let leasing: [ConformanceCase] = [
        ConformanceCase(name: "heartbeat_extendsLease") { h in
            let job = try await h.enqueue(nil)
            let leased = try #require(try await h.claim().first)
            h.clock.advance(by: .seconds(50))
            #expect(try await h.store.heartbeat(leased.lease, extendBy: .seconds(60)) == .extended)
            h.clock.advance(by: .seconds(50))
            #expect(try await h.store.rescueExpired() == 0)
            #expect(try await h.job(job.id).state == .running)
        },
        ConformanceCase(name: "claim_whenLeaseExpired_returnsJobToQueue") { h in
            let job = try await h.enqueue(nil, maxAttempts: 3)
            _ = try #require(try await h.claim("crashed").first)
            h.clock.advance(by: .seconds(61))
            #expect(try await h.store.rescueExpired() == 1)
            let rescued = try await h.job(job.id)
            #expect(rescued.state == .queued)
            #expect(rescued.attempts == 1, "a rescue counts the lost attempt")
            #expect(rescued.lastError?.contains("lease expired") == true)
            h.clock.advance(by: h.policy.cap)
            let again = try #require(try await h.claim("healthy").first)
            #expect(again.job.attempts == 2)
            #expect(try await h.store.runs(jobID: job.id).map(\.outcome) == ["lease_expired", "running"])
        },
        ConformanceCase(name: "rescue_whenAttemptsExhausted_marksDead") { h in
            let job = try await h.enqueue(nil, maxAttempts: 1)
            _ = try await h.claim()
            h.clock.advance(by: .seconds(61))
            try await h.store.rescueExpired()
            #expect(try await h.job(job.id).state == .dead)
        },
        ConformanceCase(name: "fencing_staleLeaseCannotCompleteRetryCheckpointOrHeartbeat") { h in
            let job = try await h.enqueue(nil)
            let stale = try #require(try await h.claim("slow").first).lease
            h.clock.advance(by: .seconds(61))
            try await h.store.rescueExpired()
            h.clock.advance(by: h.policy.cap)
            let current = try #require(try await h.claim("fast").first).lease
            #expect(current.token != stale.token)

            await expectLeaseLost { try await h.store.complete(stale, outcome: .succeeded()) }
            await expectLeaseLost { try await h.store.fail(stale, failure: JobFailure(message: "x", isRetryable: true)) }
            await expectLeaseLost { try await h.store.handBack(stale, reason: "shutdown") }
            await expectLeaseLost { try await h.store.saveCheckpoint(stale, stage: "patch", data: "{}") }
            await expectLeaseLost { _ = try await h.store.heartbeat(stale, extendBy: .seconds(60)) }
            await expectLeaseLost {
                try await h.store.recordStage(stale, StageRecord(stage: "patch", startedAt: h.clock.now(), duration: .seconds(1), outcome: "ok"))
            }

            let held = try await h.job(job.id)
            #expect(held.state == .running)
            #expect(held.leaseOwner == "fast")
            #expect(try await h.store.checkpoints(jobID: job.id).isEmpty)
            try await h.store.complete(current, outcome: .succeeded())
            #expect(try await h.job(job.id).state == .succeeded)
            await expectLeaseLost { try await h.store.complete(current, outcome: .succeeded()) }
        },
        ConformanceCase(name: "handBack_returnsJobWithoutConsumingAttempt") { h in
            let job = try await h.enqueue(nil)
            let leased = try #require(try await h.claim().first)
            try await h.store.handBack(leased.lease, reason: "worker shutting down")
            let back = try await h.job(job.id)
            #expect(back.state == .queued)
            #expect(back.attempts == 0)
            #expect(back.runAt == h.clock.now())
            #expect(try await h.store.runs(jobID: job.id).map(\.outcome) == ["handed_back"])
            #expect(try await h.claim().first?.job.attempts == 1)
        },
        ConformanceCase(name: "checkpoints_arePerStageAndSurviveRetry") { h in
            let job = try await h.enqueue(nil)
            let first = try #require(try await h.claim().first)
            try await h.store.saveCheckpoint(first.lease, stage: "fetch_logs", data: #"{"n":1}"#)
            try await h.store.saveCheckpoint(first.lease, stage: "generate_patch", data: "diff")
            try await h.store.saveCheckpoint(first.lease, stage: "fetch_logs", data: #"{"n":2}"#)
            try await h.store.fail(first.lease, failure: JobFailure(message: "502", isRetryable: true))
            h.clock.advance(by: h.policy.cap)
            _ = try #require(try await h.claim().first)
            #expect(try await h.store.checkpoints(jobID: job.id) == ["fetch_logs": #"{"n":2}"#, "generate_patch": "diff"])
        },
        ConformanceCase(name: "recordStage_addsTimelineTokensAndCostToRun") { h in
            let job = try await h.enqueue(nil)
            let leased = try #require(try await h.claim().first)
            let start = h.clock.now()
            try await h.store.recordStage(leased.lease, StageRecord(stage: "fetch_logs", startedAt: start, duration: .milliseconds(1250), outcome: "ok"))
            try await h.store.recordStage(
                leased.lease,
                StageRecord(
                    stage: "generate_patch", startedAt: start, duration: .seconds(3), outcome: "ok",
                    tokensIn: 1200, tokensOut: 300, costUSD: 0.0125, promptVersion: "ci_autofix.v1"))
            try await h.store.complete(leased.lease, outcome: .succeeded())
            let run = try #require(try await h.store.runs(jobID: job.id).first)
            #expect(run.stages.map(\.stage) == ["fetch_logs", "generate_patch"])
            #expect(run.stages.first?.duration == .milliseconds(1250))
            #expect(run.tokensIn == 1200 && run.tokensOut == 300)
            #expect(abs(run.costUSD - 0.0125) < 1e-9)
            #expect(run.promptVersion == "ci_autofix.v1")
            let totals = try await h.store.metricsSnapshot().totals
            #expect(totals["llm_tokens"]?["input"] == 1200)
            #expect(totals["jobs_finished"]?["succeeded"] == 1)
        },
    ]

    static func expectLeaseLost(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            try await body()
            Issue.record("expected leaseLost, the write succeeded", sourceLocation: sourceLocation)
        } catch let error as QueueError {
            guard case .leaseLost = error else {
                Issue.record("expected leaseLost, got \(error)", sourceLocation: sourceLocation)
                return
            }
        } catch {
            Issue.record("expected leaseLost, got \(error)", sourceLocation: sourceLocation)
        }
    }
}
