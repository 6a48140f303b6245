import Foundation
import Patching
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
        #expect(normalized.hasPrefix("--- a/calc/stats.py\n+++ b/calc/stats.py\n"))
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

    @Test func apply_normalizedDiff_appliesWithGit() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-apply-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(dir)/repo/calc", withIntermediateDirectories: true)
        try Data(Self.original.utf8).write(to: URL(fileURLWithPath: "\(dir)/repo/calc/stats.py"))
        let git = { (args: [String]) in try await GitFixture.run(["git"] + args, in: "\(dir)/repo") }
        _ = try await git(["init", "-q"])
        _ = try await git(["add", "-A"])
        _ = try await git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init"])
        let normalized = try LenientPatcher().normalize(try DiffParser.parse(reply: Self.reply)) { _ in Self.original }
        let applied = try await PatchApplier().apply(normalized, in: "\(dir)/repo")
        #expect(applied.contains("+    return total / len(values)"))
        let text = try String(contentsOfFile: "\(dir)/repo/calc/stats.py", encoding: .utf8)
        #expect(text.contains("return total / len(values)\n"))
    }
}
