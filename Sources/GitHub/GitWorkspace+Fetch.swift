import ChildProcess
import Foundation

extension GitWorkspace {
    /// Makes sure the mirror holds commit `sha`, every blob of its tree and the blobs its parent's diff
    /// reads: what a job reads. A partial mirror downloads commits and trees of the history and nothing
    /// else; no later read has to fetch (a lazy fetch would go out without the token).
    public func fetch(repo: String, sha: String, token: String?) async throws {
        let mirror = mirrorPath(repo)
        // A commit whose blobs an earlier job fetched: checking again walks its whole tree.
        let complete = "refs/autofix/complete/\(sha)"
        guard Self.isObjectName(sha) else { throw GitHubError.git("not a commit id: \(sha.prefix(64))") }
        if try await git.result(["--git-dir", mirror, "show-ref", "--verify", "--quiet", complete], timeout: .seconds(30)).succeeded { return }
        try await prepareMirror(repo)
        if try await !hasCommit(mirror, sha) {
            // The commit by id (GitHub serves any reachable commit), kept under a ref so the next fetch
            // negotiates from it instead of downloading the history again.
            let direct = try await git.result(
                fetchArguments(repo) + ["origin", "+\(sha):refs/autofix/seen/\(sha)"], token: token, timeout: .seconds(600))
            let arrived = direct.succeeded ? try await hasCommit(mirror, sha) : false
            if !arrived {
                // A server that serves branch tips only.
                try await run(fetchArguments(repo) + ["origin", "+refs/heads/*:refs/remotes/origin/*"], token: token, timeout: .seconds(600))
            }
        }
        guard try await hasCommit(mirror, sha) else { throw GitHubError.git("commit \(sha) is not in \(repo)") }
        let parent = try await parent(mirror, sha)
        if let parent,
            try await git.result(["--git-dir", mirror, "show-ref", "--verify", "--quiet", "refs/autofix/complete/\(parent)"], timeout: .seconds(30)).succeeded
        {
            // The parent's blobs are all here: only what the commit changed can be missing (a walk of both
            // trees costs a fifth of a second at 200,000 files).
            let changed = try await treeChanges(repo: repo, from: parent, to: sha).compactMap { $0.entry }.filter { $0.mode != "160000" }.map(\.object)
            try await fetchBlobs(repo: repo, Array(Set(changed)).sorted(), token: token)
        } else {
            try await fetchMissingBlobs(repo: repo, commits: [sha] + (parent.map { [$0] } ?? []), token: token)
        }
        try await run(["--git-dir", mirror, "update-ref", complete, sha])
        await trimMarks(mirror)
    }

    /// Keeps the newest `keptMarks` commits under each of `refs/autofix/seen` and `refs/autofix/complete`:
    /// every ref is a "have" in the next fetch's negotiation, and a job adds two. Objects stay (nothing
    /// prunes a mirror); a commit whose mark went is checked again when a job next needs it. Best effort:
    /// two jobs trimming at once may each find the other's deletions done.
    func trimMarks(_ mirror: String, keep: Int = GitWorkspace.keptMarks) async {
        for namespace in ["refs/autofix/seen/", "refs/autofix/complete/"] {
            guard
                let listed = try? await git.result(
                    ["--git-dir", mirror, "for-each-ref", "--sort=-committerdate", "--format=%(refname)", namespace], timeout: .seconds(60)),
                listed.succeeded
            else { continue }
            let marks = listed.stdout.split(separator: "\n")
            // Trimmed in batches, not per job: below twice the count nothing happens.
            guard marks.count > 2 * keep else { continue }
            let commands = marks.dropFirst(keep).map { "delete \($0)\n" }.joined()
            _ = try? await git.result(["--git-dir", mirror, "update-ref", "--stdin"], input: Data(commands.utf8), timeout: .seconds(60))
        }
    }

    /// The blobs of `commits`' trees the mirror lacks, in one request (the way git's own lazy fetch asks).
    /// Checked whatever `mirror.partial` says now: a mirror made partial keeps filtering its fetches.
    func fetchMissingBlobs(repo: String, commits: [String], token: String?) async throws {
        let mirror = mirrorPath(repo)
        let missing = try await missingObjects(mirror, commits)
        try await fetchBlobs(repo: repo, missing, token: token)
        // A commit is marked complete only when it is: a listing cut short once left blobs out for good.
        let left = try await missingObjects(mirror, commits)
        guard left.isEmpty else { throw GitHubError.git("\(left.count) objects of \(commits[0].prefix(12)) did not arrive, \(left[0]) among them") }
    }

    /// The objects of `commits`' trees the mirror lacks (the listing names every object: 15 MB at
    /// 200,000 files, so the runner that keeps all of it).
    func missingObjects(_ mirror: String, _ commits: [String]) async throws -> [String] {
        let result = try await bulk.result(
            ["--git-dir", mirror, "rev-list", "--objects", "--missing=print", "--no-object-names", "--no-walk"] + commits, timeout: .seconds(600))
        guard result.succeeded else { throw GitHubError.git("rev-list: \(result.stderr.prefix(300))") }
        return result.stdout.split(separator: "\n").compactMap { $0.first == "?" ? String($0.dropFirst()) : nil }
    }

    /// Fetches blobs by id in one request (the way git's own lazy fetch asks).
    func fetchBlobs(repo: String, _ missing: [String], token: String?) async throws {
        guard !missing.isEmpty else { return }
        let mirror = mirrorPath(repo)
        try await run(
            [
                "--git-dir", mirror, "-c", "remote.origin.url=\(remoteURL(repo))", "-c", "fetch.negotiationAlgorithm=noop", "fetch", "--quiet", "--no-tags",
                "--no-write-fetch-head", "--recurse-submodules=no", "--filter=blob:none", "--stdin", "origin",
            ],
            token: token, input: Data(missing.joined(separator: "\n").appending("\n").utf8), timeout: .seconds(600))
    }

    /// A bare mirror; a partial clone whose promisor is `origin` when `mirror.partial`. `origin` has no URL
    /// in the mirror's config: only the worker's own fetches name it (with the token), so a read that finds
    /// an object missing fails at once instead of fetching it lazily (unauthenticated, one object at a
    /// time); git 2.39 has no switch for that (`GIT_NO_LAZY_FETCH` came in 2.45). Git then takes `origin`
    /// for a path; it runs in its own home (`GitRunner`), where nothing of that name exists.
    func prepareMirror(_ repo: String) async throws {
        let mirror = mirrorPath(repo)
        let fm = FileManager.default
        if !fm.fileExists(atPath: "\(mirror)/HEAD") {
            try fm.createDirectory(atPath: mirror, withIntermediateDirectories: true)
            try await run(["init", "--bare", "--quiet", mirror])
        }
        var settings: [(String, String)] = []
        if self.mirror.partial {
            settings += [
                ("remote.origin.promisor", "true"), ("remote.origin.partialclonefilter", "blob:none"), ("core.repositoryformatversion", "1"),
                ("extensions.partialclone", "origin"),
            ]
        }
        // Written only when different: jobs of one repository share the mirror and its config lock.
        for (key, value) in settings {
            let current = try await git.result(["--git-dir", mirror, "config", "--get", key], timeout: .seconds(30))
            if current.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != value {
                try await run(["--git-dir", mirror, "config", key, value])
            }
        }
    }

    func fetchArguments(_ repo: String) -> [String] {
        ["--git-dir", mirrorPath(repo), "-c", "remote.origin.url=\(remoteURL(repo))", "fetch", "--quiet", "--no-tags", "--no-write-fetch-head"]
            + (self.mirror.partial ? ["--filter=blob:none"] : []) + (self.mirror.depth > 0 ? ["--depth=\(self.mirror.depth)"] : [])
    }

    /// The commit's first parent, when the mirror has it (a shallow mirror's boundary has none).
    func parent(_ mirror: String, _ sha: String) async throws -> String? {
        // `--parents` reads the commit only; a parent that is not here is never fetched.
        let result = try await git.result(["--git-dir", mirror, "rev-list", "--missing=print", "--no-walk", "--parents", sha, "--"], timeout: .seconds(30))
        let fields = result.stdout.split(whereSeparator: \.isWhitespace)
        guard result.succeeded, fields.count >= 2 else { return nil }
        let parent = String(fields[1])
        guard Self.isObjectName(parent) else { return nil }
        return try await hasCommit(mirror, parent) ? parent : nil
    }
}
