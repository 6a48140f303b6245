import ChildProcess
import Core
import Foundation
import TestSupport
import Testing

@testable import GitHub

/// Mirrors are partial clones: a job's first fetch downloads the history's commits and trees and only
/// the blobs of the commit it reads; a checkout is that one commit with a `.git` of its own.
@Suite struct GitWorkspaceMirrorTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-mirror-\(UUID().uuidString.prefix(8))").path
    var bare: String { "\(dir)/remote/octo/big.git" }

    /// A repository whose 30 commits each rewrite four files of 8 KB that do not compress; returns the head.
    func longHistory(allowFilter: Bool = true) async throws -> String {
        let scratch = "\(dir)/upstream"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try await GitFixture.run(["git", "init", "--bare", "-q", "--initial-branch=main", bare])
        if allowFilter { try await GitFixture.run(["git", "--git-dir", bare, "config", "uploadpack.allowFilter", "true"]) }
        let script = """
            set -e
            git init -q --initial-branch=main .
            mkdir -p src
            printf 'def add(a, b):\\n    return a + b\\n' > src/calc.py
            for i in $(seq 1 30); do
              for f in 1 2 3 4; do head -c 6144 /dev/urandom | base64 > "src/data$f.txt"; done
              printf 'def add(a, b):\\n    return a + b  # %s\\n' "$i" > src/calc.py
              git add -A
              GIT_COMMITTER_DATE="@$((1700000000 + i)) +0000" git -c user.name=Octo -c user.email=octo@example.com commit -qm "change $i"
            done
            git push -q "$1" HEAD:refs/heads/main
            git rev-parse HEAD
            """
        return try await GitFixture.run(["sh", "-c", script, "sh", bare], in: scratch).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func bytes(under path: String) throws -> Int {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var total = 0
        while let name = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(path)/\(name)")
            if attributes[.type] as? FileAttributeType == .typeRegular { total += (attributes[.size] as? Int) ?? 0 }
        }
        return total
    }

    func workspace(_ policy: MirrorPolicy = MirrorPolicy()) -> GitWorkspace {
        GitWorkspace(root: "\(dir)/work", remoteTemplate: "\(dir)/remote/{repo}.git", mirror: policy)
    }

    @Test func theFirstFetchOfALongHistory_downloadsAFractionOfAFullClone_andReadsNeedNoMore() async throws {
        let head = try await longHistory()
        let workspace = workspace()
        try await workspace.fetch(repo: "octo/big", sha: head, token: nil)
        try await GitFixture.run(["git", "clone", "-q", "--mirror", "--no-local", bare, "\(dir)/full.git"])
        let partial = try bytes(under: "\(workspace.mirrorPath("octo/big"))/objects")
        let full = try bytes(under: "\(dir)/full.git/objects")
        // The head and its parent's changed files: 2 of 30 commits' blobs.
        #expect(partial * 5 < full, "partial \(partial) B, full \(full) B")
        // Everything a job reads is there: no lazy fetch (it would go out without a token).
        let missing = try await GitFixture.run(
            ["git", "--git-dir", workspace.mirrorPath("octo/big"), "rev-list", "--objects", "--missing=print", "--no-walk", head, "\(head)^"])
        #expect(!missing.contains("?"), "\(missing)")
        let diff = try await workspace.commitDiff(repo: "octo/big", sha: head, maxBytes: 1 << 20)
        #expect(diff.contains("+    return a + b  # 30") && diff.contains("-    return a + b  # 29"), "\(diff.prefix(2000))")
        let hits = try await workspace.grepWords(repo: "octo/big", sha: head, words: ["add"])
        #expect(hits.map(\.path) == ["src/calc.py"])
        // A blob the job did not ask for is not fetched behind its back.
        let old = try await GitFixture.run(["git", "--git-dir", bare, "rev-parse", "\(head)~5:src/data1.txt"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await workspace.text(repo: "octo/big", object: old) == nil)
        #expect(try bytes(under: "\(workspace.mirrorPath("octo/big"))/objects") == partial)
    }

    @Test func aServerThatRefusesFilters_stillGivesTheWholeCommit() async throws {
        let head = try await longHistory(allowFilter: false)
        let workspace = workspace()
        try await workspace.fetch(repo: "octo/big", sha: head, token: nil)
        let entries = try await workspace.entries(repo: "octo/big", sha: head)
        let calc = try #require(entries.first { $0.path == "src/calc.py" })
        #expect(try await workspace.text(repo: "octo/big", object: calc.object)?.contains("# 30") == true)
    }

    @Test func aShallowMirror_hasTheFilesButNoBreakingCommitDiff() async throws {
        let head = try await longHistory()
        let workspace = workspace(MirrorPolicy(partial: true, depth: 1))
        try await workspace.fetch(repo: "octo/big", sha: head, token: nil)
        // A shallow boundary looks like a root commit; its "diff" would be the whole tree.
        #expect(try await workspace.commitDiff(repo: "octo/big", sha: head, maxBytes: 1 << 20) == "")
        let hits = try await workspace.grepWords(repo: "octo/big", sha: head, words: ["add"])
        #expect(hits.count == 1)
    }

    @Test func aCheckout_isTheCommitAsAShallowRepositoryOfItsOwn_cleanAndWithoutTheMirror() async throws {
        let head = try await longHistory()
        let workspace = workspace()
        try await workspace.fetch(repo: "octo/big", sha: head, token: nil)
        let tree = "\(dir)/checkout"
        try await workspace.checkout(repo: "octo/big", commit: head, to: tree)
        #expect(try await GitFixture.run(["git", "-C", tree, "rev-parse", "HEAD"]).hasPrefix(head))
        #expect(try await GitFixture.run(["git", "-C", tree, "status", "--porcelain"]).isEmpty)
        #expect(try await GitFixture.run(["git", "-C", tree, "rev-list", "--count", "HEAD"]).hasPrefix("1"))
        #expect(try String(contentsOfFile: "\(tree)/src/calc.py", encoding: .utf8).contains("# 30"))
        // Nothing in it leads to the mirror: no remote, no alternates.
        #expect(!FileManager.default.fileExists(atPath: "\(tree)/.git/objects/info/alternates"))
        let config = try String(contentsOfFile: "\(tree)/.git/config", encoding: .utf8)
        #expect(!config.contains("remote") && !config.contains(dir), "\(config)")
        // No reflog naming the worker's user and host.
        #expect(!FileManager.default.fileExists(atPath: "\(tree)/.git/logs/HEAD"))
    }

    @Test func aLayer_holdsTheChangedFilesAndWhiteoutsForDeletedOnes_only() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: [
            "app/calc.py": "def add(a, b):\n    return a - b\n", "app/old.py": "x = 1\n", "README.md": "calc\n",
        ])
        let patch = """
            --- a/app/calc.py
            +++ b/app/calc.py
            @@ -1,2 +1,2 @@
             def add(a, b):
            -    return a - b
            +    return a + b
            --- /dev/null
            +++ b/app/new/helper.py
            @@ -0,0 +1 @@
            +y = 2
            --- a/app/old.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -x = 1

            """
        let staged = try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch)
        let upper = "\(workspace.root)/upper"
        try await workspace.writeLayer(repo: "octo/calc", change: staged, into: upper)
        let files = try FileManager.default.subpathsOfDirectory(atPath: upper).sorted()
        #expect(files == ["app", "app/calc.py", "app/new", "app/new/helper.py", "app/old.py"])
        #expect(try String(contentsOfFile: "\(upper)/app/calc.py", encoding: .utf8).contains("a + b"))
        var status = stat()
        #expect(lstat("\(upper)/app/old.py", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR && status.st_rdev == 0)
    }

    @Test func aLayer_hidesADirectoryAllOfWhoseFilesAreDeleted_andAFileThatBecameADirectory() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: [
            "app/only/lonely.py": "x = 1\n", "app/calc.py": "y = 2\n", "notes": "a file\n",
        ])
        let patch = """
            --- a/app/only/lonely.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -x = 1
            --- a/notes
            +++ /dev/null
            @@ -1 +0,0 @@
            -a file
            --- /dev/null
            +++ b/notes/today.md
            @@ -0,0 +1 @@
            +now a directory

            """
        let staged = try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch)
        let upper = "\(workspace.root)/upper"
        try await workspace.writeLayer(repo: "octo/calc", change: staged, into: upper)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: upper).sorted() == ["app", "app/only", "notes", "notes/today.md"])
        var status = stat()
        #expect(lstat("\(upper)/app/only", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func theNextCommit_bringsOnlyTheBlobsItChanged_andEveryBlobItHas() async throws {
        let head = try await longHistory()
        let workspace = workspace()
        try await workspace.fetch(repo: "octo/big", sha: head, token: nil)
        let before = try bytes(under: "\(workspace.mirrorPath("octo/big"))/objects")
        let script = """
            set -e
            printf 'def add(a, b):\\n    return a + b  # next\\n' > src/calc.py
            git -c user.name=Octo -c user.email=octo@example.com commit -qam next
            git push -q "$1" HEAD:refs/heads/main
            git rev-parse HEAD
            """
        let next = try await GitFixture.run(["sh", "-c", script, "sh", bare], in: "\(dir)/upstream").trimmingCharacters(in: .whitespacesAndNewlines)
        try await workspace.fetch(repo: "octo/big", sha: next, token: nil)
        let missing = try await GitFixture.run(
            ["git", "--git-dir", workspace.mirrorPath("octo/big"), "rev-list", "--objects", "--missing=print", "--no-walk", next, head])
        #expect(!missing.contains("?"), "\(missing)")
        // One small file's blob, its trees and the commit: far less than the 24 KB of data files.
        let grown = try bytes(under: "\(workspace.mirrorPath("octo/big"))/objects") - before
        #expect(grown < 8192, "the next commit brought \(grown) bytes")
        let calc = try #require(try await workspace.entries(repo: "octo/big", sha: next, paths: ["src/calc.py"]).first)
        #expect(try await workspace.text(repo: "octo/big", object: calc.object)?.contains("# next") == true)
    }

    @Test func theMarksOfFetchedCommits_areTrimmedToTheNewest_andAnUnmarkedCommitIsCheckedAgain() async throws {
        let head = try await longHistory()
        let workspace = workspace()
        let commits = try await GitFixture.run(["git", "--git-dir", bare, "rev-list", "--reverse", head]).split(separator: "\n").map(String.init)
        for commit in commits { try await workspace.fetch(repo: "octo/big", sha: commit, token: nil) }
        let mirror = workspace.mirrorPath("octo/big")
        func marks(_ namespace: String) async throws -> [String] {
            try await GitFixture.run(["git", "--git-dir", mirror, "for-each-ref", "--format=%(refname:lstrip=3)", namespace]).split(separator: "\n").map(
                String.init)
        }
        #expect(try await marks("refs/autofix/complete/").count == commits.count)
        await workspace.trimMarks(mirror, keep: 4)
        // Every ref is a "have" the next fetch sends: only the newest commits stay marked.
        #expect(Set(try await marks("refs/autofix/complete/")) == Set(commits.suffix(4)))
        #expect(try await marks("refs/autofix/seen/").count <= 4)
        // Without its mark, an older commit is checked again, and its files read as before.
        try await workspace.fetch(repo: "octo/big", sha: commits[3], token: nil)
        #expect(try await marks("refs/autofix/complete/").contains(commits[3]))
        let calc = try #require(try await workspace.entries(repo: "octo/big", sha: commits[3], paths: ["src/calc.py"]).first)
        #expect(try await workspace.text(repo: "octo/big", object: calc.object)?.contains("# 4") == true, "the fourth commit")
    }
}
