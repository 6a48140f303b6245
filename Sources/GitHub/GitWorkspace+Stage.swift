import Foundation

extension GitWorkspace {
    /// Applies `patch` to the tree of `sha` and returns git's own view of the change. Git applies it
    /// (`apply --cached`) to a private index holding only the entries the patch touches and the paths
    /// above them, and the new tree is the commit's tree with only the directories on those paths
    /// rewritten (`mktree`): the cost follows the change, not the repository (a full index of a
    /// 200,000-file tree costs a quarter of a second to read each time). Never a worktree.
    public func stage(repo: String, sha: String, patch: String) async throws -> StagedChange {
        let index = try scratchIndex()
        let patchFile = index + ".patch"
        defer {
            try? FileManager.default.removeItem(atPath: index)
            try? FileManager.default.removeItem(atPath: patchFile)
        }
        try Data(patch.utf8).write(to: URL(fileURLWithPath: patchFile))
        let mirror = mirrorPath(repo)
        let env = ["GIT_INDEX_FILE": index]
        let paths = try await touchedPaths(mirror, patchFile)
        guard !paths.isEmpty else { throw GitHubError.patchDoesNotApply("the patch changes no file") }
        // The touched paths and every directory above them, as they are in the commit: git sees a symlink
        // or a file where the patch wants a directory, and refuses as it would on the whole tree.
        let asked = Set(paths.flatMap { [$0] + Self.ancestors(of: $0) }).sorted()
        let listed = try await run(["--literal-pathspecs", "--git-dir", mirror, "ls-tree", "-z", "--full-tree", sha, "--"] + asked)
        let before = listed.split(separator: "\0").compactMap(TreeEntry.init(lsTreeRecord:)).filter { $0.mode != "040000" }
        let info = before.map { "\($0.mode) \($0.object)\t\($0.path)" }.joined(separator: "\0")
        try await run(["--git-dir", mirror, "update-index", "--add", "-z", "--index-info"], extra: env, input: Data((info.isEmpty ? "" : info + "\0").utf8))
        let applied = try await git.result(["--git-dir", mirror, "apply", "--cached", "--whitespace=nowarn", patchFile], extra: env, timeout: .seconds(60))
        guard applied.succeeded else { throw GitHubError.patchDoesNotApply(applied.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let after = try await run(["--git-dir", mirror, "ls-files", "-s", "-z"], extra: env).split(separator: "\0").compactMap(Self.stagedEntry)
        let old = Dictionary(before.map { ($0.path, Blob(mode: $0.mode, object: $0.object)) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.path, Blob(mode: $0.mode, object: $0.object)) }, uniquingKeysWith: { first, _ in first })
        var changes: [String: Blob?] = [:]
        for path in Set(old.keys).union(new.keys) where old[path] != new[path] { changes[path] = .some(new[path]) }
        let baseTree = try await tree(repo: repo, commit: sha)
        var tree = try await rewrite(mirror, directory: "", tree: baseTree, changes: changes)
        if tree == nil { tree = try await emptyTree(mirror) }
        guard let tree else { throw GitHubError.git("mktree wrote no tree") }
        let raw = try await run(["--git-dir", mirror, "diff", "--raw", "-z", "--no-renames", "--no-abbrev", sha, tree])
        let diff = try await run(["--git-dir", mirror, "diff", "--no-ext-diff", "--no-textconv", "--no-color", "--no-renames", sha, tree])
        return StagedChange(base: sha, tree: tree, changes: StagedChange.Entry.parse(raw: raw), diff: diff)
    }

    /// The paths git reads in the patch (`apply --numstat`). A rename or copy is refused: numstat names only
    /// its new path, and the pipeline never publishes one (`PatchRails`).
    func touchedPaths(_ mirror: String, _ patchFile: String) async throws -> [String] {
        let summary = try await git.result(["--git-dir", mirror, "apply", "--summary", patchFile], timeout: .seconds(60))
        if summary.stdout.split(separator: "\n").contains(where: { $0.hasPrefix(" rename ") || $0.hasPrefix(" copy ") }) {
            throw GitHubError.patchDoesNotApply("the patch renames or copies a file")
        }
        let result = try await git.result(["--git-dir", mirror, "apply", "--numstat", "-z", patchFile], timeout: .seconds(60))
        guard result.succeeded else { throw GitHubError.patchDoesNotApply(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) }
        // `added\tdeleted\tpath\0`, or for a rename `added\tdeleted\t\0from\0to\0`.
        var paths: [String] = []
        var fields = result.stdout.split(separator: "\0", omittingEmptySubsequences: false)[...]
        while let record = fields.popFirst(), !record.isEmpty {
            let parts = record.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if parts[2].isEmpty {
                if let from = fields.popFirst(), let to = fields.popFirst() { paths += [String(from), String(to)] }
            } else {
                paths.append(String(parts[2]))
            }
        }
        return paths
    }

    /// The tree of `directory` (`tree`, nil when new) with `changes` below it applied; nil when nothing is left.
    /// A name is a file or a directory, never both: a file where a directory keeps files is refused (as git
    /// refuses it on a whole index), a file where every file of a directory was deleted is taken.
    func rewrite(_ mirror: String, directory: String, tree: String?, changes: [String: Blob?]) async throws -> String? {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var entries: [String: (mode: String, type: String, object: String)] = [:]
        if let tree {
            let records = try await run(["--git-dir", mirror, "ls-tree", "-z", tree]).split(separator: "\0")
            for record in records {
                guard let entry = TreeEntry(lsTreeRecord: record), let type = record.split(separator: " ").dropFirst().first else { continue }
                entries[entry.path] = (entry.mode, String(type), entry.object)
            }
            // Names git keeps apart but a String does not (canonically equal Unicode, bytes that are not
            // UTF-8) would be merged or renamed here: such a directory is not rewritten.
            if entries.count != records.count || entries.keys.contains(where: { $0.contains("\u{FFFD}") }) {
                throw GitHubError.patchDoesNotApply("\(prefix.isEmpty ? "the root" : prefix) holds names that differ only in their bytes")
            }
        }
        var direct: [String: Blob?] = [:]
        var below: [String: [String: Blob?]] = [:]
        for (path, change) in changes where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                below[String(rest[..<slash]), default: [:]][path] = change
            } else {
                direct[String(rest)] = change
            }
        }
        for name in Set(direct.keys).union(below.keys) {
            let original = entries[name]
            // What the name holds as a directory afterwards: its rewritten subtree, or the original one.
            var subtree: String? = original?.type == "tree" ? original?.object : nil
            if let subChanges = below[name] {
                if let original, original.type != "tree", direct[name] == nil || direct[name]! != nil {
                    throw GitHubError.patchDoesNotApply("\(prefix)\(name) is a file in the commit, not a directory")
                }
                subtree = try await rewrite(mirror, directory: prefix + name, tree: original?.type == "tree" ? original?.object : nil, changes: subChanges)
            }
            switch direct[name] {
            case .some(.some(let blob)):
                if let subtree, original?.type != "tree" || below[name] != nil || subtree == original?.object {
                    throw GitHubError.patchDoesNotApply("\(prefix)\(name) would be both a file and a directory (\(subtree.prefix(12)))")
                }
                entries[name] = (blob.mode, blob.mode == "160000" ? "commit" : "blob", blob.object)
            case .some(.none):
                if let subtree, below[name] != nil { entries[name] = ("040000", "tree", subtree) } else { entries.removeValue(forKey: name) }
            case .none:
                if let subtree { entries[name] = ("040000", "tree", subtree) } else { entries.removeValue(forKey: name) }
            }
        }
        guard !entries.isEmpty else { return nil }
        let input = entries.map { "\($0.value.mode) \($0.value.type) \($0.value.object)\t\($0.key)" }.joined(separator: "\0") + "\0"
        return try await run(["--git-dir", mirror, "mktree", "-z"], input: Data(input.utf8)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A tree entry that is not a tree: its mode and object.
    struct Blob: Equatable {
        var mode: String
        var object: String
    }

    func emptyTree(_ mirror: String) async throws -> String {
        try await run(["--git-dir", mirror, "mktree", "-z"], input: Data()).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `mode object stage\tpath` of `ls-files -s -z`.
    static func stagedEntry(_ record: Substring) -> (mode: String, object: String, path: String)? {
        guard let tab = record.firstIndex(of: "\t") else { return nil }
        let fields = record[..<tab].split(separator: " ")
        guard fields.count == 3 else { return nil }
        return (String(fields[0]), String(fields[1]), String(record[record.index(after: tab)...]))
    }
}
