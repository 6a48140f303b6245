import Emulators
import Foundation
import LogAnalysis
import Queue
import TestSupport
import Testing

@testable import Pipeline

/// A failure whose fix a maintainer closed unmerged is not attempted again for a while (Renovate's
/// "closed pull requests are not recreated").
@Suite(.serialized) struct ClosedFixTests {
    @Test func aRerunOfAFailureWhoseFixAMaintainerClosed_isSkippedWithTheReason() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        try scenario.reRunFailingTheSameWay()
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let env = scenario.environment(api: api, llm: llm)
                try await scenario.enqueue(env, attempt: 1)
                _ = try await scenario.drain(env)
                let store = try await scenario.store(env)
                let opened = try #require(try await store.fixOutcomes(FixOutcomeFilter()).first)
                #expect(opened.failureSignature?.count == 24)
                // The maintainer closes it (as the pull_request webhook reports), and the run is re-run.
                try await store.applyFixEvent(.closed(repo: PipelineScenario.repo, pullNumber: opened.pullNumber, merged: false, byBot: false, at: Date()))
                try await scenario.enqueue(env, attempt: 2)
                _ = try await scenario.drain(env)
                let second = try #require(
                    try await store.jobs(JobFilter()).first { $0.payload.contains("\"run_attempt\":2") || $0.dedupeKey?.hasSuffix("#2") == true })
                #expect(second.state == .skipped, "\(second.lastError ?? "")")
                #expect(second.lastError?.contains("a maintainer closed the fix for this failure (#\(opened.pullNumber))") == true, "\(second.lastError ?? "")")
                #expect(scenario.llm.received.count == 1, "no model call for the skipped job")
            }
        }
    }

    @Test func theSignature_ignoresNumbers_butNotTheBranchOrTheMessage() {
        func errors(_ message: String) -> ExtractedErrors {
            ExtractedErrors(failureKind: .test, errors: [ExtractedError(job: "test", message: message, locations: [], rule: "r", kind: .test, excerpt: "")])
        }
        let a = FailureSignature.of(branch: "main", errors: errors("assert 5 == -1 at 0x7ffd12 after 1.23s"))
        #expect(a == FailureSignature.of(branch: "main", errors: errors("assert 6 == -2 at 0x7aaa99 after 0.98s")))
        #expect(a != FailureSignature.of(branch: "release", errors: errors("assert 5 == -1 at 0x7ffd12 after 1.23s")))
        #expect(a != FailureSignature.of(branch: "main", errors: errors("KeyError: 'total'")))
    }
}
