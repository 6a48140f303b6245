import App
import ChildProcess
import FeatureConfiguration
import Foundation
import GitHub
import LLM
import Patching

/// `autofix doctor`: checks a deployment against the live services its configuration names. Each check
/// is one line: what holds, or what is wrong and what to change.
public struct Doctor: Sendable {
    public struct Check: Sendable {
        public var name: String
        public var ok: Bool
        public var detail: String

        public var line: String { "\(ok ? "ok  " : "FAIL") \(name): \(detail)" }
    }

    let app: AutofixApp

    public init(app: AutofixApp) {
        self.app = app
    }

    /// Every check, in order; `repo` (OWNER/NAME) enables the GitHub checks that need a repository.
    public func run(repo: String?) async -> [Check] {
        var checks: [Check] = [await database(), await sandbox(), await git()]
        checks += await github(repo: repo)
        checks.append(await model())
        return checks
    }

    func database() async -> Check {
        do {
            try await app.withStore(.intake) { _ in }
            return Check(name: "database", ok: true, detail: "\(app.databaseDisplayName) opens and is migrated")
        } catch {
            return Check(name: "database", ok: false, detail: "\(error) (set database or AUTOFIX_DATABASE to a writable path)")
        }
    }

    func sandbox() async -> Check {
        var configuration = app.configuration.pipeline.sandbox
        configuration.toolchainPaths += app.toolchainPaths
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-doctor-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        if let problem = await TestSandbox(configuration: configuration).unavailable(scratch: scratch) {
            let consequence =
                configuration.required
                ? "no test will run (install bubblewrap; allow user namespaces)" : "tests will run UNSANDBOXED (sandbox.required is false)"
            return Check(name: "sandbox", ok: false, detail: "\(problem); \(consequence)")
        }
        if configuration.overlay, let problem = await TestSandbox(configuration: configuration).overlayUnavailable(scratch: scratch) {
            return Check(
                name: "sandbox", ok: true,
                detail: "bubblewrap starts; \(problem); every test run gets a fresh checkout (slow for big repositories; Linux 5.11+ mounts overlays)")
        }
        return Check(name: "sandbox", ok: true, detail: "bubblewrap starts with new user, PID and network namespaces; test runs are overlay trees")
    }

    func git() async -> Check {
        guard let result = try? await ProcessRunner().run(["git", "--version"], timeout: .seconds(10)), result.succeeded else {
            return Check(name: "git", ok: false, detail: "git is not on PATH (apt-get install git)")
        }
        return Check(name: "git", ok: true, detail: result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func github(repo: String?) async -> [Check] {
        var client: GitHubClient
        do {
            client = try app.makeGitHubClient()
        } catch {
            return [Check(name: "github credentials", ok: false, detail: "\(error)")]
        }
        guard let repo else {
            return [Check(name: "github", ok: true, detail: "credentials configured; pass --repo OWNER/NAME to check a repository")]
        }
        client.installationScope = repo
        client.maxAttempts = 2
        var checks: [Check] = []
        do {
            let repository = try await client.repository(repo)
            checks.append(Check(name: "github read", ok: true, detail: "can read \(repository.fullName) (default branch \(repository.defaultBranch))"))
            _ = try await client.pulls(repo: repo, state: "open")
            checks.append(Check(name: "github pulls", ok: true, detail: "can list pull requests"))
        } catch {
            checks.append(Check(name: "github read", ok: false, detail: "\(error)"))
            return checks
        }
        // Pushing is checked for real: a branch that exists for a moment, then is deleted.
        let workspace = GitWorkspace(root: app.workDirectory, remoteTemplate: app.configuration.github.gitURL, mirror: app.configuration.github.mirror)
        let branch = "\(app.configuration.pipeline.branchPrefix)doctor-\(UUID().uuidString.prefix(8).lowercased())"
        do {
            let token = try await client.accessToken()
            guard let head = try await workspace.remoteBranch(repo: repo, branch: try await client.repository(repo).defaultBranch, token: token) else {
                throw GitHubError.git("the default branch has no commit")
            }
            try await workspace.fetch(repo: repo, sha: head, token: token)
            try await workspace.git.run(
                ["--git-dir", workspace.mirrorPath(repo), "push", "--quiet", "--no-verify", workspace.remoteURL(repo), "\(head):refs/heads/\(branch)"],
                token: token, timeout: .seconds(120))
            try await workspace.deleteBranch(repo: repo, branch: branch, token: token)
            checks.append(Check(name: "github push", ok: true, detail: "pushed and deleted \(branch)"))
        } catch {
            checks.append(Check(name: "github push", ok: false, detail: "\(error) (the token or App needs Contents: write)"))
        }
        return checks
    }

    func model() async -> Check {
        let configuration = app.configuration.llm
        do {
            let provider = LLMProviders.make(configuration)
            let response = try await provider.complete(
                LLMRequest(system: "Answer with the single word OK.", messages: [.init(role: "user", content: "Are you there?")], maxTokens: 256))
            guard response.stop == .complete else {
                return Check(name: "model", ok: false, detail: "\(configuration.model) answered but stopped (\(response.stop.rawValue)); check llm.max_tokens")
            }
            return Check(name: "model", ok: true, detail: "\(response.model) answers (\(response.tokensIn) tokens in, \(response.tokensOut) out)")
        } catch {
            return Check(name: "model", ok: false, detail: "\(error)")
        }
    }
}
