import App
import ChildProcess
import Emulators
import Foundation
import Queue
import TestSupport

/// One end-to-end set-up: a Python repository with a failing pytest in a real bare repository, the GitHub
/// emulator and the scripted model on loopback, and the real `autofix worker` binary over a real SQLite file.
struct PipelineScenario: Sendable {
    static let repo = "octo/app"
    static let runID: UInt64 = 777
    static let token = "ghp_" + "scenarioToken0123456789abcdefXYZ0"

    static let files: [String: String] = [
        "app/__init__.py": "",
        "app/calc.py": "def add(a, b):\n    \"\"\"Sum of two numbers.\"\"\"\n    return a - b\n\n\ndef double(a):\n    return a * 2\n",
        "tests/__init__.py": "",
        "tests/test_calc.py":
            "from app.calc import add, double\n\n\ndef test_add():\n    assert add(2, 3) == 5\n\n\ndef test_double():\n    assert double(4) == 8\n",
        ".github/workflows/ci.yml":
            "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python -m pytest -q\n",
    ]

    static let fix = """
        `add` subtracts instead of adding, so `test_add` fails with 5 != -1. Use `+`.

        ```diff
        --- a/app/calc.py
        +++ b/app/calc.py
        @@ -1,3 +1,4 @@
         def add(a, b):
             \"\"\"Sum of two numbers.\"\"\"
        -    return a - b
        +    # The sum adds its operands (it subtracted them).
        +    return a + b
        ```
        """

    static let workflowPatch = """
        Skip the failing step.

        ```diff
        --- a/.github/workflows/ci.yml
        +++ b/.github/workflows/ci.yml
        @@ -7,1 +7,1 @@
        -      - run: python -m pytest -q
        +      - run: python -m pytest -q || true
        ```
        """

    let dir: String
    var sha: String
    let github: GitHubEmulator
    let llm: ScriptedLLMServer
    var bare: String { "\(dir)/remote/\(Self.repo).git" }

    /// Builds the repository and the emulated run; `log` is the failed job's raw log.
    static func make(extraFiles: (String) -> [String: String] = { _ in [:] }, log: (String) async throws -> String) async throws -> PipelineScenario {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-e2e-\(UUID().uuidString.prefix(8))").path
        let sha = try await GitFixture.bareRepository(at: "\(dir)/remote/\(repo).git", files: files.merging(extraFiles(dir)) { $1 }, scratch: "\(dir)/upstream")
        let github = GitHubEmulator(tokens: [token])
        github.addRepository(repo, bare: "\(dir)/remote/\(repo).git")
        let text = try await log("\(dir)/upstream")
        github.addRun(
            EmulatedRun(
                id: runID, repo: repo, name: "CI", headSHA: sha, headBranch: "main",
                jobs: [.init(id: 51, name: "build", conclusion: "success", log: "ok\n"), .init(id: 52, name: "test", conclusion: "failure", log: text)]))
        return PipelineScenario(dir: dir, sha: sha, github: github, llm: ScriptedLLMServer())
    }

    /// The run was re-run and attempt 2 failed the same way as attempt 1.
    func reRunFailingTheSameWay() throws {
        guard var run = github.run(id: Self.runID) else { throw GitFixture.Failed(description: "no run \(Self.runID)") }
        run.earlierAttempts = [(conclusion: "failure", jobs: run.jobs)]
        github.addRun(run)
    }

    /// A GitHub Actions log around the real output of `pytest` on the broken commit, plus `extra` lines.
    static func pytestLog(upstream: String, extra: [String] = [], output: [String] = []) async throws -> String {
        let result = try await ProcessRunner().run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"], directory: upstream, timeout: .seconds(120))
        precondition(!result.succeeded, "the fixture's tests must fail: \(result.combinedOutput)")
        var lines = ["##[group]Run actions/checkout@v4", "Fetching the repository", "##[endgroup]"] + extra
        lines += ["##[group]Run python -m pytest -q", "python -m pytest -q", "shell: /usr/bin/bash -e {0}", "##[endgroup]"]
        var printed = result.combinedOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // `output` goes where the failure is explained: right after pytest's first `E ` line.
        let at = printed.firstIndex { $0.hasPrefix("E ") }.map { $0 + 1 } ?? 0
        printed.insert(contentsOf: output, at: at)
        lines += printed
        lines.append("##[error]Process completed with exit code 1.")
        return lines.enumerated().map { "2026-11-23T10:00:\(String(format: "%02d", $0.offset % 60)).1234567Z \($0.element)" }.joined(separator: "\n") + "\n"
    }

    func environment(api: URL, llm: URL, _ extra: [String: String] = [:]) -> [String: String] {
        var env = WorkerTestEnvironment.fast(database: "\(dir)/autofix.sqlite")
        env["AUTOFIX_GITHUB_API_URL"] = api.absoluteString
        env["AUTOFIX_GITHUB_TOKEN"] = Self.token
        env["AUTOFIX_GITHUB_GIT_URL"] = "\(dir)/remote/{repo}.git"
        env["AUTOFIX_LLM_BASE_URL"] = llm.appendingPathComponent("v1").absoluteString
        env["AUTOFIX_LLM_API_KEY"] = "sk-test"
        env["AUTOFIX_PIPELINE_TEST_COMMAND"] = "python3 -m pytest -q -p no:cacheprovider"
        env.merge(extra) { $1 }
        return env
    }

    /// `autofix enqueue` for the run, through the real binary.
    func enqueue(_ env: [String: String], attempt: Int = 1) async throws {
        let result = try await AutofixProcess.run(
            ["enqueue", "--repo", Self.repo, "--run-id", String(Self.runID), "--run-attempt", String(attempt), "--branch", "main", "--head-sha", sha],
            environment: env, directory: URL(fileURLWithPath: dir))
        guard result.status == 0 else { throw GitFixture.Failed(description: "enqueue: \(result.stderr)") }
    }

    /// Runs `autofix worker --exit-when-idle` to its end.
    func drain(_ env: [String: String]) async throws -> AutofixProcess {
        let worker = try AutofixProcess(["worker", "--exit-when-idle"], environment: env, directory: URL(fileURLWithPath: dir))
        try await worker.waitForExit(timeout: .seconds(180))
        return worker
    }

    /// Enqueues the run, drains the worker, and returns the job as it ended.
    func runOnce(_ env: [String: String]) async throws -> Job {
        try await enqueue(env)
        _ = try await drain(env)
        guard let job = try await store(env).jobs(JobFilter()).first else { throw GitFixture.Failed(description: "no job in the queue") }
        return job
    }

    /// Runs `body` with the emulated GitHub and the scripted model listening (their base URLs).
    func withPeers(_ body: @Sendable @escaping (URL, URL) async throws -> Void) async throws {
        try await github.run { api in
            try await llm.run { llm in try await body(api, llm) }
        }
    }

    /// Runs the worker on the run with `extra` settings; returns the job as it ended and each prompt the
    /// model received (system and user text), in order.
    func runReadingPrompts(_ extra: [String: String] = [:]) async throws -> (Job, [String]) {
        let job = try await github.run { api in
            try await llm.run { llm in try await runOnce(environment(api: api, llm: llm, extra)) }
        }
        let prompts = llm.received.compactMap { received -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(received.body.utf8)) as? [String: Any] else { return nil }
            let messages = object["messages"] as? [[String: Any]] ?? []
            return ([object["system"] as? String] + messages.map { $0["content"] as? String }).compactMap { $0 }.joined(separator: "\n")
        }
        return (job, prompts)
    }

    func store(_ env: [String: String]) async throws -> any JobStore {
        try await AutofixApp(configuration: try ConfigurationLoader(environment: env).load(file: nil), environment: env).openEmbeddedStore(.intake)
    }

    /// Autofix branches in the bare repository.
    func pushedBranches() async throws -> [String] {
        try await GitFixture.run(["git", "--git-dir", bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/ci/"])
            .split(separator: "\n").map(String.init)
    }
}
