import Foundation
import Queue
import Testing

/// The behaviours every `JobStore` must have. A store's test suite runs `all` against its factory.
enum JobStoreConformance {
    static let all: [ConformanceCase] = lifecycle + leasing + operatorCases + outcomeCases

    static let lifecycle: [ConformanceCase] = [
        ConformanceCase(name: "enqueue_returnsQueuedJobWithDefaults") { h in
            let job = try await h.enqueue("octo/app", key: "octo/app#1#1")
            #expect(job.state == .queued)
            #expect(job.attempts == 0)
            #expect(job.repo == "octo/app")
            #expect(job.runAt == h.clock.now())
        },
        ConformanceCase(name: "enqueue_withSameDedupeKey_returnsExistingJob") { h in
            let first = try await h.store.enqueue(NewJob(kind: "k", repo: "o/r", dedupeKey: "o/r#7#1", payload: #"{"a":1}"#))
            let second = try await h.store.enqueue(NewJob(kind: "k", repo: "o/r", dedupeKey: "o/r#7#1", payload: #"{"a":2}"#))
            #expect(first.created)
            #expect(!second.created)
            #expect(second.job.id == first.job.id)
            #expect(second.job.payload == #"{"a":1}"#)
            #expect(try await h.store.jobs(JobFilter()).count == 1)
        },
        ConformanceCase(name: "enqueue_withRunAtInFuture_isNotClaimableUntilDue") { h in
            _ = try await h.store.enqueue(NewJob(kind: "k", runAt: h.clock.now().addingTimeInterval(30)))
            #expect(try await h.claim().isEmpty)
            h.clock.advance(by: .seconds(30))
            #expect(try await h.claim().count == 1)
        },
        ConformanceCase(name: "claim_ordersByPriorityThenRunAtThenID") { h in
            let low = try await h.enqueue(nil, priority: 5)
            let urgentLater = try await h.enqueue(nil, priority: -1)
            let urgentEarlier = try await h.store.enqueue(
                NewJob(kind: "k", priority: -1, runAt: h.clock.now().addingTimeInterval(-5))
            ).job
            let claimed = try await h.claim(limit: 2)
            #expect(claimed.map(\.job.id) == [urgentEarlier.id, urgentLater.id])
            #expect(try await h.claim().map(\.job.id) == [low.id])
        },
        ConformanceCase(name: "claim_leasesJobAndOpensRunRecord") { h in
            let job = try await h.enqueue()
            let leased = try #require(try await h.claim("worker-a").first)
            #expect(leased.job.id == job.id)
            #expect(leased.job.state == .running)
            #expect(leased.job.attempts == 1)
            #expect(leased.job.leaseOwner == "worker-a")
            #expect(leased.job.leaseUntil == h.clock.now().addingTimeInterval(StoreHarness.lease.seconds))
            let runs = try await h.store.runs(jobID: job.id)
            #expect(runs.map(\.outcome) == ["running"])
            #expect(runs.first?.workerID == "worker-a")
            #expect(try await h.claim().isEmpty, "a leased job is not claimed twice")
        },
        ConformanceCase(name: "claim_onlyTakesKindsTheWorkerRuns") { h in
            try await h.enqueue(nil, kind: "other")
            #expect(try await h.claim(kinds: ["k"]).isEmpty)
            #expect(try await h.claim(kinds: ["k", "other"]).count == 1)
        },
        ConformanceCase(name: "claim_honoursPerRepositoryLimitWithinAndAcrossBatches") { h in
            let a1 = try await h.enqueue("o/a")
            let a2 = try await h.enqueue("o/a")
            let b1 = try await h.enqueue("o/b")
            let free = try await h.enqueue(nil)
            let first = try await h.claim(limit: 10, perRepo: 1)
            #expect(Set(first.map(\.job.id)) == [a1.id, b1.id, free.id])
            #expect(try await h.claim(limit: 10, perRepo: 1).isEmpty, "o/a is at its limit")
            try await h.store.complete(first.first { $0.job.id == a1.id }!.lease, outcome: .succeeded())
            #expect(try await h.claim(limit: 10, perRepo: 1).map(\.job.id) == [a2.id])
        },
        ConformanceCase(name: "claim_withLimitTwo_runsTwoJobsOfOneRepository") { h in
            for _ in 0..<3 { try await h.enqueue("o/a") }
            #expect(try await h.claim(limit: 10, perRepo: 2).count == 2)
            #expect(try await h.claim(limit: 10, perRepo: 2).isEmpty)
        },
        ConformanceCase(name: "claim_whenPaused_returnsNothingUntilResumed") { h in
            try await h.enqueue()
            try await h.store.setPaused(true)
            #expect(try await h.store.isPaused())
            #expect(try await h.claim().isEmpty)
            try await h.store.setPaused(false)
            #expect(try await h.claim().count == 1)
        },
        ConformanceCase(name: "complete_endsJobInEachTerminalOutcome") { h in
            let outcomes: [JobOutcome] = [
                .succeeded(prURL: "https://example.test/pr/1", result: #"{"ok":true}"#),
                .noFix(reason: "no patch passed validation"), .skipped(reason: "lint failure"),
            ]
            for outcome in outcomes {
                let job = try await h.enqueue(nil)
                let leased = try #require(try await h.claim().first)
                try await h.store.complete(leased.lease, outcome: outcome)
                let done = try await h.job(job.id)
                #expect(done.state == outcome.state)
                #expect(done.finishedAt == h.clock.now())
                #expect(done.leaseOwner == nil)
                #expect(try await h.store.runs(jobID: job.id).map(\.outcome) == [outcome.state.rawValue])
            }
            #expect(try await h.job(1).prURL == "https://example.test/pr/1")
            #expect(try await h.job(2).lastError == "no patch passed validation")
        },
        ConformanceCase(name: "finish_batch_fencesEachEntryOnItsOwn") { h in
            let stale = try await h.enqueue(nil)
            let lost = try #require(try await h.claim("slow").first).lease
            h.clock.advance(by: .seconds(61))
            try await h.store.rescueExpired()
            h.clock.advance(by: h.policy.cap)
            let done = try await h.enqueue(nil)
            let failing = try await h.enqueue(nil)
            let handed = try await h.enqueue(nil)
            let leases = Dictionary(uniqueKeysWithValues: try await h.claim("fast").map { ($0.job.id, $0.lease) })
            #expect(leases.count == 4, "the rescued job and the three new ones")

            let results = try await h.store.finish([
                JobCompletion(lease: lost, action: .complete(.succeeded())),
                JobCompletion(lease: try #require(leases[done.id]), action: .complete(.succeeded(prURL: "https://example.test/pr/9", result: "{}"))),
                JobCompletion(lease: try #require(leases[failing.id]), action: .fail(JobFailure(message: "HTTP 502", isRetryable: true))),
                JobCompletion(lease: try #require(leases[handed.id]), action: .handBack(reason: "shutdown")),
            ])
            guard case .failure(.leaseLost) = results[0] else { throw QueueError.invalidArgument("expected leaseLost, got \(results[0])") }
            #expect(try results[1].get() == .succeeded)
            #expect(try results[2].get() == .queued)
            #expect(try results[3].get() == .queued)

            #expect(try await h.job(stale.id).state == .running, "the stale lease's completion left the job to its new holder")
            #expect(try await h.job(done.id).prURL == "https://example.test/pr/9")
            #expect(try await h.store.runs(jobID: done.id).map(\.outcome) == ["succeeded"])
            #expect(try await h.job(failing.id).attempts == 1)
            #expect(try await h.job(handed.id).attempts == 0, "a hand-back refunds the attempt")
            #expect(try await h.store.runs(jobID: stale.id).map(\.outcome) == ["lease_expired", "running"])
        },
        ConformanceCase(name: "evalResults_areKept_andSummarisedAsTheDesignDocumentCounts") { h in
            func result(_ name: String, _ expect: String, _ judged: String, pull: Bool, run: Int = 1, seconds: Double = 30) -> EvalResultRecord {
                EvalResultRecord(
                    evalID: "e1", recordedAt: h.clock.now(), model: "oracle", run: run, caseName: name, ecosystem: "python", expect: expect,
                    judged: judged, state: pull ? "succeeded" : "no_fix", pullOpened: pull, seconds: seconds, tokensIn: 1000, tokensOut: 200,
                    costUSD: 0.001, extractionHit: true, localized: nil)
            }
            try await h.store.recordEvalResults([
                result("a", "fix", "success", pull: true, seconds: 20), result("b", "fix", "false_positive", pull: true),
                result("c", "fix", "missed", pull: false), result("d", "skipped", "expected", pull: false),
                result("a", "fix", "success", pull: true, run: 2, seconds: 40),
            ])
            let summary = try #require(try await h.store.evalSummaries().first)
            #expect(summary.evalID == "e1" && summary.model == "oracle")
            #expect(summary.cases == 4 && summary.runs == 2)
            #expect(summary.successRate == 0.5, "2 successes of 4 fix-case runs")
            #expect(summary.falsePositiveRate.map { abs($0 - 0.3333) < 0.001 } == true, "1 of 3 opened PRs")
            #expect(summary.meanSecondsToFix == 30)
        },
        ConformanceCase(name: "fail_whenRetryable_requeuesWithFullJitterBackoffWithinBounds") { h in
            let job = try await h.enqueue(nil, maxAttempts: 3)
            for attempt in 1...2 {
                let leased = try #require(try await h.claim().first)
                let before = h.clock.now()
                let state = try await h.store.fail(leased.lease, failure: JobFailure(message: "HTTP 502", isRetryable: true))
                #expect(state == .queued)
                let requeued = try await h.job(job.id)
                let delay = requeued.runAt.timeIntervalSince(before)
                #expect(delay >= 0 && delay <= h.policy.ceiling(afterAttempt: attempt).seconds + 0.001)
                #expect(requeued.lastError == "HTTP 502")
                h.clock.advance(by: h.policy.cap)
            }
            #expect(try await h.store.runs(jobID: job.id).map(\.outcome) == ["retry", "retry"])
        },
        ConformanceCase(name: "fail_whenAttemptsExhausted_marksDead") { h in
            let job = try await h.enqueue(nil, maxAttempts: 2)
            for expected in [JobState.queued, .dead] {
                let leased = try #require(try await h.claim().first)
                #expect(try await h.store.fail(leased.lease, failure: JobFailure(message: "timeout", isRetryable: true)) == expected)
                h.clock.advance(by: h.policy.cap)
            }
            let dead = try await h.job(job.id)
            #expect(dead.state == .dead)
            #expect(dead.attempts == 2)
            #expect(dead.lastError?.contains("gave up after 2 attempts") == true)
        },
        ConformanceCase(name: "fail_whenPermanent_marksDeadAtOnce") { h in
            let job = try await h.enqueue(nil, maxAttempts: 5)
            let leased = try #require(try await h.claim().first)
            #expect(try await h.store.fail(leased.lease, failure: JobFailure(message: "GitHub answered 401", isRetryable: false)) == .dead)
            #expect(try await h.job(job.id).lastError == "GitHub answered 401")
        },
        ConformanceCase(name: "fail_withRetryAfter_waitsAtLeastThatLong") { h in
            let job = try await h.enqueue(nil)
            let leased = try #require(try await h.claim().first)
            try await h.store.fail(leased.lease, failure: JobFailure(message: "429", isRetryable: true, retryAfter: .seconds(500)))
            #expect(try await h.job(job.id).runAt.timeIntervalSince(h.clock.now()) >= 500)
        },
    ]
}
