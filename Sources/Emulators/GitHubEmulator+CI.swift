import ChildProcess
import Foundation

/// GitHub Actions for pushed branches, on request: a test asks the emulator to run "CI" on a branch's head
/// (a real checkout of the bare repository and a real command), and the emulator records the run as the
/// REST API serves runs and sends `workflow_run` `requested` then `completed`, as GitHub does. Pull requests
/// merged or closed by a maintainer send `pull_request` `closed`.
extension GitHubEmulator {
    /// Runs `command` on the head commit of `branch` and records a completed run of workflow `workflow` (one
    /// job, `test`, whose log is the command's output in the Actions log format); delivers the events.
    @discardableResult
    public func runCI(repo: String, branch: String, workflow: String = "CI", command: [String]) async throws -> EmulatedRun {
        guard let bare = state.withLock({ $0.repos[repo]?.bare }) else { throw EmulatorError("no repository \(repo)") }
        let sha = try await branchHead(repo: repo, branch: branch)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emulated-ci-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let checkout = try await ProcessRunner().run(
            ["sh", "-c", "git --git-dir \"$1\" archive \"$2\" | tar -x -C \"$3\"", "sh", bare, sha, directory], timeout: .seconds(120))
        guard checkout.succeeded else { throw EmulatorError("checkout of \(sha) failed: \(checkout.combinedOutput)") }
        let started = Date()
        let result = try await ProcessRunner().run(command, directory: directory, timeout: .seconds(300))
        let (runID, jobID) = state.withLock { state -> (UInt64, Int64) in
            state.nextRunID += 1
            return (state.nextRunID, Int64(state.nextRunID) * 10)
        }
        var run = EmulatedRun(
            id: runID, repo: repo, name: workflow, headSHA: sha, headBranch: branch, conclusion: result.succeeded ? "success" : "failure",
            jobs: [.init(id: jobID, name: "test", conclusion: result.succeeded ? "success" : "failure", log: Self.actionsLog(command, result))])
        run.event = "push"
        run.createdAt = started
        run.updatedAt = Date()
        try await deliver(event: "workflow_run", payload: workflowRunPayload(run, action: "requested"))
        addRun(run)
        try await deliver(event: "workflow_run", payload: workflowRunPayload(run, action: "completed"))
        return run
    }

    /// A maintainer merges the pull request (`merged: true`).
    public func mergePull(_ repo: String, number: Int, by login: String) async throws {
        try await close(repo, number: number, merged: true, by: login)
    }

    /// A maintainer closes the pull request without merging it.
    public func closePull(_ repo: String, number: Int, by login: String) async throws {
        try await close(repo, number: number, merged: false, by: login)
    }

    func close(_ repo: String, number: Int, merged: Bool, by login: String) async throws {
        let closed = state.withLock { state -> EmulatedPull? in
            guard let index = state.pulls[repo]?.firstIndex(where: { $0.number == number && $0.state == "open" }) else { return nil }
            state.pulls[repo]![index].state = "closed"
            state.pulls[repo]![index].merged = merged
            state.pulls[repo]![index].closedBy = login
            state.pulls[repo]![index].closedAt = Date()
            return state.pulls[repo]![index]
        }
        guard let closed else { throw EmulatorError("no open pull request \(repo)#\(number)") }
        try await deliver(event: "pull_request", payload: await pullRequestPayload(closed, repo: repo, action: "closed", sender: login))
    }

    func branchHead(repo: String, branch: String) async throws -> String {
        guard let bare = state.withLock({ $0.repos[repo]?.bare }) else { throw EmulatorError("no repository \(repo)") }
        let resolved = try await ProcessRunner().run(
            ["git", "--git-dir", bare, "rev-parse", "--verify", "--quiet", "refs/heads/\(branch)^{commit}"], timeout: .seconds(30))
        guard resolved.succeeded else { throw EmulatorError("no branch \(branch) in \(repo)") }
        return resolved.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The job's log as Actions writes it: timestamped lines, the step's group, the exit line.
    static func actionsLog(_ command: [String], _ result: ProcessResult) -> String {
        var lines = ["##[group]Run \(command.joined(separator: " "))", command.joined(separator: " "), "##[endgroup]"]
        lines += result.combinedOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !result.succeeded { lines.append("##[error]Process completed with exit code \(result.status).") }
        let stamp = GitHubShapes.stamp().replacingOccurrences(of: "Z", with: ".0000000Z")
        return lines.map { "\(stamp) \($0)" }.joined(separator: "\n") + "\n"
    }
}

/// A test asked the emulator for something it cannot do.
public struct EmulatorError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
