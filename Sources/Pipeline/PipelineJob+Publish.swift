import Foundation
import GitHub
import LogAnalysis
import Patching

extension PipelineJob {
    /// Stage 6: push `ci/autofix-<run_id>`, open a draft PR, label it, comment with the evidence.
    /// Idempotent: a PR that already exists for the branch is returned, never duplicated.
    func publish(_ facts: RunFacts, _ errors: ExtractedErrors, _ validated: ValidatedPatch, _ report: inout StageRunner.Report) async throws -> PublishedPull {
        let owner = failure.repo.split(separator: "/").first.map(String.init) ?? ""
        if let existing = try await github.pulls(repo: failure.repo, state: "all", head: "\(owner):\(branch)").first(where: { $0.head.ref == branch }) {
            try await github.addLabels(repo: failure.repo, number: existing.number, labels: [configuration.label])
            report.detail = "reused #\(existing.number)"
            return PublishedPull(url: existing.htmlURL, number: existing.number, reused: true)
        }
        let open = try await github.pulls(repo: failure.repo, state: "open").filter { $0.head.ref.hasPrefix(configuration.branchPrefix) }
        if open.count >= configuration.maxOpenPulls {
            throw StageEnd(outcome: .skipped(reason: "\(open.count) autofix PRs are open in \(failure.repo) (limit \(configuration.maxOpenPulls))"))
        }
        // A resumed job has no worktree yet: re-create it and re-apply the validated diff.
        if worktree == nil {
            let path = try await checkout(facts)
            _ = try await PatchApplier().apply(validated.diff, in: path)
        }
        let base = facts.branch.isEmpty ? try await github.repository(failure.repo).defaultBranch : facts.branch
        let title = "ci-autofix: fix \(facts.workflow) failure in run \(failure.runID)"
        let message = "\(title)\n\n\(validated.explanation.prefix(2000))\n\nRun: \(facts.runURL)"
        _ = try await pipeline.workspace.commitAndPush(
            worktree: worktree!, repo: failure.repo, branch: branch, message: redact(message),
            identity: (configuration.botName, configuration.botEmail), token: try await github.accessToken())
        let pull: PullRequest
        do {
            pull = try await github.createDraftPull(repo: failure.repo, title: title, head: branch, base: base, body: redact(pullBody(facts, errors, validated)))
        } catch GitHubError.validationFailed(let message) where message.contains("already exists") {
            // Another worker opened it between our list and create.
            guard let existing = try await github.pulls(repo: failure.repo, state: "all", head: "\(owner):\(branch)").first else { throw GitHubError.validationFailed(message) }
            return PublishedPull(url: existing.htmlURL, number: existing.number, reused: true)
        }
        try await github.addLabels(repo: failure.repo, number: pull.number, labels: [configuration.label])
        try await github.createComment(repo: failure.repo, number: pull.number, body: redact(evidence(validated)))
        report.detail = ["opened #\(pull.number)", tally.take()].compactMap { $0 }.joined(separator: "; ")
        return PublishedPull(url: pull.htmlURL, number: pull.number, reused: false)
    }

    func pullBody(_ facts: RunFacts, _ errors: ExtractedErrors, _ validated: ValidatedPatch) -> String {
        let list: String = errors.errors.prefix(10).map { (error: ExtractedError) -> String in
            let place: String = error.location.map { (location: CodeLocation) -> String in
                " `\(location.file)\(location.line.map { ":\($0)" } ?? "")`"
            } ?? ""
            return "- **\(error.kind.rawValue)**\(place): `\(error.message.prefix(200))` (job \(error.job))"
        }.joined(separator: "\n")
        return """
            This draft PR was opened by ci-autofix for the failed run [\(failure.runID)](\(facts.runURL)) of **\(facts.workflow)** on `\(facts.branch)` at \(facts.headSHA.prefix(12)).

            ### Errors
            \(list)

            ### The fix
            \(validated.explanation)

            Files changed: \(validated.files.map { "`\($0)`" }.joined(separator: ", "))

            Review it like any contribution: ci-autofix never merges.
            """
    }

    func evidence(_ validated: ValidatedPatch) -> String {
        let test = validated.testCommand.map { command in
            "`\(command)` passed on this branch (sandbox: \(validated.sandbox)):\n\n```\n\(validated.testOutput.suffix(3000))\n```"
        } ?? "No test command is configured for this repository; the patch was checked with `git apply --check` only."
        return """
            **Validation evidence** (after \(validated.rounds) round\(validated.rounds == 1 ? "" : "s")):
            - safety rails: passed (≤ \(configuration.maxChangedLines) changed lines, no CI configuration, no secret-like files, no skipped or weakened tests)
            - `git apply --check`: passed
            - \(test)
            """
    }
}
