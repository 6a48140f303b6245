import App
import Emulators
import Foundation
import Logging
import Queue
import ServerAssembly
import Synchronization
import TestSupport

/// The whole production loop on loopback: the GitHub emulator (which runs CI on pushed branches and sends
/// webhooks), the scripted model, `autofix serve` built through `AutofixApp` as `main` builds it, and the real
/// `autofix worker` process running until the test ends, all over one SQLite file.
struct OutcomeHarness: Sendable {
    static let webhookSecret = "outcome-webhook-secret-0123456789"
    static let branch = "ci/autofix-\(PipelineScenario.runID)"

    let scenario: PipelineScenario
    let env: [String: String]
    let store: any JobStore

    /// Runs `body` with everything up. `webhooks` false: the emulator sends no deliveries (an installation
    /// without webhooks, where the poller must find the same facts).
    static func run(
        _ scenario: PipelineScenario, webhooks: Bool = true, settings: [String: String] = [:], _ body: @Sendable (OutcomeHarness) async throws -> Void
    ) async throws {
        try await scenario.github.run { api in
            try await scenario.llm.run { llm in
                var env = scenario.environment(api: api, llm: llm, settings)
                env["AUTOFIX_WEBHOOK_SECRET"] = webhookSecret
                env["AUTOFIX_SERVE_PORT"] = "0"
                let app = AutofixApp(configuration: try ConfigurationLoader(environment: env).load(file: nil), environment: env)
                let port = BoundPort()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        try await app.runServer(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) { bound in
                            port.value.withLock { $0 = bound }
                        }
                    }
                    try await Poll.until(timeout: .seconds(30), "the intake server listens") { port.value.withLock { $0 } != nil }
                    if webhooks {
                        let url = URL(string: "http://127.0.0.1:\(port.value.withLock { $0! })/webhooks/github")!
                        scenario.github.deliverWebhooks(to: url, secret: webhookSecret)
                    }
                    let worker = try AutofixProcess(["worker"], environment: env, directory: URL(fileURLWithPath: scenario.dir))
                    let harness = OutcomeHarness(scenario: scenario, env: env, store: try await scenario.store(env))
                    do {
                        try await body(harness)
                    } catch {
                        worker.signal(SIGTERM)
                        _ = try? await worker.waitForExit(timeout: .seconds(60))
                        group.cancelAll()
                        throw GitFixture.Failed(description: "\(error)\n--- worker stderr (tail) ---\n\(worker.stderr.suffix(4000))")
                    }
                    worker.signal(SIGTERM)
                    _ = try await worker.waitForExit(timeout: .seconds(60))
                    group.cancelAll()
                }
            }
        }
    }

    /// The outcome record of the fix, once it exists and `condition` holds for it.
    @discardableResult
    func outcome(_ what: String, timeout: Duration = .seconds(180), _ condition: @Sendable (FixOutcome) -> Bool = { _ in true }) async throws -> FixOutcome {
        try await Poll.until(timeout: timeout, what, every: .milliseconds(50)) {
            try await store.fixOutcomes(FixOutcomeFilter(branch: Self.branch)).first.map(condition) ?? false
        }
        return try await store.fixOutcomes(FixOutcomeFilter(branch: Self.branch)).first!
    }

    /// The fix's pull request as the emulator holds it, once `condition` holds for it.
    @discardableResult
    func pull(_ what: String, timeout: Duration = .seconds(120), _ condition: @Sendable (EmulatedPull) -> Bool) async throws -> EmulatedPull {
        let github = scenario.github
        try await Poll.until(timeout: timeout, what, every: .milliseconds(50)) {
            github.pulls(PipelineScenario.repo).first { $0.head == Self.branch }.map(condition) ?? false
        }
        return github.pulls(PipelineScenario.repo).first { $0.head == Self.branch }!
    }

    /// Runs CI on the fix branch's head: `command` in a checkout of it.
    @discardableResult
    func runCI(_ command: [String]) async throws -> EmulatedRun {
        try await scenario.github.runCI(repo: PipelineScenario.repo, branch: Self.branch, command: command)
    }

    /// The fix branch's commits, newest first (subjects).
    func branchLog() async throws -> [String] {
        try await GitFixture.run(["git", "--git-dir", scenario.bare, "log", "--format=%s", Self.branch]).split(separator: "\n").map(String.init)
    }
}

/// The port the intake server reports once it listens.
final class BoundPort: Sendable {
    let value = Mutex<Int?>(nil)
}
