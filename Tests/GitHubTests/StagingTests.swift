import Foundation
import GitHub
import TestSupport
import Testing

/// Staging rewrites only the directories a patch touches; the tree must be exactly the one git makes
/// when it applies the same patch to the whole index, and what git refuses there is refused here.
@Suite struct StagingTests {
    static let files = [
        "app/calc.py": "def add(a, b):\n    return a - b\n", "app/only/lonely.py": "x = 1\n", "bin/run.sh": "#!/bin/sh\necho run\n",
        "README.md": "calc\n",
    ]

    /// The tree `git apply --cached` leaves in a full index of the commit (the oracle), or nil when git refuses.
    func wholeIndexTree(_ workspace: GitWorkspace, _ sha: String, _ patch: String) async throws -> String? {
        let index = "\(workspace.root)/oracle-\(UUID().uuidString)"
        let file = index + ".patch"
        try Data(patch.utf8).write(to: URL(fileURLWithPath: file))
        let mirror = workspace.mirrorPath("octo/calc")
        let script =
            "export GIT_INDEX_FILE=\"$1\"; git --git-dir \"$2\" read-tree \"$3\" && git --git-dir \"$2\" apply --cached \"$4\" && git --git-dir \"$2\" write-tree"
        let result = try await GitFixture.runResult(["sh", "-c", script, "sh", index, mirror, sha, file])
        return result.succeeded ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    @Test(arguments: [
        // A change, a file in a new nested directory, and the last file of a directory removed.
        """
        --- a/app/calc.py
        +++ b/app/calc.py
        @@ -1,2 +1,2 @@
         def add(a, b):
        -    return a - b
        +    return a + b
        --- /dev/null
        +++ b/app/new/deeper/helper.py
        @@ -0,0 +1 @@
        +y = 2
        --- a/app/only/lonely.py
        +++ /dev/null
        @@ -1 +0,0 @@
        -x = 1

        """,
        // An executable keeps its mode.
        """
        --- a/bin/run.sh
        +++ b/bin/run.sh
        @@ -1,2 +1,2 @@
         #!/bin/sh
        -echo run
        +echo running

        """,
        // A file at the root.
        """
        --- a/README.md
        +++ b/README.md
        @@ -1 +1 @@
        -calc
        +calculator

        """,
    ])
    func theTree_isTheOneGitMakesOnTheWholeIndex(patch: String) async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: Self.files, executable: ["bin/run.sh"])
        let staged = try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch)
        let oracle = try #require(try await wholeIndexTree(workspace, sha, patch))
        #expect(staged.tree == oracle)
        #expect(!staged.diff.isEmpty && !staged.changes.isEmpty)
    }

    @Test func aPatchBeneathAFile_isRefusedAsGitRefusesIt() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: Self.files)
        let patch = "--- /dev/null\n+++ b/README.md/inside.py\n@@ -0,0 +1 @@\n+z = 3\n"
        #expect(try await wholeIndexTree(workspace, sha, patch) == nil)
        await #expect(throws: GitHubError.self) { _ = try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch) }
    }

    @Test func aPatchThatNoLongerApplies_isRefused() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: Self.files)
        let patch = "--- a/app/calc.py\n+++ b/app/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return a * b\n+    return a + b\n"
        await #expect(throws: GitHubError.self) { _ = try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch) }
    }

    @Test func aFileWhereADirectoryKeepsFiles_isRefused_asGitRefusesIt() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: Self.files)
        let patch = "--- /dev/null\n+++ b/app\n@@ -0,0 +1 @@\n+now a file\n"
        #expect(try await wholeIndexTree(workspace, sha, patch) == nil)
        await #expect(throws: GitHubError.self) { _ = try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch) }
    }

    @Test func aFileWhereEveryFileOfADirectoryWasDeleted_isTaken_asGitTakesIt() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: Self.files)
        let patch = "--- a/app/only/lonely.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x = 1\n--- /dev/null\n+++ b/app/only\n@@ -0,0 +1 @@\n+a file now\n"
        let oracle = try #require(try await wholeIndexTree(workspace, sha, patch))
        #expect(try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch).tree == oracle)
    }

    @Test func aRename_isRefusedByName() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: Self.files)
        let patch = "diff --git a/README.md b/README.txt\nsimilarity index 100%\nrename from README.md\nrename to README.txt\n"
        await #expect(throws: GitHubError.self) { _ = try await workspace.stage(repo: "octo/calc", sha: sha, patch: patch) }
    }
}
