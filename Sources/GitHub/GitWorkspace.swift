import ChildProcess
import Core
import Foundation

/// Local git state for jobs: a cached bare mirror per repository, read and written through git objects
/// only. No worktree of a mirror is ever checked out, so no repository content runs or is followed
/// (symlinks, hooks, filters) in the worker's own file system; a job's throwaway trees are exported copies.
public struct GitWorkspace: Sendable {
    /// Mirrors live in `<root>/mirrors/<owner>/<name>.git`; the worker's git home in `<root>/git-home`.
    public var root: String
    /// The remote for a repository: `{repo}` is replaced (`https://github.com/{repo}.git`, `file:///srv/git/{repo}.git`).
    public var remoteTemplate: String
    /// How much of a repository a mirror downloads (`github.mirror_*`).
    public var mirror: MirrorPolicy
    public let git: GitRunner
    /// The same git for listings of a whole tree (a 200,000-file tree lists 15 MB): nothing cut off.
    let bulk: GitRunner

    public init(root: String, remoteTemplate: String, mirror: MirrorPolicy = MirrorPolicy()) {
        self.root = root
        self.remoteTemplate = remoteTemplate
        self.mirror = mirror
        self.git = GitRunner(home: "\(root)/git-home", allowedProtocols: GitRunner.protocols(forRemote: remoteTemplate))
        self.bulk = GitRunner(home: "\(root)/git-home", allowedProtocols: GitRunner.protocols(forRemote: remoteTemplate), outputLimit: 1 << 30)
    }

    public func remoteURL(_ repo: String) -> String {
        remoteTemplate.replacingOccurrences(of: "{repo}", with: repo)
    }

    public func mirrorPath(_ repo: String) -> String { "\(root)/mirrors/\(repo).git" }

    /// Commits a mirror keeps marked as fetched (`refs/autofix/seen`) and complete (`refs/autofix/complete`).
    public static let keptMarks = 32

    /// Every tracked entry of the commit's tree (`ls-tree -r -z`): regular files, symlinks and submodules.
    /// With `paths`, only the entries of those paths (taken literally), without listing the rest of the tree.
    public func entries(repo: String, sha: String, paths: [String]? = nil) async throws -> [TreeEntry] {
        if let paths, paths.isEmpty { return [] }
        let result = try await bulk.result(
            ["--literal-pathspecs", "--git-dir", mirrorPath(repo), "ls-tree", "-r", "-z", "--full-tree", sha] + (paths.map { ["--"] + $0 } ?? []),
            timeout: .seconds(300))
        guard result.succeeded else { throw GitHubError.git("ls-tree: \(result.stderr.prefix(300))") }
        return TreeEntry.listing(result.stdout)
    }

    /// What differs between the trees of commits `from` and `to` (both in the mirror): trees only, no blob read.
    public func treeChanges(repo: String, from: String, to: String) async throws -> [TreeChange] {
        guard Self.isObjectName(from), Self.isObjectName(to) else { throw GitHubError.git("not a commit id: \(from.prefix(64))..\(to.prefix(64))") }
        let result = try await bulk.result(
            ["--git-dir", mirrorPath(repo), "diff-tree", "-r", "-z", "--raw", "--no-renames", "--no-abbrev", from, to], timeout: .seconds(300))
        guard result.succeeded else { throw GitHubError.git("diff-tree: \(result.stderr.prefix(300))") }
        return TreeChange.parse(raw: result.stdout)
    }

    /// A blob's bytes as text (nil when it is not valid UTF-8: binaries are not context).
    public func text(repo: String, object: String) async throws -> String? {
        let result = try await git.result(["--git-dir", mirrorPath(repo), "cat-file", "blob", object], timeout: .seconds(60))
        guard result.succeeded else { return nil }
        return result.stdout
    }

    /// Lines of the commit's text files holding any of `words` as a whole word (`git grep -w` on the
    /// objects, no checkout): path, line number and text. Words are identifiers, never patterns.
    /// `directories` (tracked directory paths, taken literally) limit the search; empty searches the whole tree.
    public func grepWords(
        repo: String, sha: String, words: [String], directories: [String] = [], maxLines: Int = 2000
    ) async throws -> [(path: String, line: Int, text: String)] {
        let safe = words.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
        guard !safe.isEmpty else { return [] }
        let arguments =
            ["--literal-pathspecs", "--git-dir", mirrorPath(repo), "grep", "-n", "-I", "-w", "--no-color", "-F"] + safe.flatMap { ["-e", $0] } + [sha, "--"]
            + directories
        let result = try await git.result(arguments, timeout: .seconds(60))
        // 1: nothing matched.
        guard result.status == 0 else { return [] }
        return result.stdout.split(separator: "\n").prefix(maxLines).compactMap { record in
            // sha:path:line:text
            let parts = record.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let line = Int(parts[2]) else { return nil }
            return (String(parts[1]), line, String(parts[3]))
        }
    }

    /// The diff of the commit under test (what most likely broke the build), capped. A merge shows what it
    /// brought to its first parent: a combined diff would read second-parent blobs a partial mirror lacks.
    public func commitDiff(repo: String, sha: String, maxBytes: Int) async throws -> String {
        // A shallow mirror's boundary commit looks like a root: its "diff" would be the whole tree.
        if try await parent(mirrorPath(repo), sha) == nil, isShallowBoundary(repo: repo, sha: sha) { return "" }
        let output = try await run([
            "--git-dir", mirrorPath(repo), "show", "--no-ext-diff", "--no-textconv", "--no-color", "--diff-merges=first-parent", "--format=commit %H%n%s%n",
            "--stat", "--patch", sha,
        ])
        return String(output.prefix(maxBytes))
    }

    /// What changed from commit `from` to commit `to` in `paths` (every path when empty): the stat, and
    /// with `patch` the patch, cut at `maxBytes`. Both must be full object names (they come from GitHub's
    /// API, never from a log).
    public func rangeDiff(repo: String, from: String, to: String, paths: [String], patch: Bool = true, maxBytes: Int) async throws -> String {
        guard Self.isObjectName(from), Self.isObjectName(to) else { throw GitHubError.git("not a commit id: \(from.prefix(64))..\(to.prefix(64))") }
        // Literal pathspecs: a tracked file may be named like pathspec magic (`:(glob)…`). No rename
        // detection: over a long range it is the slow part.
        let output = try await run(
            ["--literal-pathspecs", "--git-dir", mirrorPath(repo), "diff", "--no-ext-diff", "--no-textconv", "--no-color", "--no-renames", "--stat=200"]
                + (patch ? ["--patch"] : []) + [from, to, "--"] + paths)
        return String(output.prefix(maxBytes))
    }

    /// Whether commit `ancestor` is in the history of commit `descendant` (a force-push can leave an
    /// older green commit on another line of history).
    public func isAncestor(repo: String, _ ancestor: String, of descendant: String) async throws -> Bool {
        guard Self.isObjectName(ancestor), Self.isObjectName(descendant) else { return false }
        return try await git.result(["--git-dir", mirrorPath(repo), "merge-base", "--is-ancestor", ancestor, descendant], timeout: .seconds(60)).succeeded
    }

    /// A full SHA-1 or SHA-256 object name, in lower-case ASCII hex.
    public static func isObjectName(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64) && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Commits `tree` on top of `parent` as `identity` and pushes it to `branch` (replacing an earlier attempt's push).
    /// `expecting`: the commit the branch must still point at (a follow-up's push lands on top of the fix
    /// the pull request shows, or not at all if anyone pushed since); nil replaces whatever is there.
    public func commitAndPush(
        repo: String, tree: String, parent: String, branch: String, message: String, identity: (name: String, email: String), token: String?,
        expecting: String? = nil
    ) async throws -> String {
        let environment = [
            "GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email, "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email,
        ]
        let mirror = mirrorPath(repo)
        let commit = try await commit(repo: repo, tree: tree, parent: parent, message: message, environment: environment)
        try await run(
            [
                "--git-dir", mirror, "push", "--quiet", expecting.map { "--force-with-lease=refs/heads/\(branch):\($0)" } ?? "--force", "--no-verify",
                remoteURL(repo), "\(commit):refs/heads/\(branch)",
            ], token: token,
            timeout: .seconds(600))
        return commit
    }

    /// A commit of `tree` on `parent` in the mirror (not on any branch); `environment` names its author.
    public func commit(repo: String, tree: String, parent: String, message: String, environment: [String: String]) async throws -> String {
        try await run(["--git-dir", mirrorPath(repo), "commit-tree", tree, "-p", parent, "-F", "-"], extra: environment, input: Data(message.utf8))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The tree a commit of the mirror records.
    public func tree(repo: String, commit: String) async throws -> String {
        try await run(["--git-dir", mirrorPath(repo), "rev-parse", "--verify", "\(commit)^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Deletes a branch this worker pushed (a PR could not be opened for it: no orphan branch stays behind).
    public func deleteBranch(repo: String, branch: String, token: String?) async throws {
        try await run(
            ["--git-dir", mirrorPath(repo), "push", "--quiet", "--no-verify", remoteURL(repo), "--delete", "refs/heads/\(branch)"], token: token,
            timeout: .seconds(120))
    }

    /// Whether the remote has a branch of that name (a tag of the same name does not count).
    public func hasBranch(repo: String, branch: String, token: String?) async throws -> Bool {
        try await remoteBranch(repo: repo, branch: branch, token: token) != nil
    }

    /// The commit a remote branch points at, or nil when it does not exist.
    public func remoteBranch(repo: String, branch: String, token: String?) async throws -> String? {
        let output = try await run(["ls-remote", remoteURL(repo), "refs/heads/\(branch)"], token: token, timeout: .seconds(120))
        return output.split(separator: "\t").first.map(String.init)
    }

    func isShallowBoundary(repo: String, sha: String) -> Bool {
        guard let shallow = try? String(contentsOfFile: "\(mirrorPath(repo))/shallow", encoding: .utf8) else { return false }
        return shallow.split(separator: "\n").contains { $0 == sha }
    }

    /// Whether the mirror holds the commit. `rev-list --missing` never fetches: `cat-file -e` on a partial
    /// clone first tries to fetch a missing object from the promisor (and fails, after most of a second).
    func hasCommit(_ mirror: String, _ sha: String) async throws -> Bool {
        try await git.result(["--git-dir", mirror, "rev-list", "--missing=print", "--no-walk", "\(sha)^{commit}", "--"], timeout: .seconds(60)).succeeded
    }

    func scratchIndex() throws -> String {
        let directory = "\(root)/index"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return "\(directory)/\(UUID().uuidString)"
    }

    @discardableResult
    func run(_ arguments: [String], token: String? = nil, extra: [String: String] = [:], input: Data? = nil, timeout: Duration = .seconds(120)) async throws
        -> String
    {
        do {
            return try await git.run(arguments, token: token, extra: extra, input: input, timeout: timeout)
        } catch let failure as GitFailure {
            throw GitHubError.git(failure.description)
        }
    }
}
