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
            #expect(try await h.store.applyFixEvent(.ciCompleted(repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "success", at: green)))
            h.clock.advance(by: .seconds(60))
            #expect(
                try await h.store.applyFixEvent(.ciCompleted(repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "failure", at: h.clock.now())))
            #expect(
                try await h.store.applyFixEvent(.ciCompleted(repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "success", at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.reviewed(repo: "o/app", pullNumber: 12, state: "approved", at: h.clock.now())))
            #expect(try await h.store.applyFixEvent(.closed(repo: "o/app", pullNumber: 12, merged: true, byBot: false, at: h.clock.now())))
            let outcome = try #require(try await h.store.fixOutcomes(FixOutcomeFilter()).first)
            #expect(outcome.ci == .passed && outcome.ciRuns == 3 && outcome.ciWorkflow == "CI")
            #expect(outcome.firstGreenAt == green && outcome.secondsToGreen == 100)
            #expect(outcome.pull == .merged && outcome.closedBy == "maintainer" && outcome.review == "approved")
            #expect(outcome.outcome == "merged" && outcome.jobID == job.id)
            // A merged pull request's branch runs no longer change its record.
            #expect(
                !(try await h.store.applyFixEvent(.ciCompleted(repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "failure", at: h.clock.now())))
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
            #expect(!(try await h.store.applyFixEvent(.ciCompleted(repo: "o/app", branch: "main", workflow: "CI", conclusion: "failure", at: h.clock.now()))))
            #expect(
                !(try await h.store.applyFixEvent(.ciCompleted(repo: "o/app", branch: "ci/autofix-7", workflow: "CI", conclusion: "neutral", at: h.clock.now())))
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
    ]

    static func opened(_ h: StoreHarness, repo: String = "o/app", number: Int = 12, job: Int64?, failedAt: Date) -> FixOutcome {
        FixOutcome(
            repo: repo, pullNumber: number, jobID: job, branch: "ci/autofix-7", failedAt: failedAt, openedAt: h.clock.now(), updatedAt: h.clock.now())
    }
}
