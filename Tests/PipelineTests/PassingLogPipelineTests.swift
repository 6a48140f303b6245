import ChildProcess
import Emulators
import Foundation
import Queue
import TestSupport
import Testing

/// The failing-vs-passing diff in the pipeline: the same job's log in the workflow's last green run on the
/// branch (served by the emulator like any run) tells routine output from the failure.
@Suite(.serialized) struct PassingLogPipelineTests {
    /// A traceback the runner's set-up prints on every run, green or red.
    static let routine = [
        "Traceback (most recent call last):", "  File \"/opt/hostedtoolcache/tools/sitecustomize.py\", line 3, in <module>", "    import distutils",
        "ModuleNotFoundError: No module named 'distutils'",
    ]

    /// A set-up step that prints the routine traceback, then the tests' real output (`pytest` on the broken
    /// commit) and the failing exit.
    static func failingLog(upstream: String) async throws -> String {
        let result = try await ProcessRunner().run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"], directory: upstream, timeout: .seconds(120))
        let lines =
            ["##[group]Run ./setup-env"] + routine + ["##[endgroup]"] + result.combinedOutput.split(separator: "\n").map(String.init)
            + ["##[error]Process completed with exit code 1."]
        return lines.enumerated().map { "2026-11-23T10:00:\(String(format: "%02d", $0.offset % 60)).1234567Z \($0.element)" }.joined(separator: "\n") + "\n"
    }

    static func scenario() async throws -> PipelineScenario {
        let scenario = try await PipelineScenario.make { try await Self.failingLog(upstream: $0) }
        let passing = (["##[group]Run ./setup-env"] + Self.routine + ["##[endgroup]", "..", "2 passed in 0.41s"]).enumerated().map {
            "2026-11-22T09:00:\(String(format: "%02d", $0.offset)).7654321Z \($0.element)"
        }.joined(separator: "\n")
        scenario.github.addRun(
            EmulatedRun(
                id: 700, repo: PipelineScenario.repo, name: "CI", headSHA: scenario.sha, headBranch: "main", conclusion: "success",
                jobs: [.init(id: 41, name: "build", conclusion: "success", log: "ok\n"), .init(id: 42, name: "test", conclusion: "success", log: passing)]))
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        return scenario
    }

    @Test func aTracebackTheLastGreenRunPrintedToo_isNotSentToTheModel() async throws {
        let scenario = try await Self.scenario()
        let (job, prompts) = try await scenario.runReadingPrompts()
        #expect(job.state == .succeeded, "\(job.lastError ?? "")")
        let prompt = try #require(prompts.first)
        #expect(prompt.contains("assert add(2, 3) == 5") || prompt.contains("assert -1 == 5"), "the failure itself is there")
        #expect(!prompt.contains("No module named 'distutils'"), "the routine traceback is not")
        let env = scenario.environment(api: URL(string: "http://127.0.0.1:1")!, llm: URL(string: "http://127.0.0.1:1")!)
        let stages = try await scenario.store(env).runs(jobID: job.id).flatMap(\.stages)
        let extract = try #require(stages.first { $0.stage == "extract_errors" })
        #expect(extract.detail?.contains("ranked against 1 passing log of run 700") == true, "\(extract.detail ?? "")")
    }

    @Test func onABranchWithoutAGreenRun_theDefaultBranchsLastGreenRunIsCompared() async throws {
        let scenario = try await Self.scenario()
        var run = try #require(scenario.github.run(id: PipelineScenario.runID))
        run.headBranch = "feature-x"
        scenario.github.addRun(run)
        try await scenario.withPeers { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            let enqueued = try await AutofixProcess.run(
                ["enqueue", "--repo", PipelineScenario.repo, "--run-id", String(PipelineScenario.runID), "--branch", "feature-x", "--head-sha", scenario.sha],
                environment: env, directory: URL(fileURLWithPath: scenario.dir))
            #expect(enqueued.status == 0, "\(enqueued.stderr)")
            _ = try await scenario.drain(env)
            let store = try await scenario.store(env)
            let job = try #require(try await store.jobs(JobFilter()).first)
            #expect(job.state == .succeeded, "\(job.lastError ?? "")")
            let extract = try #require(try await store.runs(jobID: job.id).flatMap(\.stages).first { $0.stage == "extract_errors" })
            #expect(extract.detail?.contains("ranked against 1 passing log of run 700 on main") == true, "\(extract.detail ?? "")")
            let prompt = try #require(scenario.llm.received.first?.body)
            #expect(!prompt.contains("No module named 'distutils'"), "the routine traceback is not sent")
        }
    }

    @Test func withTheDiffOff_theSameTracebackReachesTheModel() async throws {
        let scenario = try await Self.scenario()
        let (job, prompts) = try await scenario.runReadingPrompts(["AUTOFIX_PIPELINE_PASSING_LOG_DIFF": "false"])
        #expect(job.state == .succeeded, "\(job.lastError ?? "")")
        #expect(prompts.first?.contains("No module named 'distutils'") == true, "the comparison is what kept it out")
    }
}
