import Emulators
import Foundation
import Queue
import TestSupport
import Testing

/// The prompt shows what changed since the workflow last passed on the branch, not only the failing commit.
@Suite(.serialized) struct RecentChangeTests {
    @Test func aGreenRunBeforeTheFailure_thePromptShowsTheChangesSinceItToTheFilesShown() async throws {
        var scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        let green = scenario.sha
        // A second commit on the branch touches a shown file and one the failure never names.
        let upstream = "\(scenario.dir)/upstream"
        let calc = try String(contentsOfFile: "\(upstream)/app/calc.py", encoding: .utf8)
        try Data(calc.replacingOccurrences(of: "return a * 2", with: "return a * 2  # twice").utf8).write(to: URL(fileURLWithPath: "\(upstream)/app/calc.py"))
        try Data("# Notes\n".utf8).write(to: URL(fileURLWithPath: "\(upstream)/NOTES.md"))
        try await GitFixture.run(["git", "add", "-A"], in: upstream)
        try await GitFixture.run(["git", "-c", "user.name=Octo", "-c", "user.email=octo@example.com", "commit", "-qm", "tweak"], in: upstream)
        try await GitFixture.run(["git", "push", "-q", scenario.bare, "HEAD:refs/heads/main"], in: upstream)
        scenario.sha = try await GitFixture.run(["git", "rev-parse", "HEAD"], in: upstream).trimmingCharacters(in: .whitespacesAndNewlines)
        let failing = try #require(scenario.github.run(id: PipelineScenario.runID))
        var moved = failing
        moved.headSHA = scenario.sha
        scenario.github.addRun(moved)
        // Newest first on GitHub: a later green run (another branch) and the one that counts.
        scenario.github.addRun(EmulatedRun(id: 700, repo: PipelineScenario.repo, headSHA: green, headBranch: "main", conclusion: "success", jobs: []))
        scenario.github.addRun(EmulatedRun(id: 701, repo: PipelineScenario.repo, headSHA: green, headBranch: "feature", conclusion: "success", jobs: []))
        scenario.llm.enqueue(.reply(PipelineScenario.fix))

        let prompt = try await run(scenario)
        #expect(prompt.contains("since the last successful run of this workflow on the branch (\(green.prefix(12))..\(scenario.sha.prefix(12)))"))
        #expect(prompt.contains("+    return a * 2  # twice"))
        #expect(!prompt.contains("NOTES.md"), "only the files shown")
        let listed = scenario.github.recorded.filter { $0.target.contains("/actions/workflows/1/runs") }
        #expect(listed.count == 1 && listed[0].target.contains("branch=main") && listed[0].target.contains("status=success"))
    }

    @Test func noGreenRunOnTheBranch_thePromptShowsTheCommitUnderTest() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        let prompt = try await run(scenario)
        #expect(prompt.contains("The commit under test:"))
        #expect(!prompt.contains("since the last successful run"))
    }

    func run(_ scenario: PipelineScenario) async throws -> String {
        let (job, prompts) = try await scenario.runReadingPrompts()
        #expect(job.state == .succeeded, "\(job.lastError ?? "")")
        return prompts.last ?? ""
    }
}

/// `pipeline.localization: model`: a first call picks the places, the patch call shows them first.
@Suite(.serialized) struct ModelLocalizationEndToEndTests {
    @Test func theModelsPick_isShownFirst_andBothCallsAreOnTheRunRecord() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply("app/calc.py:6\nnot a place\n/etc/passwd:1"))
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        let (job, prompts) = try await scenario.runReadingPrompts(["AUTOFIX_PIPELINE_LOCALIZATION": "model"])
        #expect(job.state == .succeeded, "\(job.lastError ?? "")")
        try #require(prompts.count == 2)
        #expect(prompts[0].contains("fault localizer") && prompts[0].contains("app/calc.py:1 add") && prompts[0].contains("app/calc.py:6 double"))
        // The pick (`double`, which no frame names) is the first section the patch prompt shows.
        let firstSection = try #require(prompts[1].range(of: "<code path=\"").map { prompts[1][$0.upperBound...].prefix(200) })
        #expect(firstSection.hasPrefix("app/calc.py") && firstSection.contains("def double"), "\(firstSection)")
        #expect(!prompts[1].contains("passwd"))
        let env = scenario.environment(api: URL(string: "http://127.0.0.1:1")!, llm: URL(string: "http://127.0.0.1:1")!)
        // The attempt that gathered the context (a loaded machine can fail an attempt later on; the retry
        // resumes from the checkpoints and asks the model nothing again).
        let runs = try await scenario.store(env).runs(jobID: job.id)
        let gather = runs.flatMap(\.stages).first { $0.stage == "gather_context" && $0.outcome == "ok" }
        #expect(gather?.detail?.contains("model picked 1 places") == true, "\(runs.map { ($0.outcome, $0.error ?? "") })")
        // The scripted model counts a quarter token per prompt byte: the runs' total holds both calls.
        let tokensIn = runs.reduce(0) { $0 + $1.tokensIn }
        #expect(tokensIn > prompts[1].utf8.count / 4 + prompts[0].utf8.count / 8, "\(tokensIn)")
    }
}
