import Foundation
import GitHub
import TestSupport
import Testing

/// A repository's tree index moves from one commit to the next by their diff; it must be the index a
/// fresh listing of the newer commit gives.
@Suite struct TreeIndexTests {
    func sameIndex(_ a: TreeIndex, _ b: TreeIndex) -> Bool {
        a.sha == b.sha && a.files == b.files && a.directoryFiles == b.directoryFiles
            && a.byName.mapValues { Set($0) } == b.byName.mapValues { Set($0) }
    }

    @Test func anIndexMovedByTheDiff_isTheFreshIndexOfTheNewerCommit() async throws {
        let (workspace, first) = try await GitFixture.workspace(files: [
            "app/calc.py": "a\n", "app/only/lonely.py": "b\n", "lib/util.py": "c\n", "lib/deep/er/x.py": "d\n", "link-target.txt": "e\n",
        ])
        let upstream = (workspace.root as NSString).deletingLastPathComponent + "/upstream"
        let script = """
            set -e
            echo changed > app/calc.py
            git rm -q app/only/lonely.py
            mkdir -p new/dir && echo n > new/dir/file.py
            rm link-target.txt && ln -s lib/util.py link-target.txt
            chmod +x lib/util.py
            git add -A
            git -c user.name=Octo -c user.email=octo@example.com commit -qm second
            git push -q "$1" HEAD:refs/heads/main
            git rev-parse HEAD
            """
        let second = try await GitFixture.run(["sh", "-c", script, "sh", "\(workspace.root)/../remote/octo/calc.git"], in: upstream)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try await workspace.fetch(repo: "octo/calc", sha: second, token: nil)
        let cache = TreeIndexCache()
        let before = try await cache.index(repo: "octo/calc", sha: first, workspace: workspace)
        #expect(before.files["link-target.txt"] != nil && before.directoryFiles["app/only"] == 1)
        let moved = try await cache.index(repo: "octo/calc", sha: second, workspace: workspace)
        let fresh = TreeIndex(sha: second, entries: try await workspace.entries(repo: "octo/calc", sha: second))
        #expect(sameIndex(moved, fresh))
        // A symlink is not a file to read; an emptied directory counts nothing; a new one counts its file.
        #expect(moved.files["link-target.txt"] == nil && moved.directoryFiles["app/only"] == nil && moved.directoryFiles["new/dir"] == 1)
        #expect(moved.files["lib/util.py"]?.mode == "100755")
    }
}
