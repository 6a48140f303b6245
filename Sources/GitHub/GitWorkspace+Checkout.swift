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
        let packed = try await ProcessRunner(outputLimit: 64 << 10).run(
            [
                "sh", "-c", "git --git-dir \"$1\" rev-list --objects --no-object-names --no-walk \"$2\" | git --git-dir \"$1\" pack-objects --quiet \"$3\"",
                "sh", mirrorPath(repo), commit, "\(dotGit)/objects/pack/pack",
            ], environment: try git.environment(), timeout: .seconds(1800))
        guard packed.succeeded else { throw GitHubError.git("pack-objects: \(packed.stderr.prefix(300))") }
        try Data("\(commit)\n".utf8).write(to: URL(fileURLWithPath: "\(dotGit)/shallow"))
        try await run(["--git-dir", dotGit, "update-ref", "--no-deref", "HEAD", commit])
        // Checks out and writes the index in one pass; parallel workers where the machine has cores.
        try await run(
            ["--git-dir", dotGit, "--work-tree", directory, "-c", "checkout.workers=0", "read-tree", "--reset", "-u", commit], timeout: .seconds(1800))
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
        let writtenSet = Set(written)
        for deleted in change.changes where deleted.status == "D" {
            // A file written where a directory was hides that directory whole.
            if Self.ancestors(of: deleted.path).contains(where: writtenSet.contains) { continue }
            let path = "\(upper)/\(deleted.path)"
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // A whiteout is a character device 0:0; the kernel lets any user make one.
            guard mknod(path, S_IFCHR | 0o600, 0) == 0 else {
                throw GitHubError.git("could not write a whiteout for \(deleted.path): \(String(cString: strerror(errno)))")
            }
        }
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
