import ChildProcess
import Emulators
import Foundation
import Queue
import TestSupport
import Testing

/// The acceptance scenarios of the pipeline, through the real `autofix` binaries, SQLite, git and loopback peers.
@Suite(.serialized) struct PipelineEndToEndTests {
    func withPeers(_ scenario: PipelineScenario, _ body: @Sendable @escaping (URL, URL) async throws -> Void) async throws {
        try await scenario.withPeers(body)
    }

    @Test func failingPytest_opensDraftPullRequestWhoseBranchPassesTheTests() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            try await scenario.enqueue(env)
            let worker = try await scenario.drain(env)
            let job = try #require(try await scenario.store(env).jobs(JobFilter()).first)
            #expect(job.state == .succeeded, "\(job.lastError ?? "") \(worker.stderr)")
            let pulls = scenario.github.pulls(PipelineScenario.repo)
            try #require(pulls.count == 1)
            #expect(pulls[0].draft && pulls[0].head == "ci/autofix-777" && pulls[0].base == "main")
            #expect(pulls[0].labels == ["ci/autofix"])
            #expect(pulls[0].body.contains("test_add") && pulls[0].comments.count == 1)
            #expect(job.prURL == "https://github.com/octo/app/pull/\(pulls[0].number)")
            // The pull request's fate is recorded from its opening on, and listed by `autofix outcomes`.
            let outcome = try #require(try await scenario.store(env).fixOutcomes(FixOutcomeFilter()).first)
            #expect(outcome.pullNumber == pulls[0].number && outcome.jobID == job.id && outcome.branch == "ci/autofix-777" && outcome.outcome == "open")
            let listed = try await AutofixProcess.run(["outcomes", "--json"], environment: env, directory: URL(fileURLWithPath: scenario.dir))
            #expect(
                listed.status == 0 && listed.stdout.contains("\"pr_number\" : \(pulls[0].number)")
                    || listed.stdout.contains("\"pr_number\":\(pulls[0].number)"), "\(listed.stdout)")
            let run = try #require(try await scenario.store(env).runs(jobID: job.id).last)
            #expect(run.stages.map(\.stage) == ["fetch_logs", "extract_errors", "gather_context", "generate_patch", "validate", "open_pr"])
            #expect(run.tokensIn > 0 && run.promptVersion == "ci_autofix.v1")
            // The job's downloaded logs and worktree are gone once it ends.
            #expect(!FileManager.default.fileExists(atPath: "\(scenario.dir)/git/logs/job-\(job.id)"))
            #expect(!FileManager.default.fileExists(atPath: "\(scenario.dir)/git/worktrees/job-\(job.id)"))
            #expect(FileManager.default.fileExists(atPath: "\(scenario.dir)/git/mirrors/octo/app.git/HEAD"))
            // The branch as pushed, tested from a fresh clone.
            let clone = "\(scenario.dir)/verify"
            try await GitFixture.run(["git", "clone", "-q", "--branch", "ci/autofix-777", scenario.bare, clone])
            let tests = try await ProcessRunner().run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"], directory: clone)
            #expect(tests.succeeded, "\(tests.combinedOutput)")
            let author = try await GitFixture.run(["git", "log", "-1", "--format=%an <%ae>"], in: clone)
            #expect(author.hasPrefix("ci-autofix[bot]"))
            // The failed job's log came from the storage host, which never saw the token (it refuses any Authorization).
            let storage = scenario.github.recorded.filter { $0.target.hasPrefix("storage:") }
            #expect(storage.count == 1 && storage.allSatisfy { $0.headers["authorization"] == nil }, "\(storage.map(\.headers))")
        }
    }

    @Test func patchTouchingWorkflows_isRefusedAsNoFix_andNothingIsPushed() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.workflowPatch))
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            let job = try await scenario.runOnce(env)
            #expect(job.state == .noFix)
            #expect(job.lastError?.contains(".github/workflows/ci.yml") == true, "\(job.lastError ?? "")")
            #expect(try await scenario.pushedBranches().isEmpty)
            #expect(scenario.github.pulls(PipelineScenario.repo).isEmpty)
            // A rail's refusal is final: no correction round asked the model again.
            #expect(scenario.llm.received.count == 1)
        }
    }

    @Test func lintFailure_underOnlyTestFailuresPolicy_isSkippedWithTheReason() async throws {
        let scenario = try await PipelineScenario.make { _ in
            let lines = [
                "##[group]Run ruff check .", "ruff check .", "##[endgroup]",
                "app/calc.py:1:8: F401 [*] `os` imported but unused", "app/calc.py:9:80: E501 Line too long (97 > 79)",
                "Found 2 errors.", "[*] 1 fixable with the `--fix` option.", "##[error]Process completed with exit code 1.",
            ]
            return lines.map { "2026-11-23T10:00:00.0000000Z \($0)" }.joined(separator: "\n") + "\n"
        }
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            let job = try await scenario.runOnce(env)
            #expect(job.state == .skipped)
            #expect(job.lastError?.contains("lint, not a test failure") == true, "\(job.lastError ?? "")")
            #expect(scenario.llm.received.isEmpty)
        }
    }

    @Test func transientFaults_githubBadGatewayTwiceAndModelRateLimit_succeedWithRetriesOnTheRunRecord() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.github.inject(EmulatorFault(path: "/actions/runs/777", method: "GET", status: 502, count: 2))
        scenario.llm.enqueue(.status(429, retryAfter: 1), .reply(PipelineScenario.fix))
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            let job = try await scenario.runOnce(env)
            let store = try await scenario.store(env)
            #expect(job.state == .succeeded, "\(job.lastError ?? "")")
            let runs = try await store.runs(jobID: job.id)
            // The faults are absorbed inside the one attempt, not by retrying the job.
            #expect(runs.count == 1, "\(runs.map { "attempt \($0.attempt): \($0.outcome) \($0.error ?? "")" })")
            let stages = try #require(runs.last).stages
            let fetch = try #require(stages.first { $0.stage == "fetch_logs" })
            #expect(fetch.detail?.contains("retried 2× after: GitHub answered 502") == true, "\(fetch.detail ?? "")")
            let generate = try #require(stages.first { $0.stage == "generate_patch" })
            #expect(generate.detail?.contains("llm retried 1×") == true, "\(generate.detail ?? "")")
            #expect(scenario.llm.received.count == 2)
        }
    }

    @Test func workerKilledAfterPatchStage_resumesAtValidation_withoutSecondModelRequest() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        // The sandbox sees nothing of the host but what is mounted: the gate's directory is, read-only.
        let gates = "\(scenario.dir)/gates"
        try FileManager.default.createDirectory(atPath: gates, withIntermediateDirectories: true)
        let gate = "\(gates)/validation-may-finish"
        try await withPeers(scenario) { api, llm in
            // The first validation holds until the gate file exists; the worker is killed while it holds.
            let env = scenario.environment(
                api: api, llm: llm,
                [
                    "AUTOFIX_PIPELINE_TEST_COMMAND": "while [ ! -e \(gate) ]; do sleep 0.05; done; python3 -m pytest -q -p no:cacheprovider",
                    "AUTOFIX_SANDBOX_TOOLCHAIN_PATHS": gates,
                ])
            try await scenario.enqueue(env)
            let store = try await scenario.store(env)
            let worker = try AutofixProcess(["worker"], environment: env, directory: URL(fileURLWithPath: scenario.dir))
            try await Poll.until(timeout: .seconds(120), "the patch is checkpointed") {
                guard let job = try await store.jobs(JobFilter()).first else { return false }
                return try await store.checkpoints(jobID: job.id)["generate_patch"] != nil
            }
            worker.signal(SIGKILL)
            _ = try await worker.waitForExit()
            #expect(FileManager.default.createFile(atPath: gate, contents: nil))
            _ = try await scenario.drain(env)
            let job = try #require(try await store.jobs(JobFilter()).first)
            #expect(job.state == .succeeded, "\(job.lastError ?? "")")
            #expect(scenario.llm.received.count == 1)
            let runs = try await store.runs(jobID: job.id)
            #expect(runs.first?.outcome == "lease_expired")
            let resumed = try #require(runs.last).stages
            #expect(resumed.first { $0.stage == "generate_patch" }?.outcome == "resumed")
            #expect(resumed.first { $0.stage == "validate" }?.outcome == "ok")
        }
    }

    @Test func duplicateRunAndRetryAfterPullOpened_yieldExactlyOnePullRequest() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        // The first comment fails past the client's retries: the job retries after its PR exists.
        scenario.github.inject(EmulatorFault(path: "/comments", method: "POST", status: 500, count: 4))
        // The run was re-run and failed again: attempts 1 and 2 both exist, each with its own jobs.
        var run = try #require(scenario.github.run(id: PipelineScenario.runID))
        run.earlierAttempts = [
            (conclusion: "failure", jobs: run.jobs.map { EmulatedRun.Job(id: $0.id + 1000, name: $0.name, conclusion: $0.conclusion, log: $0.log) })
        ]
        scenario.github.addRun(run)
        try await withPeers(scenario) { api, llm in
            scenario.llm.enqueue(.reply(PipelineScenario.fix), .reply(PipelineScenario.fix))
            let env = scenario.environment(api: api, llm: llm)
            try await scenario.enqueue(env)
            try await scenario.enqueue(env)
            try await scenario.enqueue(env, attempt: 2)
            _ = try await scenario.drain(env)
            let jobs = try await scenario.store(env).jobs(JobFilter())
            #expect(jobs.count == 2)
            #expect(jobs.allSatisfy { $0.state == .succeeded }, "\(jobs.map { "\($0.state) \($0.lastError ?? "")" })")
            #expect(jobs.contains { $0.attempts > 1 })
            #expect(Set(jobs.compactMap(\.prURL)).count == 1)
            #expect(scenario.github.pulls(PipelineScenario.repo).count == 1)
            // The retried job found the PR without its evidence and posted it, once.
            #expect(scenario.github.pulls(PipelineScenario.repo).first?.comments.count == 1)
        }
    }

    @Test func secretsInTheLog_neverReachTheModel() async throws {
        let secrets = [SecretFixtures.githubToken, "AKIAIOSFODNN7EXAMPLE", SecretFixtures.privateKeyBody]
        let scenario = try await PipelineScenario.make { upstream in
            try await PipelineScenario.pytestLog(
                upstream: upstream,
                extra: [
                    "export GITHUB_TOKEN=\(SecretFixtures.githubToken)", "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE",
                ] + SecretFixtures.privateKey.split(separator: "\n").map(String.init))
        }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        let log = scenario.github.runLog(jobID: 52) ?? ""
        // The secrets sit in the failing step's output, beside the failure.
        #expect(secrets.allSatisfy { log.contains($0) })
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(
                api: api, llm: llm, ["AUTOFIX_PIPELINE_TEST_COMMAND": "echo \(SecretFixtures.githubToken); python3 -m pytest -q -p no:cacheprovider"])
            try await scenario.enqueue(env)
            _ = try await scenario.drain(env)
            #expect(!scenario.llm.received.isEmpty)
            for request in scenario.llm.received {
                for secret in secrets { #expect(!request.body.contains(secret)) }
            }
            for pull in scenario.github.pulls(PipelineScenario.repo) {
                for secret in secrets { #expect(!(pull.body + pull.comments.joined()).contains(secret)) }
            }
        }
    }

    @Test func githubUnauthorized_endsDeadWithAnAuthenticationMessage() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm, ["AUTOFIX_GITHUB_TOKEN": "ghp_revoked"])
            let job = try await scenario.runOnce(env)
            #expect(job.state == .dead)
            #expect(job.attempts == 1)
            #expect(job.lastError?.contains("GitHub authentication failed (401") == true, "\(job.lastError ?? "")")
            #expect(scenario.llm.received.isEmpty)
        }
    }

    @Test func patchFailingTheTests_getsACorrectionRound_thenSucceeds() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        let wrong = PipelineScenario.fix.replacingOccurrences(of: "+    return a + b", with: "+    return a * b")
        scenario.llm.enqueue(.reply(wrong), .reply(PipelineScenario.fix))
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            let job = try await scenario.runOnce(env)
            let store = try await scenario.store(env)
            #expect(job.state == .succeeded, "\(job.lastError ?? "")")
            #expect(scenario.llm.received.count == 2)
            // The second request carries the failing test output back to the model.
            let correction = try #require(scenario.llm.received.last?.body)
            #expect(correction.contains("the tests failed") && correction.contains("test_output>"), "\(correction)")
            let validate = try #require(try await store.runs(jobID: job.id).last?.stages.first { $0.stage == "validate" })
            #expect(validate.detail?.contains("round 2 passed") == true, "\(validate.detail ?? "")")
            // The tests ran three times (the commit as it was, then each round) on one checkout.
            #expect(validate.detail?.contains("3 test runs on overlay trees over 1 checkout") == true, "\(validate.detail ?? "")")
        }
    }

    @Test func theNextJobOfTheRepository_movesTheKeptCheckoutToItsCommit_insteadOfCheckingOutAgain() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix), .reply(PipelineScenario.fix))
        // A later push that changed another file, whose run failed the same way.
        let script = """
            set -e
            echo "a note" > NOTES.md
            git add NOTES.md
            git -c user.name=Octo -c user.email=octo@example.com commit -qm notes
            git push -q "$1" HEAD:refs/heads/main
            git rev-parse HEAD
            """
        let next = try await GitFixture.run(["sh", "-c", script, "sh", scenario.bare], in: "\(scenario.dir)/upstream")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var later = try #require(scenario.github.run(id: PipelineScenario.runID))
        later.id = 4242
        later.headSHA = next
        scenario.github.addRun(later)
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm, ["AUTOFIX_WORKER_CONCURRENCY": "1"])
            try await scenario.enqueue(env)
            let enqueued = try await AutofixProcess.run(
                ["enqueue", "--repo", PipelineScenario.repo, "--run-id", "4242", "--branch", "main", "--head-sha", next],
                environment: env, directory: URL(fileURLWithPath: scenario.dir))
            #expect(enqueued.status == 0, "\(enqueued.stderr)")
            _ = try await scenario.drain(env)
            let store = try await scenario.store(env)
            let jobs = try await store.jobs(JobFilter()).sorted { $0.id < $1.id }
            #expect(jobs.count == 2 && jobs.allSatisfy { $0.state == .succeeded }, "\(jobs.map { "\($0.state) \($0.lastError ?? "")" })")
            var details: [String] = []
            for job in jobs { details.append(try await store.runs(jobID: job.id).last?.stages.first { $0.stage == "validate" }?.detail ?? "") }
            #expect(details.first?.contains("over 1 checkout") == true && details.first?.contains("moved") == false, "\(details)")
            #expect(details.last?.contains("over 1 checkout, moved from an earlier job's commit") == true, "\(details)")
            // The second fix was validated on the later commit's tree, with its new file.
            #expect(scenario.github.pulls(PipelineScenario.repo).count == 2)
        }
    }

    @Test func withoutOverlayTrees_everyTestRunGetsAFreshCheckout() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        let wrong = PipelineScenario.fix.replacingOccurrences(of: "+    return a + b", with: "+    return a * b")
        scenario.llm.enqueue(.reply(wrong), .reply(PipelineScenario.fix))
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm, ["AUTOFIX_SANDBOX_OVERLAY": "false"])
            let job = try await scenario.runOnce(env)
            let store = try await scenario.store(env)
            #expect(job.state == .succeeded, "\(job.lastError ?? "")")
            let validate = try #require(try await store.runs(jobID: job.id).last?.stages.first { $0.stage == "validate" })
            #expect(validate.detail?.contains("3 test runs on 3 checkouts") == true, "\(validate.detail ?? "")")
        }
    }

    @Test func runOnAnAutofixBranch_isSkippedByTheLoopGuard() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            let result = try await AutofixProcess.run(
                ["enqueue", "--repo", PipelineScenario.repo, "--run-id", "778", "--branch", "ci/autofix-777"],
                environment: env, directory: URL(fileURLWithPath: scenario.dir))
            #expect(result.status == 0)
            _ = try await scenario.drain(env)
            let job = try #require(try await scenario.store(env).jobs(JobFilter()).first)
            #expect(job.state == .skipped && job.lastError?.contains("loop guard") == true, "\(job.lastError ?? "")")
            #expect(scenario.github.requests.isEmpty && scenario.llm.received.isEmpty)
        }
    }

    @Test func replyCutOffByTheTokenLimit_isAskedAgainWithALargerBudget_neverPublishedHalfWritten() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        // A half-written hunk that would still apply: it deletes the `return` and stops.
        let cut =
            "Fix add.\n\n```diff\n--- a/app/calc.py\n+++ b/app/calc.py\n@@ -1,3 +1,2 @@\n def add(a, b):\n     \"\"\"Sum of two numbers.\"\"\"\n-    return a - b\n"
        scenario.llm.enqueue(.truncated(cut), .truncated(cut))
        try await withPeers(scenario) { api, llm in
            let env = scenario.environment(api: api, llm: llm)
            let job = try await scenario.runOnce(env)
            #expect(job.state == .noFix && job.lastError?.contains("cut off by the token limit") == true, "\(job.lastError ?? "")")
            #expect(try await scenario.pushedBranches().isEmpty)
            let budgets = scenario.llm.received.compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.body.utf8)) as? [String: Any])?["max_tokens"] as? Int
            }
            #expect(budgets.count == 2 && budgets[1] == budgets[0] * 2, "\(budgets)")
        }
    }
}

/// Which attempt of a run a job reads: the one it was enqueued for.
@Suite(.serialized) struct RunAttemptTests {
    @Test func failedAttemptOne_whoseReRunPassed_isStillFixed_fromAttemptOnesJobs() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        var run = try #require(scenario.github.run(id: PipelineScenario.runID))
        // Attempt 1 failed (its jobs hold the failing log); attempt 2, the latest, passed.
        run.earlierAttempts = [(conclusion: "failure", jobs: run.jobs)]
        run.jobs = run.jobs.map { EmulatedRun.Job(id: $0.id + 1000, name: $0.name, conclusion: "success", log: "ok\n") }
        run.conclusion = "success"
        scenario.github.addRun(run)
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let job = try await scenario.runOnce(scenario.environment(api: api, llm: llm))
                #expect(job.state == .succeeded, "\(job.lastError ?? "")")
                #expect(scenario.github.requests.contains("GET /repos/octo/app/actions/runs/777/attempts/1/jobs"))
                #expect(scenario.github.requests.contains("GET storage:/job-logs/52"))
            }
        }
    }
}

/// Where the PR goes.
@Suite(.serialized) struct PullBaseTests {
    @Test func runOnATag_opensThePullAgainstTheDefaultBranch() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        var run = try #require(scenario.github.run(id: PipelineScenario.runID))
        run.headBranch = "v1.0.0"
        scenario.github.addRun(run)
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let env = scenario.environment(api: api, llm: llm)
                let result = try await AutofixProcess.run(
                    ["enqueue", "--repo", PipelineScenario.repo, "--run-id", String(PipelineScenario.runID)],
                    environment: env, directory: URL(fileURLWithPath: scenario.dir))
                #expect(result.status == 0)
                _ = try await scenario.drain(env)
                let pulls = scenario.github.pulls(PipelineScenario.repo)
                #expect(pulls.count == 1 && pulls.first?.base == "main", "\(pulls.map(\.base))")
            }
        }
    }
}

/// A plan without draft pull requests.
@Suite(.serialized) struct DraftUnavailableTests {
    @Test(arguments: [false, true])
    func draftsUnavailable_endNoFixWithoutOrphanBranch_orOpenAReadyDraftTitledPR(ready: Bool) async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.github.disableDrafts(PipelineScenario.repo)
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let env = scenario.environment(api: api, llm: llm, ["AUTOFIX_PIPELINE_READY_WHEN_DRAFTS_UNAVAILABLE": ready ? "true" : "false"])
                let job = try await scenario.runOnce(env)
                let pulls = scenario.github.pulls(PipelineScenario.repo)
                if ready {
                    #expect(job.state == .succeeded, "\(job.lastError ?? "")")
                    #expect(pulls.count == 1 && pulls[0].draft == false && pulls[0].title.hasPrefix("[draft]"))
                } else {
                    #expect(job.state == .noFix && job.lastError?.contains("draft pull requests are not available") == true, "\(job.lastError ?? "")")
                    #expect(pulls.isEmpty)
                    #expect(try await scenario.pushedBranches().isEmpty, "no orphan branch")
                }
            }
        }
    }
}

/// Today's services, through the real worker.
@Suite(.serialized) struct ProductionFidelityTests {
    @Test func reasoningModel_isAskedWithItsOwnParameters_andTheFixLands() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                // The scripted model answers 400 to `max_tokens` or a temperature for this family, as OpenAI does.
                let job = try await scenario.runOnce(scenario.environment(api: api, llm: llm, ["AUTOFIX_LLM_MODEL": "o3-mini"]))
                #expect(job.state == .succeeded, "\(job.lastError ?? "")")
            }
        }
    }

    @Test func secondaryRateLimitWithoutRetryAfter_isAJobRetryAfterAMinute_neverDead() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.github.inject(EmulatorFault(path: "/actions/runs/", method: "GET", status: 403, count: 10, kind: .secondaryRateLimit))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let env = scenario.environment(api: api, llm: llm, ["AUTOFIX_GITHUB_MAX_RETRY_WAIT": "1s"])
                try await scenario.enqueue(env)
                let worker = try AutofixProcess(["worker"], environment: env, directory: URL(fileURLWithPath: scenario.dir))
                let store = try await scenario.store(env)
                try await Poll.until(timeout: .seconds(60), "the rate-limited job is back in the queue") {
                    guard let job = try await store.jobs(JobFilter()).first else { return false }
                    return job.attempts == 1 && job.state == .queued && (job.lastError ?? "").contains("rate limit")
                }
                worker.signal(SIGTERM)
                _ = try await worker.waitForExit()
                let job = try #require(try await store.jobs(JobFilter()).first)
                // Scheduled no sooner than GitHub's "at least one minute".
                #expect(job.runAt.timeIntervalSinceNow > 45, "\(job.runAt)")
            }
        }
    }
}

/// A fix that needs two files lands as one PR with both.
@Suite(.serialized) struct TwoFileFixTests {
    /// The scenario's fix, plus a second file in the same diff block.
    static let twoFiles =
        String(PipelineScenario.fix.dropLast(3)) + """
            --- a/app/__init__.py
            +++ b/app/__init__.py
            @@ -0,0 +1 @@
            +# The calculator package.
            ```
            """

    @Test func twoFileFix_opensOnePullRequestWithBothFiles() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(Self.twoFiles))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let job = try await scenario.runOnce(scenario.environment(api: api, llm: llm))
                #expect(job.state == .succeeded, "\(job.lastError ?? "")")
                #expect(scenario.github.pulls(PipelineScenario.repo).count == 1)
                let changed = try await GitFixture.run(["git", "--git-dir", scenario.bare, "diff", "--name-only", scenario.sha, "ci/autofix-777"])
                #expect(changed == "app/__init__.py\napp/calc.py\n", "\(changed)")
            }
        }
    }
}

/// GitHub says "already exists" in `errors[]` of a 422, not in its `message`.
@Suite(.serialized) struct PullRaceTests {
    @Test func aPullOnTheFixBranchHoldingOtherChanges_isNotAdopted_andNothingIsPublished() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        // Anyone who can push can name a branch like the fix branch and open a pull request from it.
        let upstream = "\(scenario.dir)/upstream"
        try "print('not what the bot validated')\n".write(toFile: "\(upstream)/app/other.py", atomically: true, encoding: .utf8)
        try await GitFixture.run(["git", "add", "-A"], in: upstream)
        try await GitFixture.run(["git", "-c", "user.name=m", "-c", "user.email=m@example.com", "commit", "-qm", "mine"], in: upstream)
        try await GitFixture.run(["git", "push", "-q", scenario.bare, "HEAD:refs/heads/ci/autofix-777"], in: upstream)
        let planted = try await GitFixture.run(["git", "rev-parse", "HEAD"], in: upstream)
        scenario.github.openPull(PipelineScenario.repo, head: "ci/autofix-777", base: "main", title: "looks like a fix")
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                let job = try await scenario.runOnce(scenario.environment(api: api, llm: llm))
                #expect(job.state == .noFix && job.lastError?.contains("holds changes the bot did not validate") == true, "\(job.lastError ?? "")")
                let pull = try #require(scenario.github.pulls(PipelineScenario.repo).first)
                #expect(pull.labels.isEmpty && pull.comments.isEmpty, "no label, no evidence on what the bot did not validate")
                let head = try await GitFixture.run(["git", "--git-dir", scenario.bare, "rev-parse", "ci/autofix-777"])
                #expect(head == planted, "the branch is left as it was")
                #expect(try await scenario.store(scenario.environment(api: api, llm: llm)).fixOutcomes(FixOutcomeFilter()).isEmpty)
            }
        }
    }

    @Test func pullOpenedByAnotherWorkerBetweenListAndCreate_isReused_withItsEvidence() async throws {
        let scenario = try await PipelineScenario.make { try await PipelineScenario.pytestLog(upstream: $0) }
        scenario.llm.enqueue(.reply(PipelineScenario.fix))
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                // Another worker's PR for the branch exists, but this worker's two listings ran before it.
                scenario.github.openPull(PipelineScenario.repo, head: "ci/autofix-777", base: "main", title: "from another worker")
                scenario.github.staleListings(2)
                let job = try await scenario.runOnce(scenario.environment(api: api, llm: llm))
                #expect(job.state == .succeeded, "\(job.lastError ?? "")")
                let pulls = scenario.github.pulls(PipelineScenario.repo)
                #expect(pulls.count == 1 && job.prURL?.hasSuffix("/pull/\(pulls[0].number)") == true, "\(job.prURL ?? "")")
                #expect(pulls.first?.comments.count == 1 && pulls.first?.labels == ["ci/autofix"])
            }
        }
    }
}
