import ChildProcess
import Foundation
import GitHub

/// Real git repositories for tests.
public enum GitFixture {
    public struct Failed: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: String? = nil) async throws -> String {
        let result = try await ProcessRunner().run(arguments, directory: directory, timeout: .seconds(120))
        guard result.succeeded else { throw Failed(description: "\(arguments.joined(separator: " ")): \(result.combinedOutput)") }
        return result.stdout
    }

    /// Runs a command and returns its result whatever the status.
    public static func runResult(_ arguments: [String], in directory: String? = nil) async throws -> ProcessResult {
        try await ProcessRunner().run(arguments, directory: directory, timeout: .seconds(120))
    }

    /// A bare repository holding `files` on `main` (`executable` ones with mode 100755); returns the head commit.
    public static func bareRepository(at bare: String, files: [String: String], executable: Set<String> = [], scratch: String) async throws -> String {
        try FileManager.default.createDirectory(atPath: bare, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try await run(["git", "init", "--bare", "-q", "--initial-branch=main", bare])
        try await run(["git", "init", "-q", "--initial-branch=main", scratch])
        for (path, text) in files {
            let url = URL(fileURLWithPath: "\(scratch)/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            if executable.contains(path) { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        }
        try await run(["git", "add", "-A"], in: scratch)
        try await run(["git", "-c", "user.name=Octo", "-c", "user.email=octo@example.com", "commit", "-qm", "initial"], in: scratch)
        try await run(["git", "push", "-q", bare, "HEAD:refs/heads/main"], in: scratch)
        return try await run(["git", "rev-parse", "HEAD"], in: scratch).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A bare repository with `files` and a workspace whose mirror holds its head commit.
    public static func workspace(files: [String: String], executable: Set<String> = []) async throws -> (GitWorkspace, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-stage-\(UUID().uuidString)").path
        let sha = try await GitFixture.bareRepository(at: "\(dir)/remote/octo/calc.git", files: files, executable: executable, scratch: "\(dir)/upstream")
        let workspace = GitWorkspace(root: "\(dir)/work", remoteTemplate: "\(dir)/remote/{repo}.git")
        try await workspace.fetch(repo: "octo/calc", sha: sha, token: nil)
        return (workspace, sha)
    }
}
