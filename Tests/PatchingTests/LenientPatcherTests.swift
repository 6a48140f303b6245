import Foundation
import GitHub
import Patching
import TestSupport
import Testing

@Suite struct LenientPatcherTests {
    static let original = """
        def mean(values):
            \"\"\"The arithmetic mean.\"\"\"
            total = 0
            for value in values:
                total += value
            return total / (len(values) - 1)


        def spread(values):
            return max(values) - min(values)

        """

    static let reply = """
        Divide by the count.

        ```diff
        --- a/calc/stats.py
        +++ b/calc/stats.py
        @@ -40,4 +40,5 @@
             total = 0
             for value in values:
                 total += value
        -    return total / (len(values) - 1)
        +    # the mean divides by the count
        +    return total / len(values)
        ```
        """

    @Test func normalize_whenLineNumbersAreWrong_locatesHunkByContent() throws {
        let diff = try DiffParser.parse(reply: Self.reply)
        let normalized = try LenientPatcher().normalize(diff) { _ in Self.original }
        #expect(normalized.contains("@@ -1,9 +1,10 @@\n"), "\(normalized)")
        #expect(normalized.hasPrefix("diff --git a/calc/stats.py b/calc/stats.py\n--- a/calc/stats.py\n+++ b/calc/stats.py\n"))
    }

    @Test func normalize_whenIndentationDiffers_usesTheFilesOwnLines() throws {
        let sloppy = Self.reply.replacingOccurrences(of: "         total = 0", with: "      total = 0")
        let normalized = try LenientPatcher().normalize(try DiffParser.parse(reply: sloppy)) { _ in Self.original }
        #expect(normalized.contains("\n     total = 0\n"), "\(normalized)")
    }

    @Test func normalize_whenContentIsAbsent_throwsHunkNotFound() throws {
        let diff = try DiffParser.parse(reply: Self.reply.replacingOccurrences(of: "total += value", with: "total -= value"))
        #expect(throws: PatchError.hunkNotFound(path: "calc/stats.py", hunk: 1)) {
            try LenientPatcher().normalize(diff) { _ in Self.original }
        }
    }

    @Test func parse_withoutADiff_throwsNoDiff() {
        #expect(throws: PatchError.noDiff) { try DiffParser.parse(reply: "I could not find the problem.") }
    }

    @Test func stage_normalizedDiff_isAppliedByGitToTheCommitsTree() async throws {
        let (workspace, sha) = try await GitFixture.workspace(files: ["calc/stats.py": Self.original])
        let normalized = try LenientPatcher().normalize(try DiffParser.parse(reply: Self.reply)) { _ in Self.original }
        let staged = try await workspace.stage(repo: "octo/calc", sha: sha, patch: normalized)
        #expect(staged.diff.contains("+    return total / len(values)"))
        #expect(staged.changes.map(\.path) == ["calc/stats.py"] && staged.changes[0].status == "M")
    }

    /// Two hunks a line apart: padded separately, each would claim the line between them as context and
    /// git would refuse the overlap (found by the js-dependency-api eval case). They go out as one hunk.
    @Test func stage_hunksALineApart_areAppliedByGit() async throws {
        let source = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let (workspace, sha) = try await GitFixture.workspace(files: ["src/a.txt": source])
        let reply = """
            ```diff
            --- a/src/a.txt
            +++ b/src/a.txt
            @@ -7,3 +7,3 @@
             line 7
            -line 8
            +line eight
             line 9
            @@ -11,3 +11,3 @@
             line 11
            -line 12
            +line twelve
             line 13
            ```
            """
        let normalized = try LenientPatcher().normalize(try DiffParser.parse(reply: reply)) { _ in source }
        let staged = try await workspace.stage(repo: "octo/calc", sha: sha, patch: normalized)
        #expect(staged.diff.contains("+line eight") && staged.diff.contains("+line twelve"), "\(normalized)")
        #expect(normalized.components(separatedBy: "\n@@ ").count == 2, "one hunk: \(normalized)")
    }

    @Test func stage_twoFileFix_appliesBothFilesInOnePatch() async throws {
        let helper = "def count(values):\n    return len(values)\n"
        let (workspace, sha) = try await GitFixture.workspace(files: ["calc/stats.py": Self.original, "calc/util.py": helper])
        let reply =
            Self.reply.replacingOccurrences(of: "```\n", with: "").replacingOccurrences(of: "\n```", with: "") + """

                --- a/calc/util.py
                +++ b/calc/util.py
                @@ -1,2 +1,3 @@
                 def count(values):
                +    # the number of values
                     return len(values)
                """
        let diff = try DiffParser.parse(reply: reply)
        #expect(diff.files.map(\.path) == ["calc/stats.py", "calc/util.py"])
        let texts = ["calc/stats.py": Self.original, "calc/util.py": helper]
        let normalized = try LenientPatcher().normalize(diff) { texts[$0] }
        let staged = try await workspace.stage(repo: "octo/calc", sha: sha, patch: normalized)
        #expect(Set(staged.changes.map(\.path)) == ["calc/stats.py", "calc/util.py"])
        #expect(staged.diff.contains("+    # the number of values"))
    }

    @Test func stage_fileWithCRLFLineEnds_keepsTheCarriageReturnsAsContent() async throws {
        let crlf = Self.original.replacingOccurrences(of: "\n", with: "\r\n")
        let (workspace, sha) = try await GitFixture.workspace(files: ["calc/stats.py": crlf])
        let reply = Self.reply.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            (line.hasPrefix(" ") || line.hasPrefix("+") || line.hasPrefix("-")) && !line.hasPrefix("---") && !line.hasPrefix("+++") ? line + "\r" : line
        }.joined(separator: "\n")
        let normalized = try LenientPatcher().normalize(try DiffParser.parse(reply: reply)) { _ in crlf }
        let staged = try await workspace.stage(repo: "octo/calc", sha: sha, patch: normalized)
        #expect(staged.changes.map(\.path) == ["calc/stats.py"])
    }
}
