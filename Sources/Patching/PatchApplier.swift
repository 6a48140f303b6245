import Foundation
import Subprocess

/// Applies a normalized diff in a worktree with `git apply`, checking first so a failure leaves nothing behind.
public struct PatchApplier: Sendable {
    let runner = ProcessRunner()

    public init() {}

    /// Returns the diff as applied (`git diff` of the worktree afterwards).
    public func apply(_ diff: String, in worktree: String) async throws -> String {
        let patchFile = "\(worktree)/../.autofix-\(UUID().uuidString).patch"
        try Data(diff.utf8).write(to: URL(fileURLWithPath: patchFile))
        defer { try? FileManager.default.removeItem(atPath: patchFile) }
        let check = try await runner.run(["git", "apply", "--check", "--recount", patchFile], directory: worktree, timeout: .seconds(60))
        guard check.succeeded else { throw PatchError.gitApplyFailed(check.combinedOutput.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let apply = try await runner.run(["git", "apply", "--recount", patchFile], directory: worktree, timeout: .seconds(60))
        guard apply.succeeded else { throw PatchError.gitApplyFailed(apply.combinedOutput.trimmingCharacters(in: .whitespacesAndNewlines)) }
        _ = try await runner.run(["git", "add", "-A"], directory: worktree, timeout: .seconds(60))
        let shown = try await runner.run(["git", "diff", "--cached"], directory: worktree, timeout: .seconds(60))
        return shown.stdout
    }
}
