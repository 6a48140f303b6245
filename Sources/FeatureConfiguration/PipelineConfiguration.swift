import Foundation

/// The pipeline's behaviour contract and limits; defaults are the safe ones.
public struct PipelineConfiguration: Sendable {
    /// Act only on failures of the code under test (tests, the compile and type checks that run them, and
    /// formats the extractor does not recognise);
    /// lint, dependency, infrastructure, timeout and cancelled failures end `skipped` with the reason.
    public var onlyTestFailures = true
    /// Open autofix PRs allowed per repository; more ends `skipped`.
    public var maxOpenPulls = 3
    /// A failure whose fix a maintainer closed unmerged is not attempted again on its branch for this long
    /// (Renovate's "closed pull requests are not recreated"); zero attempts it again at once.
    public var retryClosedAfter: Duration = .seconds(7 * 86_400)
    /// Extra model rounds after a patch fails to apply or its tests fail.
    public var correctionRounds = 2
    public var maxChangedLines = 100
    /// The test command run in the worktree, for repositories without their own entry.
    public var testCommand: String?
    /// Per repository (`owner/name`) test commands.
    public var repositoryTestCommands: [String: String] = [:]
    public var testTimeout: Duration = .seconds(600)
    public var botName = "ci-autofix[bot]"
    public var botEmail = "ci-autofix@users.noreply.github.com"
    public var label = "ci/autofix"
    public var branchPrefix = "ci/autofix-"
    /// Rank each failed job's log against the same job's log in the last green run of the workflow on the
    /// branch (lines that also occur there lose rank or drop out).
    public var passingLogDiff = true
    /// Bytes kept from the end of each failed job's log.
    public var maxLogBytes = 8 << 20
    public var contextLines = 20
    /// A tree with more files than this is searched for definitions only in the largest directories
    /// around the failure's files holding at most this many (`pipeline.search_scope_files`).
    public var searchScopeFiles = 20_000
    /// Characters of code and history sent to the model; set from `contextTokens` and the provider's
    /// characters per token by the composition root.
    public var contextBudget = 24_000
    /// Tokens of code and history sent to the model (`pipeline.context_tokens`).
    public var contextTokens = 6000
    public var promptVersion = "ci_autofix.v1"
    /// How the code to show is chosen: by the frames and what the test calls (`heuristic`), or by a first,
    /// cheap model call that picks from a map of the candidates' definitions (`model`, prompt localize.v1).
    public var localization = Localization.heuristic
    /// Mirrors and sandbox trees; nil: `git/` beside the database.
    public var workDirectory: String?
    /// How tests are isolated; without a sandbox no test runs unless the operator says otherwise.
    public var sandbox = SandboxConfiguration()
    /// Globs (`rule:glob` or `glob`) protected in every repository on top of the standard list.
    public var extraProtectedPaths: [String] = []
    /// Per repository (`owner/name`): the whole protected list, replacing the standard one (an explicit choice).
    public var repositoryProtectedPaths: [String: [String]] = [:]
    /// Refuse runs whose head repository is not the base repository (pull requests from forks).
    public var skipForks = true
    /// Where draft pull requests are not available: `false` ends the job `no_fix` (and deletes the pushed
    /// branch); `true` opens a ready-for-review PR titled "[draft]" instead.
    public var readyWhenDraftsUnavailable = false

    public init() {}

    public func testCommand(for repo: String) -> String? {
        repositoryTestCommands[repo] ?? testCommand
    }
}

public enum Localization: String, Sendable, CaseIterable {
    case heuristic
    case model
}
