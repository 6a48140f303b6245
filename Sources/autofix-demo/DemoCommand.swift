import App
import ArgumentParser
import AutofixCLI
import ChildProcess
import Emulators
import Foundation
import Intake
import Logging
import Queue
import WorkerAssembly

/// `autofix demo`: the pipeline end to end on this machine, with GitHub and the model emulated on loopback.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline against a local GitHub emulator and scripted model; print the draft PR.")

    @Option(help: "Working directory (replaced).") var dir = "./var/demo"
    @OptionGroup var logging: LogFormatOption

    func run() async throws {
        var logSettings = AutofixConfiguration(database: ":memory:")
        try logging.apply(to: &logSettings)
        let logFormat = logSettings.logFormat
        let root = URL(fileURLWithPath: dir).standardizedFileURL.path
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let scratch = "\(root)/upstream"
        printLine("1. creating \(DemoProject.repo) with a failing test (bare remote in \(root)/remote)")
        let sha = try await DemoProject.create(remote: "\(root)/remote", scratch: scratch)
        let log = try await DemoProject.failingLog(scratch: scratch)
        let token = "ghp_demo" + String(repeating: "0", count: 32)
        let github = GitHubEmulator(tokens: [token])
        github.addRepository(DemoProject.repo, bare: "\(root)/remote/\(DemoProject.repo).git")
        github.addRun(
            EmulatedRun(
                id: DemoProject.runID, repo: DemoProject.repo, name: "CI", headSHA: sha, headBranch: "main",
                jobs: [
                    .init(id: 9001, name: "lint", conclusion: "success", log: "ok\n"), .init(id: 9002, name: "test (3.12)", conclusion: "failure", log: log),
                ]))
        let llm = ScriptedLLMServer(fallback: { _ in .reply(DemoProject.reply) })
        try await github.run { apiURL in
            try await llm.run { llmURL in
                printLine("2. GitHub emulator on \(apiURL.absoluteString), scripted model on \(llmURL.absoluteString)")
                let environment = [
                    "AUTOFIX_DATABASE": "\(root)/autofix.sqlite", "AUTOFIX_GITHUB_API_URL": apiURL.absoluteString, "AUTOFIX_GITHUB_TOKEN": token,
                    "AUTOFIX_GITHUB_GIT_URL": "\(root)/remote/{repo}.git", "AUTOFIX_LLM_BASE_URL": llmURL.appendingPathComponent("v1").absoluteString,
                    "AUTOFIX_LLM_API_KEY": "sk-demo", "AUTOFIX_PIPELINE_TEST_COMMAND": DemoProject.testCommand,
                    "AUTOFIX_WORKER_POLL_INTERVAL": "50ms",
                ]
                var configuration = try ConfigurationLoader(environment: environment).load(file: nil)
                configuration.worker.exitWhenIdle = true
                configuration.logFormat = logFormat
                let app = AutofixApp(configuration: configuration, environment: ProcessInfo.processInfo.environment)
                let store = try await app.openEmbeddedStore(.intake)
                let failure = CIFailure(
                    repo: DemoProject.repo, runID: DemoProject.runID, runAttempt: 1, workflow: "CI", headSHA: sha, branch: "main",
                    runURL: "https://github.com/\(DemoProject.repo)/actions/runs/\(DemoProject.runID)")
                let enqueued = try await store.enqueue(try failure.newJob())
                printLine("3. enqueued job \(enqueued.job.id) for run \(DemoProject.runID); running the worker until the queue is idle")
                try await app.runWorker(logger: app.makeLogger(), registry: try app.makeNetworkedRegistry())
                try await Self.report(store: store, jobID: enqueued.job.id, github: github, root: root)
            }
        }
    }

    static func report(store: any JobStore, jobID: Int64, github: GitHubEmulator, root: String) async throws {
        guard let job = try await store.job(id: jobID) else { throw DemoError(message: "job \(jobID) vanished") }
        let runs = try await store.runs(jobID: jobID)
        printLine("4. job \(job.id): \(job.state.rawValue)\(job.lastError.map { " (\($0))" } ?? "")")
        for stage in runs.last?.stages ?? [] {
            let ms = Double(stage.duration.components.attoseconds / 1_000_000_000_000_000) + Double(stage.duration.components.seconds) * 1000
            printLine(
                "   \(stage.stage.padding(toLength: 15, withPad: " ", startingAt: 0)) \(stage.outcome.padding(toLength: 8, withPad: " ", startingAt: 0)) \(Int(ms)) ms\(stage.detail.map { "  \($0)" } ?? "")"
            )
        }
        if let run = runs.last { printLine("   tokens \(run.tokensIn) in / \(run.tokensOut) out, prompt \(run.promptVersion ?? "-")") }
        guard job.state == .succeeded, let pull = github.pulls(DemoProject.repo).first else {
            throw DemoError(message: "the demo job ended \(job.state.rawValue): \(job.lastError ?? "no PR")")
        }
        printLine("\n5. draft PR #\(pull.number): \(job.prURL ?? "")")
        printLine("   title:  \(pull.title)\n   branch: \(pull.head) → \(pull.base)   draft: \(pull.draft)   labels: \(pull.labels.joined(separator: ", "))")
        printLine("\n--- PR body ---\n\(pull.body)\n\n--- comment ---\n\(pull.comments.joined(separator: "\n\n"))")
        let bare = "\(root)/remote/\(DemoProject.repo).git"
        let runner = ProcessRunner()
        let diff = try await runner.run(["git", "--git-dir", bare, "diff", "main", pull.head])
        printLine("\n--- diff (main..\(pull.head)) ---\n\(diff.stdout)")
        let checkout = "\(root)/pr-branch"
        _ = try await runner.run(["git", "clone", "--quiet", "--branch", pull.head, bare, checkout])
        let tests = try await runner.run(["sh", "-c", DemoProject.testCommand], directory: checkout, timeout: .seconds(120))
        printLine("--- \(DemoProject.testCommand) on \(pull.head): \(tests.succeeded ? "PASSED" : "FAILED (exit \(tests.status))") ---")
        printLine(tests.combinedOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        guard tests.succeeded else { throw DemoError(message: "the tests fail on the PR branch") }
    }
}
