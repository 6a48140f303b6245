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
            try await adopt(existing, facts, validated)
            try await github.addLabels(repo: failure.repo, number: existing.number, labels: [configuration.label])
            // An earlier attempt may have opened the PR and failed before (or while) commenting.
            try await postEvidence(validated, on: existing.number)
            report.detail = "reused #\(existing.number)"
            return PublishedPull(url: existing.htmlURL, number: existing.number, reused: true, headSHA: existing.head.sha)
        }
        let open = try await github.pulls(repo: failure.repo, state: "open").filter { $0.head.ref.hasPrefix(configuration.branchPrefix) }
        if let reason = policy.openPullLimit(open: open.count, repo: failure.repo) { throw StageEnd(outcome: .skipped(reason: reason)) }
        let staged = try await commitValidated(facts, validated)
        let base = try await baseBranch(facts)
        let title = "ci-autofix: fix \(facts.workflow) failure in run \(failure.runID)"
        let message = "\(title)\n\n\(validated.explanation.prefix(2000))\n\nRun: \(facts.runURL)"
        let pushed = try await pipeline.workspace.commitAndPush(
            repo: failure.repo, tree: staged.tree, parent: facts.headSHA, branch: branch, message: redact(message),
            identity: (configuration.botName, configuration.botEmail), token: try await github.accessToken())
        let pull: PullRequest
        let body = redact(pullBody(facts, errors, validated))
        do {
            pull = try await github.createDraftPull(repo: failure.repo, title: title, head: branch, base: base, body: body)
        } catch GitHubError.validationFailed(let message) where message.contains("Draft pull requests are not supported") {
            pull = try await openWithoutDraft(title: title, base: base, body: body)
        } catch GitHubError.validationFailed(let message) where message.contains("already exists") {
            // Another worker opened it between our list and create.
            guard let existing = try await github.pulls(repo: failure.repo, state: "all", head: "\(owner):\(branch)").first else {
                throw GitHubError.validationFailed(message)
            }
            try await adopt(existing, facts, validated)
            try await github.addLabels(repo: failure.repo, number: existing.number, labels: [configuration.label])
            try await postEvidence(validated, on: existing.number)
            report.detail = "reused #\(existing.number) (opened meanwhile)"
            return PublishedPull(url: existing.htmlURL, number: existing.number, reused: true, headSHA: existing.head.sha)
        }
        try await github.addLabels(repo: failure.repo, number: pull.number, labels: [configuration.label])
        try await postEvidence(validated, on: pull.number)
        report.detail = ["opened #\(pull.number)", tally.take()].compactMap { $0 }.joined(separator: "; ")
        return PublishedPull(url: pull.htmlURL, number: pull.number, reused: false, headSHA: pushed)
    }

    /// A pull request already on the fix branch is taken as this job's only when its head holds exactly the
    /// validated change (an earlier attempt of this job, or another worker, opened it): anyone who can push a
    /// branch can name it `ci/autofix-<run_id>`, and the bot must not vouch for what it did not validate.
    func adopt(_ existing: PullRequest, _ facts: RunFacts, _ validated: ValidatedPatch) async throws {
        let staged = try await commitValidated(facts, validated)
        var same = false
        if let head = existing.head.sha {
            try await pipeline.workspace.fetch(repo: failure.repo, sha: head, token: try await github.accessToken())
            same = try await pipeline.workspace.tree(repo: failure.repo, commit: head) == staged.tree
        }
        guard same else {
            throw StageEnd(
                outcome: .noFix(
                    reason: "pull request #\(existing.number) on \(branch) holds changes the bot did not validate; it is not adopted (nothing published)"))
        }
    }

    /// The repository's plan has no drafts: a "[draft]" PR ready for review if the operator allows it,
    /// else no PR at all, and the branch just pushed is deleted again.
    func openWithoutDraft(title: String, base: String, body: String) async throws -> PullRequest {
        if configuration.readyWhenDraftsUnavailable {
            return try await github.createDraftPull(repo: failure.repo, title: "[draft] \(title)", head: branch, base: base, body: body, draft: false)
        }
        try await pipeline.workspace.deleteBranch(repo: failure.repo, branch: branch, token: try await github.accessToken())
        throw StageEnd(
            outcome: .noFix(
                reason:
                    "draft pull requests are not available in \(failure.repo); set pipeline.ready_when_drafts_unavailable to open a ready \"[draft]\" PR instead"
            ))
    }

    /// The evidence comment, once per run: it carries a hidden marker, and a PR where the bot posted one gets no
    /// second (anyone else's comment with the marker counts for nothing).
    func postEvidence(_ validated: ValidatedPatch, on number: Int, heading: String? = nil) async throws {
        let marker = "<!-- ci-autofix:evidence run=\(failure.runID) -->"
        let comments = try await github.comments(repo: failure.repo, number: number)
        if comments.contains(where: { $0.user?.login == configuration.botName && $0.body.contains(marker) }) { return }
        let text = [heading, evidence(validated)].compactMap { $0 }.joined(separator: "\n\n")
        try await github.createComment(repo: failure.repo, number: number, body: redact(text) + "\n\n" + marker)
    }

    /// The run's branch when it is a branch of the repository; a tag run (or a branch gone since) gets the default branch.
    func baseBranch(_ facts: RunFacts) async throws -> String {
        if !facts.branch.isEmpty, try await pipeline.workspace.hasBranch(repo: failure.repo, branch: facts.branch, token: try await github.accessToken()) {
            return facts.branch
        }
        return try await github.repository(failure.repo).defaultBranch
    }

    /// Applies the validated diff itself to the run's commit in a private index (never a tree the tests
    /// touched), re-runs the rails on it and on git's own view of the staged change, and returns the tree.
    /// A resumed job gets here from a checkpoint: its diff is checked again, not trusted.
    func commitValidated(_ facts: RunFacts, _ validated: ValidatedPatch) async throws -> StagedChange {
        guard validated.base == facts.headSHA else {
            throw StageEnd(
                outcome: .noFix(reason: "the validated patch was made for \(validated.base.prefix(12)), not the run's commit \(facts.headSHA.prefix(12))"))
        }
        let rails = PatchRails(maxChangedLines: configuration.maxChangedLines, protected: protectedPaths, redactor: pipeline.redactor)
        do {
            let diff = try DiffParser.parse(reply: validated.diff)
            guard Set(diff.files.map(\.path)) == Set(validated.files) else {
                throw PatchError.refused(rule: "publish", detail: "the diff's files differ from the validated list")
            }
            try rails.check(diff)
            try await ensureCommit(facts)
            let staged = try await pipeline.workspace.stage(repo: failure.repo, sha: facts.headSHA, patch: validated.diff)
            try rails.check(
                staged: staged.changes.map { ChangedFile(status: $0.status, oldMode: $0.oldMode, newMode: $0.newMode, path: $0.path) },
                validatedFiles: Set(validated.files))
            return staged
        } catch let error as PatchError {
            throw StageEnd(outcome: .noFix(reason: "refused at publishing: \(error.description)"))
        } catch GitHubError.patchDoesNotApply(let detail) {
            throw StageEnd(outcome: .noFix(reason: "refused at publishing: the validated diff no longer applies (\(detail))"))
        }
    }

    func pullBody(_ facts: RunFacts, _ errors: ExtractedErrors, _ validated: ValidatedPatch) -> String {
        let list: String = errors.errors.prefix(10).map { (error: ExtractedError) -> String in
            let place: String =
                error.location.map { (location: CodeLocation) -> String in
                    " \(Markdown.code("\(location.file)\(location.line.map { ":\($0)" } ?? "")"))"
                } ?? ""
            return "- **\(error.kind.rawValue)**\(place): \(Markdown.code(String(error.message.prefix(200)))) (job \(Markdown.text(error.job)))"
        }.joined(separator: "\n")
        return """
            This draft PR was opened by ci-autofix for the failed run [\(failure.runID)](\(Markdown.url(facts.runURL))) of **\(Markdown.text(facts.workflow))** on \(Markdown.code(facts.branch)) at \(facts.headSHA.prefix(12)).

            ### Errors
            \(list)

            ### The fix
            \(Markdown.quote(validated.explanation))

            Files changed: \(validated.files.map { Markdown.code($0) }.joined(separator: ", "))

            Review it like any contribution: ci-autofix never merges.
            """
    }

    func evidence(_ validated: ValidatedPatch) -> String {
        let test: String
        if let command = validated.testCommand {
            let isolation =
                validated.sandbox == "none"
                ? "**unsandboxed**: the operator turned `sandbox.required` off, so the tests ran without isolation"
                : "in the sandbox (\(validated.sandbox): no network, no credentials, a throwaway copy of the tree)"
            test =
                "\(Markdown.code(command)) passed on exactly this change, \(isolation); \(validated.verdict):\n\n\(Self.fenced(redact(String(validated.testOutput.suffix(3000)))))"
        } else {
            test = "No test command is configured for this repository; the patch was checked with `git apply --check` only."
        }
        return """
            **Validation evidence** (after \(validated.rounds) round\(validated.rounds == 1 ? "" : "s")):
            - safety rails: passed (≤ \(configuration.maxChangedLines) changed lines, no CI configuration, no secret-like files, no skipped or weakened tests)
            - `git apply --check`: passed
            - \(test)
            """
    }

    /// A code block no content can close: its fence is longer than any run of backticks inside.
    static func fenced(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)text\n\(text)\n\(fence)"
    }
}
