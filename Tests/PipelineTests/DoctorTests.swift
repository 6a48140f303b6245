import Emulators
import Foundation
import TestSupport
import Testing

/// `autofix doctor` through the real binary, against the emulators.
@Suite(.serialized) struct DoctorTests {
    @Test func healthyDeployment_everyCheckOK_andThePushProbeLeavesNoBranch() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply("OK"))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let result = try await AutofixProcess.run(
                    ["doctor", "--repo", PipelineScenario.repo], environment: scenario.environment(api: api, llm: llm),
                    directory: URL(fileURLWithPath: scenario.dir))
                #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
                for name in ["database", "sandbox", "git", "github read", "github pulls", "github push", "model"] {
                    #expect(result.stdout.contains("ok   \(name):"), "\(name): \(result.stdout)")
                }
                #expect(try await scenario.pushedBranches().isEmpty)
            }
        }
    }

    @Test func brokenDeployment_saysWhatToFix_andExitsNonZero() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.status(401))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let env = scenario.environment(
                    api: api, llm: llm,
                    ["AUTOFIX_GITHUB_TOKEN": "ghp_" + "wrongTokenForTheDoctorTest0123456789", "AUTOFIX_SANDBOX_BWRAP": "/nonexistent/bwrap"])
                let result = try await AutofixProcess.run(
                    ["doctor", "--repo", PipelineScenario.repo], environment: env, directory: URL(fileURLWithPath: scenario.dir))
                #expect(result.status == 1)
                #expect(result.stdout.contains("FAIL sandbox:") && result.stdout.contains("install bubblewrap"), "\(result.stdout)")
                #expect(result.stdout.contains("FAIL github read:") && result.stdout.contains("401"), "\(result.stdout)")
                #expect(result.stdout.contains("FAIL model:") && result.stdout.contains("llm.api_key"), "\(result.stdout)")
            }
        }
    }
}
