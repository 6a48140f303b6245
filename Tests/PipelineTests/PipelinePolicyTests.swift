import FeatureConfiguration
import LogAnalysis
import Pipeline
import Testing

/// The behaviour contract, decision by decision.
@Suite struct PipelinePolicyTests {
    let policy = PipelinePolicy(configuration: PipelineConfiguration())

    @Test func loopGuard_skipsOurOwnBranchesOnly() {
        #expect(policy.loopGuard(branch: "ci/autofix-777")?.contains("loop guard") == true)
        #expect(policy.loopGuard(branch: "main") == nil && policy.loopGuard(branch: nil) == nil)
    }

    @Test func forkGuard_skipsForksAndRunsThatDoNotSay_unlessTurnedOff() {
        #expect(policy.forkGuard(headRepository: "mallory/app", repository: "octo/app")?.contains("fork mallory/app") == true)
        #expect(policy.forkGuard(headRepository: nil, repository: "octo/app") != nil)
        #expect(policy.forkGuard(headRepository: "Octo/App", repository: "octo/app") == nil)
        var open = PipelineConfiguration()
        open.skipForks = false
        #expect(PipelinePolicy(configuration: open).forkGuard(headRepository: "mallory/app", repository: "octo/app") == nil)
    }

    @Test func failureKind_actsOnFailuresOfTheCodeUnderTestOnly_byDefault() {
        #expect(policy.failureKind(.test) == nil)
        #expect(policy.failureKind(.build) == nil, "a compile error in the test job (a missed rename) is the code's failure")
        #expect(policy.failureKind(.type) == nil)
        #expect(policy.failureKind(.unknown) == nil, "an unrecognised format (a project's own harness) is left to the sandboxed tests")
        #expect(policy.failureKind(.lint)?.contains("not a test failure") == true)
        for kind in [FailureKind.dependency, .infra, .timeout, .cancelled] { #expect(policy.failureKind(kind) != nil) }
        var any = PipelineConfiguration()
        any.onlyTestFailures = false
        #expect(PipelinePolicy(configuration: any).failureKind(.build) == nil)
    }

    @Test func openPullLimit_atTheLimit_skips() {
        #expect(policy.openPullLimit(open: 2, repo: "octo/app") == nil)
        #expect(policy.openPullLimit(open: 3, repo: "octo/app")?.contains("limit 3") == true)
    }

    @Test func modelDeclined_readsNOFIX() {
        #expect(policy.modelDeclined("  NO_FIX the test expects a network") != nil)
        #expect(policy.modelDeclined("Fix: use +\n```diff") == nil)
    }
}
