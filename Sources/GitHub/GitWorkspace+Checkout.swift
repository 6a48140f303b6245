import ChildProcess
import Foundation

extension GitWorkspace {
    /// Writes commit `commit`'s files under `directory`, with a `.git` of their own holding that one
    /// commit: a shallow repository, as a CI checkout with `fetch-depth: 1` is. The index comes from the
    /// commit and the checkout itself, never from hashing the tree again (`git add` over 200,000 files
    /// costs as much as the checkout). The mirror is never a remote nor an alternate of it: the tests
    /// that run in the tree must not reach the mirror.
    public func checkout(repo: String, commit: String, to directory: String) async throws {
        guard Self.isObjectName(commit) else { throw GitHubError.git("not a commit id: \(commit.prefix(64))") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let dotGit = "\(directory)/.git"
        try await run(["init", "--quiet", directory])
        // The commit's own objects (no history), copied from the mirror's packs as they are stored.
        // Through a file, not a pipe: a missing object must fail here, by rev-list's own status.
        let list = try scratchIndex() + ".objects"
        defer { try? FileManager.default.removeItem(atPath: list) }
        let packed = try await ProcessRunner(outputLimit: 64 << 10).run(
            [
                "sh", "-c",
                "git --git-dir \"$1\" rev-list --objects --no-object-names --no-walk \"$2\" > \"$4\" && git --git-dir \"$1\" pack-objects --quiet \"$3\" < \"$4\"",
                "sh", mirrorPath(repo), commit, "\(dotGit)/objects/pack/pack", list,
            ], directory: git.home, environment: try git.environment(), timeout: .seconds(1800))
        guard packed.succeeded else { throw GitHubError.git("pack-objects: \(packed.stderr.prefix(300))") }
        try Data("\(commit)\n".utf8).write(to: URL(fileURLWithPath: "\(dotGit)/shallow"))
        // No reflog: it would record the worker's user and host name in a tree the tests read.
        try await run(["--git-dir", dotGit, "-c", "core.logAllRefUpdates=false", "update-ref", "--no-deref", "HEAD", commit])
        // Checks out and writes the index in one pass; parallel workers where the machine has cores.
        try await run(
            ["--git-dir", dotGit, "--work-tree", directory, "-c", "checkout.workers=0", "read-tree", "--reset", "-u", commit], timeout: .seconds(1800))
    }

    /// Moves a checkout made by `checkout` from commit `from` to commit `to`: their difference packed into its
    /// `.git`, then `read-tree -m -u`, which writes only the files that differ.
    public func moveCheckout(repo: String, at directory: String, from: String, to: String) async throws {
        guard Self.isObjectName(from), Self.isObjectName(to) else { throw GitHubError.git("not a commit id: \(to.prefix(64))") }
        // Attributes decide how every file is written (eol, ident, encodings); a move writes only changed
        // blobs, so a changed `.gitattributes` needs a fresh checkout.
        if try await treeChanges(repo: repo, from: from, to: to).contains(where: { $0.path == ".gitattributes" || $0.path.hasSuffix("/.gitattributes") }) {
            throw GitHubError.git("the attributes changed between \(from.prefix(12)) and \(to.prefix(12)); a fresh checkout is made")
        }
        let dotGit = "\(directory)/.git"
        let list = try scratchIndex() + ".objects"
        defer { try? FileManager.default.removeItem(atPath: list) }
        let packed = try await ProcessRunner(outputLimit: 64 << 10).run(
            [
                "sh", "-c",
                "git --git-dir \"$1\" rev-list --objects --no-object-names --no-walk \"$2\" --not \"$5\" > \"$4\" && git --git-dir \"$1\" pack-objects --quiet \"$3\" < \"$4\"",
                "sh", mirrorPath(repo), to, "\(dotGit)/objects/pack/pack", list, from,
            ], directory: git.home, environment: try git.environment(), timeout: .seconds(1800))
        guard packed.succeeded else { throw GitHubError.git("pack-objects: \(packed.stderr.prefix(300))") }
        try Data("\(to)\n".utf8).write(to: URL(fileURLWithPath: "\(dotGit)/shallow"))
        try await run(["--git-dir", dotGit, "-c", "core.logAllRefUpdates=false", "update-ref", "--no-deref", "HEAD", to])
        try await run(
            ["--git-dir", dotGit, "--work-tree", directory, "-c", "checkout.workers=0", "read-tree", "-m", "-u", from, to], timeout: .seconds(1800))
    }

    /// Writes what `change` changes against its base into `upper`, an overlay's upper layer over a
    /// checkout of the base: changed files as git writes them, deleted ones as overlay whiteouts. `upper`
    /// is a fresh directory of the worker's: nothing in it is a symlink the worker could follow.
    public func writeLayer(repo: String, change: StagedChange, into upper: String) async throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: upper, withIntermediateDirectories: true)
        let written = change.changes.filter { $0.status != "D" }.map(\.path)
        if !written.isEmpty {
            let index = try scratchIndex()
            defer { try? fm.removeItem(atPath: index) }
            let mirror = mirrorPath(repo)
            try await run(["--git-dir", mirror, "read-tree", change.tree], extra: ["GIT_INDEX_FILE": index])
            try await run(
                ["--git-dir", mirror, "--work-tree", upper, "checkout-index", "--force", "-z", "--stdin"], extra: ["GIT_INDEX_FILE": index],
                input: Data(written.joined(separator: "\0").utf8), timeout: .seconds(600))
        }
        for path in try await whiteouts(repo: repo, change: change, written: written) {
            let target = "\(upper)/\(path)"
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // A whiteout is a character device 0:0; the kernel lets any user make one.
            guard mknod(target, S_IFCHR | 0o600, 0) == 0 else {
                throw GitHubError.git("could not write a whiteout for \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The paths to hide: each deleted file, or the highest directory all of whose tracked entries are
    /// deleted (a checkout would not have it), except beneath or at a written path (its directory or
    /// file hides what was there).
    func whiteouts(repo: String, change: StagedChange, written: [String]) async throws -> [String] {
        let writtenSet = Set(written)
        let writtenDirectories = Set(written.flatMap(Self.ancestors(of:)))
        var gone = Set(change.changes.filter { $0.status == "D" }.map(\.path)).filter { path in
            !writtenDirectories.contains(path) && !Self.ancestors(of: path).contains(where: writtenSet.contains)
        }
        let candidates = Set(gone.flatMap(Self.ancestors(of:))).subtracting(writtenDirectories)
        // Deepest first, so a directory of emptied directories is itself found empty.
        for directory in candidates.sorted(by: { $0.split(separator: "/").count > $1.split(separator: "/").count }) {
            let children = try await run(["--git-dir", mirrorPath(repo), "ls-tree", "--name-only", "-z", "\(change.base):\(directory)"])
                .split(separator: "\0").map { "\(directory)/\($0)" }
            if !children.isEmpty, children.allSatisfy(gone.contains) { gone.insert(directory) }
        }
        return gone.filter { path in !Self.ancestors(of: path).contains(where: gone.contains) }.sorted()
    }

    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            result.append(String(current))
        }
        return result
    }
}
