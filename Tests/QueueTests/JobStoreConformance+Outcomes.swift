import Foundation
import Queue
import Testing

extension JobStoreConformance {
    /// What became of autofix pull requests, on every store.
    static let outcomeCases: [ConformanceCase] = [
        ConformanceCase(name: "fixOutcome_greenCIMergedByMaintainer_isRecordedWithTheFirstGreenKept") { h in
            let job = try await h.enqueue("o/app")
            let failed = h.clock.now()
            h.clock.advance(by: .seconds(40))
            try await h.store.recordFixOpened(opened(h, job: job.id, failedAt: failed))
            try await h.store.recordFixOpened(opened(h, job: job.id, failedAt: failed))  // a retried open_pr records nothing twice
            h.clock.advance(by: .seconds(60))
            let green = h.clock.now()
            #expect(
                try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "success", runID: 101, runAttempt: 1, headSHA: "c0ffee",
                        workflowID: 1, at: green)))
            h.clock.advance(by: .seconds(60))
            #expect(
                try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "failure", runID: 102, runAttempt: 1, headSHA: "c0ffee",
                        workflowID: 1, at: h.clock.now())))
            #expect(
                try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "success", runID: 103, runAttempt: 1, headSHA: "c0ffee",
                        workflowID: 1, at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.reviewed(repo: "o/app", pullNumber: 12, state: "approved", at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.closed(repo: "o/app", pullNumber: 12, merged: true, byBot: false, at: h.clock.now())))
            let outcome = try #require(try await h.store.fixOutcomes(FixOutcomeFilter()).first)
            #expect(outcome.ci == .passed && outcome.ciRuns == 3 && outcome.ciWorkflow == "CI")
            #expect(outcome.firstGreenAt == green && outcome.secondsToGreen == 100)
            #expect(outcome.pull == .merged && outcome.closedBy == "maintainer" && outcome.review == "approved")
            #expect(outcome.outcome == "merged" && outcome.jobID == job.id)
            // A merged pull request's branch runs no longer change its record.
            #expect(
                !(try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "failure", runID: 104, runAttempt: 1, headSHA: "c0ffee",
                        workflowID: 1, at: h.clock.now())))
            )
        },
        ConformanceCase(name: "fixOutcome_closedUnmergedThenReopened_andFactsAboutNoAutofixPullAreRefused") { h in
            try await h.store.recordFixOpened(opened(h, job: nil, failedAt: h.clock.now()))
            #expect(try await h.store.applyFixEvent(.closed(repo: "o/app", pullNumber: 12, merged: false, byBot: false, at: h.clock.now())))
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter()).first?.outcome == "closed_unmerged")
            #expect(try await h.store.applyFixEvent(.reopened(repo: "o/app", pullNumber: 12, at: h.clock.now())))
            let reopened = try #require(try await h.store.fixOutcomes(FixOutcomeFilter()).first)
            #expect(reopened.pull == .open && reopened.closedBy == nil && reopened.closedAt == nil)
            #expect(!(try await h.store.applyFixEvent(.closed(repo: "o/app", pullNumber: 99, merged: true, byBot: false, at: h.clock.now()))))
            #expect(!(try await h.store.applyFixEvent(.closed(repo: "o/other", pullNumber: 12, merged: true, byBot: false, at: h.clock.now()))))
            #expect(
                !(try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "main", workflow: "CI", conclusion: "failure", runID: 105, runAttempt: 1, headSHA: "c0ffee", workflowID: 1,
                        at: h.clock.now()))))
            #expect(
                !(try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "neutral", runID: 106, runAttempt: 1, headSHA: "c0ffee",
                        workflowID: 1, at: h.clock.now())))
            )
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter()).first?.ci == .pending)
        },
        ConformanceCase(name: "fixOutcomes_filterByRepoSinceAndJob_newestFirst_andOutlivePrune") { h in
            let job = try await h.enqueue("o/a")
            try await h.store.recordFixOpened(opened(h, repo: "o/a", number: 1, job: job.id, failedAt: h.clock.now()))
            h.clock.advance(by: .seconds(3600))
            try await h.store.recordFixOpened(opened(h, repo: "o/b", number: 2, job: nil, failedAt: h.clock.now()))
            h.clock.advance(by: .seconds(10))
            try await h.store.recordFixOpened(opened(h, repo: "o/a", number: 3, job: nil, failedAt: h.clock.now()))
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter()).map(\.pullNumber) == [3, 2, 1])
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(repo: "o/a")).map(\.pullNumber) == [3, 1])
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(openedSince: h.clock.now().addingTimeInterval(-60))).map(\.pullNumber) == [3, 2])
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(jobID: job.id)).map(\.pullNumber) == [1])
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(limit: 1)).map(\.pullNumber) == [3])
            var signed = opened(h, repo: "o/a", number: 5, job: nil, failedAt: h.clock.now())
            signed.failureSignature = "a1b2"
            try await h.store.recordFixOpened(signed)
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(repo: "o/a", failureSignature: "a1b2")).map(\.pullNumber) == [5])
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(failureSignature: "a1b2")).first?.failureSignature == "a1b2")
            let leased = try #require(try await h.claim().first)
            try await h.store.complete(leased.lease, outcome: .succeeded())
            h.clock.advance(by: .seconds(10))
            #expect(try await h.store.prune(finishedBefore: h.clock.now()) == 1)
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter()).count == 4, "outcomes outlive their jobs")
        },
        ConformanceCase(name: "fixOutcome_theSameRunReportedTwice_countsOnce_andAReRunAttemptCounts") { h in
            try await h.store.recordFixOpened(opened(h, job: nil, failedAt: h.clock.now()))
            let red = FixEvent.ciCompleted(
                repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "failure", runID: 900, runAttempt: 1, headSHA: "c0ffee", workflowID: 1,
                at: h.clock.now())
            #expect(try await h.store.applyFixEvent(red))
            #expect(!(try await h.store.applyFixEvent(red)), "a webhook delivered again, or the poller seeing what the webhook said")
            #expect(
                try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "success", runID: 900, runAttempt: 2, headSHA: "c0ffee",
                        workflowID: 1,
                        at: h.clock.now().addingTimeInterval(-3600))))
            let outcome = try #require(try await h.store.fixOutcomes(FixOutcomeFilter(pullNumber: 12, branch: "ci/autofix-7", openOnly: true)).first)
            #expect(outcome.ciRuns == 2 && outcome.ci == .passed && outcome.ciRunID == 900 && outcome.ciRunAttempt == 2)
            #expect(outcome.secondsToGreen == 0, "a run stamped before the failure took no time, not negative time")
        },
        ConformanceCase(name: "fixOutcome_followUpRounds_areTakenOnceEach_onlyWhileRedAndOpen_thenTheFixIsMarkedFailedOnce") { h in
            try await h.store.recordFixOpened(opened(h, job: nil, failedAt: h.clock.now()))
            let start = FixEvent.followUpStarted(repo: "o/app", pullNumber: 12, runID: 901, maxRounds: 1, at: h.clock.now())
            #expect(!(try await h.store.applyFixEvent(start)), "CI has not failed")
            #expect(
                try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "failure", runID: 901, runAttempt: 1, headSHA: "c0ffee",
                        workflowID: 1, at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(start))
            #expect(!(try await h.store.applyFixEvent(start)), "two workers racing: one takes the round")
            #expect(try await h.store.applyFixEvent(.followUpStarted(repo: "o/app", pullNumber: 12, runID: 901, maxRounds: 2, at: h.clock.now())))
            let closeAfter = h.clock.now().addingTimeInterval(86_400)
            #expect(try await h.store.applyFixEvent(.markedFailed(repo: "o/app", pullNumber: 12, closeAfter: closeAfter, at: h.clock.now())))
            #expect(!(try await h.store.applyFixEvent(.markedFailed(repo: "o/app", pullNumber: 12, closeAfter: closeAfter, at: h.clock.now()))))
            let outcome = try #require(try await h.store.fixOutcomes(FixOutcomeFilter(pullNumber: 12)).first)
            #expect(outcome.followUps == 2 && outcome.closeAfter == closeAfter)
            #expect(try await h.store.applyFixEvent(.closed(repo: "o/app", pullNumber: 12, merged: false, byBot: true, at: h.clock.now())))
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(openOnly: true)).isEmpty)
            #expect(!(try await h.store.applyFixEvent(.followUpStarted(repo: "o/app", pullNumber: 12, runID: 901, maxRounds: 5, at: h.clock.now()))))
        },
        ConformanceCase(name: "fixOutcome_onlyRunsOfTheFixsWorkflowOnTheCommitTheBotPushed_speakForIt") { h in
            var record = opened(h, job: nil, failedAt: h.clock.now())
            record.headSHA = "aaa111"
            record.workflowID = 1
            try await h.store.recordFixOpened(record)
            func run(_ id: Int64, sha: String, workflow: Int64?, _ conclusion: String) -> FixEvent {
                .ciCompleted(
                    repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: conclusion, runID: id, runAttempt: 1, headSHA: sha, workflowID: workflow,
                    at: h.clock.now())
            }
            #expect(!(try await h.store.applyFixEvent(run(1, sha: "bbb222", workflow: 1, "success"))), "a commit someone else pushed")
            #expect(!(try await h.store.applyFixEvent(run(2, sha: "aaa111", workflow: 2, "success"))), "another workflow")
            #expect(!(try await h.store.applyFixEvent(run(3, sha: "aaa111", workflow: nil, "success"))), "a run that does not say its workflow")
            #expect(try await h.store.applyFixEvent(run(4, sha: "aaa111", workflow: 1, "failure")))
            #expect(
                !(try await h.store.applyFixEvent(.followUpStarted(repo: "o/app", pullNumber: 12, runID: 3, maxRounds: 1, at: h.clock.now()))), "a stale run")
            #expect(try await h.store.applyFixEvent(.followUpStarted(repo: "o/app", pullNumber: 12, runID: 4, maxRounds: 1, at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.followUpPushed(repo: "o/app", pullNumber: 12, headSHA: "ccc333", at: h.clock.now())))
            var outcome = try #require(try await h.store.fixOutcomes(FixOutcomeFilter(pullNumber: 12)).first)
            #expect(outcome.ci == .pending && outcome.headSHA == "ccc333" && outcome.workflowID == 1 && outcome.followUps == 1)
            #expect(!(try await h.store.applyFixEvent(run(5, sha: "aaa111", workflow: 1, "failure"))), "a re-run of the commit before the follow-up")
            #expect(
                !(try await h.store.applyFixEvent(.markedFailed(repo: "o/app", pullNumber: 12, closeAfter: h.clock.now(), at: h.clock.now()))),
                "not red: nothing to mark")
            #expect(try await h.store.applyFixEvent(run(6, sha: "ccc333", workflow: 1, "success")))
            outcome = try #require(try await h.store.fixOutcomes(FixOutcomeFilter(pullNumber: 12)).first)
            #expect(outcome.ci == .passed && outcome.ciRunID == 6)
        },
        ConformanceCase(name: "fixOutcome_CIThatFinishedBeforeTheRecordWasWritten_isAppliedWhenItIs_andOtherwisePruned") { h in
            func run(_ id: Int64, branch: String, sha: String, _ conclusion: String) -> FixEvent {
                .ciCompleted(
                    repo: "o/app", branch: branch, workflow: "CI", conclusion: conclusion, runID: id, runAttempt: 1, headSHA: sha, workflowID: 1,
                    at: h.clock.now())
            }
            #expect(!(try await h.store.applyFixEvent(run(30, branch: "ci/autofix-7", sha: "other", "failure"))), "no record yet: kept, not applied")
            #expect(!(try await h.store.applyFixEvent(run(31, branch: "ci/autofix-7", sha: "aaa111", "success"))))
            #expect(!(try await h.store.applyFixEvent(run(32, branch: "ci/autofix-8", sha: "bbb", "failure"))), "a branch that never gets a record")
            var record = opened(h, job: nil, failedAt: h.clock.now())
            record.headSHA = "aaa111"
            record.workflowID = 1
            try await h.store.recordFixOpened(record)
            let outcome = try #require(try await h.store.fixOutcomes(FixOutcomeFilter(pullNumber: 12)).first)
            #expect(outcome.ci == .passed && outcome.ciRunID == 31 && outcome.ciRuns == 1, "only the run of the commit the bot pushed counts")
            #expect(!(try await h.store.applyFixEvent(run(31, branch: "ci/autofix-7", sha: "aaa111", "success"))), "and once")
            h.clock.advance(by: .seconds(60))
            try await h.store.prune(finishedBefore: h.clock.now())
            try await h.store.recordFixOpened(
                FixOutcome(
                    repo: "o/app", pullNumber: 13, jobID: nil, branch: "ci/autofix-8", failedAt: h.clock.now(), openedAt: h.clock.now(),
                    updatedAt: h.clock.now(),
                    headSHA: "bbb", workflowID: 1))
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(pullNumber: 13)).first?.ci == .pending, "pruned before the record came")
        },
        ConformanceCase(name: "fixOutcome_reopened_clearsTheScheduledClose") { h in
            try await h.store.recordFixOpened(opened(h, job: nil, failedAt: h.clock.now()))
            #expect(
                try await h.store.applyFixEvent(
                    .ciCompleted(
                        repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "failure", runID: 1, runAttempt: 1, headSHA: "x", workflowID: 1,
                        at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.markedFailed(repo: "o/app", pullNumber: 12, closeAfter: h.clock.now(), at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.closed(repo: "o/app", pullNumber: 12, merged: false, byBot: true, at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.reopened(repo: "o/app", pullNumber: 12, at: h.clock.now())))
            #expect(try await h.store.fixOutcomes(FixOutcomeFilter(pullNumber: 12)).first?.closeAfter == nil)
        },
    ]

    static func opened(_ h: StoreHarness, repo: String = "o/app", number: Int = 12, job: Int64?, failedAt: Date) -> FixOutcome {
        FixOutcome(
            repo: repo, pullNumber: number, jobID: job, branch: "ci/autofix-7", failedAt: failedAt, openedAt: h.clock.now(), updatedAt: h.clock.now())
    }
}
