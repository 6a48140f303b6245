import Foundation
import Subprocess

/// Local git state for jobs: a cached bare mirror per repository and a worktree per job.
public struct GitWorkspace: Sendable {
    /// Mirrors live in `<root>/mirrors/<owner>/<name>.git`, worktrees in `<root>/worktrees/job-<id>`.
    public var root: String
    /// The remote for a repository: `{repo}` is replaced (`https://github.com/{repo}.git`, `file:///srv/git/{repo}.git`).
    public var remoteTemplate: String
    let runner = ProcessRunner()

    public init(root: String, remoteTemplate: String) {
        self.root = root
        self.remoteTemplate = remoteTemplate
    }

    public func remoteURL(_ repo: String) -> String {
        remoteTemplate.replacingOccurrences(of: "{repo}", with: repo)
    }

    func mirrorPath(_ repo: String) -> String { "\(root)/mirrors/\(repo).git" }

    /// Fetches `sha` into the mirror (creating it) and checks it out in a fresh worktree for the job.
    public func checkout(repo: String, sha: String, jobID: Int64, token: String?) async throws -> String {
        let mirror = mirrorPath(repo)
        let fm = FileManager.default
        if !fm.fileExists(atPath: "\(mirror)/HEAD") {
            try fm.createDirectory(atPath: mirror, withIntermediateDirectories: true)
            try await git(["init", "--bare", "--quiet", mirror])
            try await git(["--git-dir", mirror, "remote", "add", "origin", remoteURL(repo)])
        }
        try await git(["--git-dir", mirror, "remote", "set-url", "origin", remoteURL(repo)])
        if try await !hasCommit(mirror, sha) {
            try await git(["--git-dir", mirror, "fetch", "--quiet", "--no-tags", "origin", "+refs/heads/*:refs/remotes/origin/*"], token: token, timeout: .seconds(600))
            if try await !hasCommit(mirror, sha) {
                try await git(["--git-dir", mirror, "fetch", "--quiet", "--no-tags", "origin", sha], token: token, timeout: .seconds(600))
            }
        }
        let worktree = "\(root)/worktrees/job-\(jobID)"
        try await remove(worktree: worktree, repo: repo)
        try fm.createDirectory(atPath: "\(root)/worktrees", withIntermediateDirectories: true)
        try await git(["--git-dir", mirror, "worktree", "add", "--detach", "--force", worktree, sha])
        return worktree
    }

    /// Removes a job's worktree (also one a crashed attempt left behind).
    public func remove(worktree: String, repo: String) async throws {
        let mirror = mirrorPath(repo)
        if FileManager.default.fileExists(atPath: worktree) {
            _ = try? await runner.run(["git", "--git-dir", mirror, "worktree", "remove", "--force", worktree], timeout: .seconds(60))
            try? FileManager.default.removeItem(atPath: worktree)
        }
        _ = try? await runner.run(["git", "--git-dir", mirror, "worktree", "prune"], timeout: .seconds(60))
    }

    /// The diff of the commit under test (what most likely broke the build), capped.
    public func headCommitDiff(worktree: String, maxBytes: Int) async throws -> String {
        let result = try await runner.run(["git", "show", "--format=commit %H%n%s%n", "--stat", "--patch", "HEAD"], directory: worktree, timeout: .seconds(60))
        return String(result.stdout.prefix(maxBytes))
    }

    /// Commits the staged change as `identity` and pushes it to `branch` (replacing an earlier attempt's push).
    public func commitAndPush(worktree: String, repo: String, branch: String, message: String, identity: (name: String, email: String), token: String?) async throws -> String {
        let environment = ["GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email, "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email]
        try await git(["-C", worktree, "commit", "--quiet", "--no-verify", "-m", message], extra: environment)
        let sha = try await git(["-C", worktree, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try await git(["-C", worktree, "push", "--quiet", "--force", remoteURL(repo), "HEAD:refs/heads/\(branch)"], token: token, timeout: .seconds(600))
        return sha
    }

    /// The commit a remote branch points at, or nil when it does not exist.
    public func remoteBranch(repo: String, branch: String, token: String?) async throws -> String? {
        let output = try await git(["ls-remote", remoteURL(repo), "refs/heads/\(branch)"], token: token, timeout: .seconds(120))
        return output.split(separator: "\t").first.map(String.init)
    }

    func hasCommit(_ mirror: String, _ sha: String) async throws -> Bool {
        try await runner.run(["git", "--git-dir", mirror, "cat-file", "-e", "\(sha)^{commit}"], timeout: .seconds(60)).succeeded
    }

    /// Runs git; the token travels in an environment-borne header, never in a URL or argument.
    @discardableResult
    func git(_ arguments: [String], token: String? = nil, extra: [String: String] = [:], timeout: Duration = .seconds(120)) async throws -> String {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AUTOFIX_") && !$0.key.hasPrefix("GIT_") }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        for (key, value) in extra { environment[key] = value }
        if let token {
            let basic = Data("x-access-token:\(token)".utf8).base64EncodedString()
            environment["GIT_CONFIG_COUNT"] = "1"
            environment["GIT_CONFIG_KEY_0"] = "http.extraHeader"
            environment["GIT_CONFIG_VALUE_0"] = "Authorization: Basic \(basic)"
        }
        let result = try await runner.run(["git"] + arguments, environment: environment, timeout: timeout)
        guard result.succeeded else {
            let verb = arguments.first { !$0.hasPrefix("-") && !$0.contains("/") } ?? "git"
            let detail = result.timedOut ? "timed out" : result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitHubError.git("git \(verb): \(detail.prefix(500))")
        }
        return result.stdout
    }
}
