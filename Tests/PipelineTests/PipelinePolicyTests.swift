import FeatureConfiguration
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

    @Test func failureKind_actsOnTestFailuresOnly_byDefault() {
        #expect(policy.failureKind(.test) == nil)
        #expect(policy.failureKind(.lint)?.contains("not a test failure") == true)
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
