import ChildProcess
import Foundation

/// A case's `repo/` as a real bare repository with one commit on `main`: the failing commit of the run.
enum EvalRepository {
    static let identity = [
        "GIT_AUTHOR_NAME": "Eval Author", "GIT_AUTHOR_EMAIL": "eval@example.com", "GIT_COMMITTER_NAME": "Eval Author",
        "GIT_COMMITTER_EMAIL": "eval@example.com", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]

    /// Publishes `main` and returns its head commit. With a reference fix, history has two commits, as a
    /// regression's CI run does: the working tree (the fix applied, without the comment lines it adds), then
    /// the commit under test, `repo/` as committed. The pipeline shows the model that commit's diff; a single
    /// root commit would show it the whole repository.
    static func publish(from tree: String, fix: String?, to bare: String, scratch: String) async throws -> String {
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
        if let fix {
            try await git(["apply", fix])
            try withoutAddedComments(fix, in: scratch)
            try await git(["add", "-A"])
            try await git(["commit", "--quiet", "-m", "The last green commit"])
            try await git(["rm", "-r", "--quiet", "."])
            try FileManager.default.copyItem(atPath: tree, toPath: scratch + ".tree")
            defer { try? FileManager.default.removeItem(atPath: scratch + ".tree") }
            for entry in try FileManager.default.contentsOfDirectory(atPath: scratch + ".tree") {
                try FileManager.default.moveItem(atPath: "\(scratch).tree/\(entry)", toPath: "\(scratch)/\(entry)")
            }
        }
        try await git(["add", "-A"])
        try await git(["commit", "--quiet", "--allow-empty", "-m", "The commit under test"])
        try await git(["push", "--quiet", bare, "HEAD:refs/heads/main"])
        return try await runner.run(["git", "rev-parse", "HEAD"], directory: scratch).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Drops, from the files a diff changed, the comment lines it added (the reference fix's explanation
    /// belongs to the fix, not to the history before the failure).
    static func withoutAddedComments(_ diffPath: String, in tree: String) throws {
        let diff = try String(contentsOfFile: diffPath, encoding: .utf8)
        var path: String?
        var comments: [String: [String]] = [:]
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                let name = String(line.dropFirst(4).split(separator: "\t").first ?? "")
                path = name.hasPrefix("b/") ? String(name.dropFirst(2)) : nil
            } else if line.hasPrefix("+"), let path, EvalJudge.addsComment(String(line)), EvalJudge.isWholeLineComment(String(line.dropFirst())) {
                comments[path, default: []].append(String(line.dropFirst()))
            }
        }
        for (file, lines) in comments {
            let url = URL(fileURLWithPath: "\(tree)/\(file)")
            var text = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for comment in lines { if let index = text.firstIndex(of: comment) { text.remove(at: index) } }
            try text.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
