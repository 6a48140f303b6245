import ChildProcess
import Foundation

/// The demo's repository: a small Python package whose test fails, in a real bare repository.
struct DemoProject {
    static let repo = "octo/calc"
    static let runID: UInt64 = 4242
    static let testCommand = "python3 -m unittest discover -s tests -t . -v"

    static let files: [String: String] = [
        "calc/__init__.py": "",
        "calc/stats.py": """
        def mean(values):
            \"\"\"The arithmetic mean of a non-empty list.\"\"\"
            total = 0
            for value in values:
                total += value
            return total / (len(values) - 1)


        def spread(values):
            return max(values) - min(values)

        """,
        "tests/__init__.py": "",
        "tests/test_stats.py": """
        import unittest

        from calc.stats import mean, spread


        class StatsTest(unittest.TestCase):
            def test_mean(self):
                self.assertEqual(mean([2, 4, 6]), 4)

            def test_spread(self):
                self.assertEqual(spread([3, 9, 4]), 6)


        if __name__ == "__main__":
            unittest.main()

        """,
        "README.md": "# calc\n\nSmall statistics helpers.\n",
    ]

    /// What the scripted model answers: an explanation and the minimal diff.
    static let reply = """
        `mean` divides the sum by `len(values) - 1`, so `mean([2, 4, 6])` is 6 instead of 4 and `test_mean` fails. \
        The arithmetic mean divides by the number of values; the fix changes only that divisor and keeps the loop as it is.

        ```diff
        --- a/calc/stats.py
        +++ b/calc/stats.py
        @@ -3,4 +3,5 @@ def mean(values):
             total = 0
             for value in values:
                 total += value
        -    return total / (len(values) - 1)
        +    # The mean divides by the count of values (not count - 1, which is the sample-variance divisor).
        +    return total / len(values)
        ```
        """

    /// Creates the bare remote and pushes the project to `main`; returns the head commit.
    static func create(remote: String, scratch: String) async throws -> String {
        let runner = ProcessRunner()
        let bare = "\(remote)/\(repo).git"
        try FileManager.default.createDirectory(atPath: bare, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try await check(runner.run(["git", "init", "--bare", "--quiet", "--initial-branch=main", bare]))
        try await check(runner.run(["git", "init", "--quiet", "--initial-branch=main", scratch]))
        for (path, text) in files {
            let url = URL(fileURLWithPath: "\(scratch)/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let identity = [
            "GIT_AUTHOR_NAME": "Octo Cat", "GIT_AUTHOR_EMAIL": "octo@example.com", "GIT_COMMITTER_NAME": "Octo Cat",
            "GIT_COMMITTER_EMAIL": "octo@example.com", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        try await check(runner.run(["git", "add", "-A"], directory: scratch))
        try await check(runner.run(["git", "commit", "--quiet", "-m", "Add mean and spread"], directory: scratch, environment: identity))
        try await check(runner.run(["git", "push", "--quiet", bare, "HEAD:refs/heads/main"], directory: scratch))
        return try await runner.run(["git", "rev-parse", "HEAD"], directory: scratch).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A GitHub Actions job log around the real output of the failing test command.
    static func failingLog(scratch: String) async throws -> String {
        let result = try await ProcessRunner().run(["sh", "-c", testCommand], directory: scratch, timeout: .seconds(120))
        var stamp = Date(timeIntervalSince1970: 1_767_225_600)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        func line(_ text: String) -> String {
            stamp.addTimeInterval(0.013)
            return "\(formatter.string(from: stamp)) \(text)"
        }
        var lines = [
            "##[group]Run actions/checkout@v4", "Syncing repository: \(repo)", "##[endgroup]",
            "##[group]Run actions/setup-python@v5", "Successfully set up CPython (3.12.3)", "##[endgroup]",
            "##[group]Run \(testCommand)", "\(testCommand)", "shell: /usr/bin/bash -e {0}", "##[endgroup]",
        ]
        lines += result.combinedOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines += ["##[error]Process completed with exit code \(result.status)."]
        return lines.map(line).joined(separator: "\n") + "\n"
    }

    static func check(_ result: ProcessResult) throws {
        guard result.succeeded else { throw DemoError(message: "demo set-up failed: \(result.combinedOutput)") }
    }
}

/// A demo step that could not run.
struct DemoError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
