import App
import ChildProcess
import Core
import Emulators
import Foundation
import Intake
import Logging
import Queue
import WorkerAssembly

/// Runs one case through the real worker: the case's repository behind the GitHub emulator (a real bare
/// repository, the run, its failing job and `ci.log`), the model as chosen, the pipeline with the case's
/// test command in the real sandbox. Everything lives under `directory`.
public struct EvalRunner: Sendable {
    public var suite: EvalSuite
    /// The configuration the `config` model's provider comes from.
    public var userConfiguration: AutofixConfiguration?
    public var directory: String
    public var logLevel = "error"

    static let token = "ghp_eval" + String(repeating: "0", count: 32)
    static let runID: UInt64 = 7001

    public init(suite: EvalSuite, userConfiguration: AutofixConfiguration? = nil, directory: String) {
        self.suite = suite
        self.userConfiguration = userConfiguration
        self.directory = directory
    }

    public func run(_ testCase: EvalCase, attempt: Int, slot: Int, reply: String?) async throws -> EvalObservation {
        let root = "\(directory)/\(attempt)-\(slot)-\(testCase.name)"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let repo = "evals/\(testCase.repo)"
        let bare = "\(root)/remote/\(repo).git"
        let folder = suite.folder(of: testCase)
        let sha = try await EvalRepository.publish(from: "\(folder)/repo", to: bare, scratch: "\(root)/upstream")
        guard let log = FileManager.default.contents(atPath: "\(suite.folder(of: testCase))/ci.log") else {
            throw EvalError.setUp("\(testCase.name): cannot read ci.log")
        }
        let github = GitHubEmulator(tokens: [Self.token])
        github.addRepository(repo, bare: bare)
        github.addRun(
            EmulatedRun(
                id: Self.runID, repo: repo, name: "CI", headSHA: sha, headBranch: "main",
                jobs: [.init(id: 9001, name: "test", conclusion: "failure", log: String(decoding: log, as: UTF8.self))]))
        return try await github.run { apiURL in
            let environment = [
                "AUTOFIX_DATABASE": "\(root)/autofix.sqlite", "AUTOFIX_GITHUB_API_URL": apiURL.absoluteString,
                "AUTOFIX_GITHUB_TOKEN": Self.token, "AUTOFIX_GITHUB_GIT_URL": "\(root)/remote/{repo}.git",
                "AUTOFIX_PIPELINE_TEST_COMMAND": testCase.testCommand, "AUTOFIX_WORKER_POLL_INTERVAL": "20ms",
                "AUTOFIX_LOG_LEVEL": logLevel,
            ]
            guard let reply else {
                // The configured (real) model: its provider settings come from the user's configuration.
                return try await runWorker(testCase, repo: repo, sha: sha, root: root, bare: bare, environment: environment, github: github)
            }
            let llm = ScriptedLLMServer(fallback: { _ in .reply(reply) })
            let base = environment
            return try await llm.run { llmURL in
                var environment = base
                environment["AUTOFIX_LLM_BASE_URL"] = llmURL.appendingPathComponent("v1").absoluteString
                environment["AUTOFIX_LLM_API_KEY"] = "sk-eval"
                return try await runWorker(testCase, repo: repo, sha: sha, root: root, bare: bare, environment: environment, github: github)
            }
        }
    }

    private func runWorker(
        _ testCase: EvalCase, repo: String, sha: String, root: String, bare: String, environment: [String: String], github: GitHubEmulator
    ) async throws -> EvalObservation {
        // An empty file of its own, so no system configuration (/etc/autofix) leaks into the run.
        let file = "\(root)/config.yml"
        FileManager.default.createFile(atPath: file, contents: Data())
        var configuration = try ConfigurationLoader(environment: environment).load(file: file)
        if environment["AUTOFIX_LLM_BASE_URL"] == nil, let user = userConfiguration { configuration.llm = user.llm }
        configuration.worker.exitWhenIdle = true
        let app = AutofixApp(configuration: configuration, environment: ProcessInfo.processInfo.environment)
        let store = try await app.openEmbeddedStore(.intake)
        let failure = CIFailure(
            repo: repo, runID: Self.runID, runAttempt: 1, workflow: "CI", headSHA: sha, branch: "main",
            runURL: "https://github.com/\(repo)/actions/runs/\(Self.runID)")
        let started = ContinuousClock.now
        let job = try await store.enqueue(try failure.newJob()).job
        try await app.runWorker(logger: app.makeLogger(), registry: try app.makeNetworkedRegistry())
        let seconds = (ContinuousClock.now - started).seconds
        guard let finished = try await store.job(id: job.id) else { throw EvalError.setUp("\(testCase.name): the job vanished") }
        let runs = try await store.runs(jobID: job.id)
        let checkpoints = try await store.checkpoints(jobID: job.id)
        var pull: EvalObservation.Pull?
        if let opened = github.pulls(repo).first {
            let runner = ProcessRunner()
            let diff = try await runner.run(["git", "--git-dir", bare, "diff", "main", opened.head])
            let names = try await runner.run(["git", "--git-dir", bare, "diff", "--name-only", "main", opened.head])
            let checkout = "\(root)/pr-branch"
            let clone = try await runner.run(["git", "clone", "--quiet", "--branch", opened.head, bare, checkout])
            guard clone.succeeded else { throw EvalError.setUp("cannot clone the PR branch: \(clone.combinedOutput)") }
            pull = EvalObservation.Pull(
                title: opened.title, body: opened.body, head: opened.head, draft: opened.draft, labels: opened.labels, comments: opened.comments,
                diff: diff.stdout, changedFiles: names.stdout.split(separator: "\n").map(String.init), checkout: checkout)
        }
        return EvalObservation(
            state: finished.state.rawValue, lastError: finished.lastError, pull: pull, seconds: seconds,
            tokensIn: runs.reduce(0) { $0 + $1.tokensIn }, tokensOut: runs.reduce(0) { $0 + $1.tokensOut },
            costUSD: runs.reduce(0) { $0 + $1.costUSD }, context: Self.context(checkpoints["gather_context"]),
            runID: Self.runID, directory: root)
    }

    /// The code sections of a `gather_context` checkpoint (`hmac-sha256:…` line, then the JSON).
    static func context(_ stored: String?) -> String? {
        guard let stored, let newline = stored.firstIndex(of: "\n") else { return nil }
        let json = Data(stored[stored.index(after: newline)...].utf8)
        return (try? JSONSerialization.jsonObject(with: json) as? [String: Any])?["code"] as? String
    }
}
