import ChildProcess
import Foundation

/// A case's `repo/` as a real bare repository with one commit on `main`, the commit under test. One root
/// commit, not a green commit and a breaking one made from the reference fix: that history's diff would be
/// the reference fix reversed, and the pipeline shows the model the commit's diff (the red team's finding).
enum EvalRepository {
    static let identity = [
        "GIT_AUTHOR_NAME": "Eval Author", "GIT_AUTHOR_EMAIL": "eval@example.com", "GIT_COMMITTER_NAME": "Eval Author",
        "GIT_COMMITTER_EMAIL": "eval@example.com", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]

    /// Publishes `main` and returns its head commit.
    static func publish(from tree: String, to bare: String, scratch: String) async throws -> String {
        let runner = ProcessRunner()
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: (scratch as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: tree, toPath: scratch)
        try FileManager.default.createDirectory(atPath: bare, withIntermediateDirectories: true)
        func git(_ arguments: [String], in directory: String? = scratch) async throws {
            let result = try await runner.run(["git"] + arguments, directory: directory, environment: identity)
            guard result.succeeded else { throw EvalError.setUp("git \(arguments.joined(separator: " ")): \(result.combinedOutput)") }
        }
        try await git(["init", "--bare", "--quiet", "--initial-branch=main", bare], in: nil)
        try await git(["init", "--quiet", "--initial-branch=main"])
        try await git(["add", "-A"])
        try await git(["commit", "--quiet", "-m", "The commit under test"])
        try await git(["push", "--quiet", bare, "HEAD:refs/heads/main"])
        return try await runner.run(["git", "rev-parse", "HEAD"], directory: scratch).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
