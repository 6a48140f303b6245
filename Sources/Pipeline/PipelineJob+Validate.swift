import ChildProcess
import Foundation
import GitHub
import LLM
import LogAnalysis
import Patching

extension PipelineJob {
    /// Stage 5: rails, lenient placement, git's own view of the staged change, then the tests in the
    /// sandbox before and after the patch; failures go back to the model, refusals end the job.
    func validate(_ facts: RunFacts, _ errors: ExtractedErrors, _ patch: GeneratedPatch, _ report: inout StageRunner.Report) async throws -> ValidatedPatch {
        var reply = patch.reply
        var explanation = patch.explanation
        var conversation: [LLMRequest.Message] = [.init(role: "user", content: patch.userPrompt), .init(role: "assistant", content: patch.reply)]
        var round = 0
        while true {
            do {
                var validated = try await attempt(reply, facts, errors, round: round)
                validated.explanation = explanation
                validated.rounds = round + 1
                report.detail = [report.detail, "round \(round + 1) passed, sandbox \(validated.sandbox)\(testTreeSummary.map { " (\($0))" } ?? "")"].compactMap
                { $0 }.joined(separator: "; ")
                return validated
            } catch let unavailable as SandboxUnavailable {
                throw StageEnd(outcome: .noFix(reason: unavailable.description))
            } catch let error as PatchError {
                // A rail's refusal is final: no correction round may argue with it, and nothing is pushed.
                if error.isRailRefusal || round >= configuration.correctionRounds {
                    throw StageEnd(
                        outcome: .noFix(
                            reason: error.isRailRefusal
                                ? error.description : "no patch passed validation after \(round + 1) rounds: \(String(error.description.prefix(500)))"))
                }
                round += 1
                logger.info("patch rejected; correction round", metadata: ["job": "\(context.job.id)", "round": "\(round)", "code": "\(error.code)"])
                conversation.append(.init(role: "user", content: redact(correction(error))))
                let system = pipeline.prompt.render([:]).system
                do {
                    reply = redact(try await ask(LLMRequest(system: system, messages: conversation), &report).text)
                } catch let unusable as ModelReplyUnusable {
                    // A failed round: the next one (if any) says why; the conversation gets no empty turn.
                    reply = "(\(unusable.description))"
                }
                explanation = Self.explanation(reply)
                conversation.append(.init(role: "assistant", content: reply))
            }
        }
    }

    /// The message of a correction round; test output is untrusted and stays inside its fence.
    func correction(_ error: PatchError) -> String {
        let why: String =
            switch error {
            case .testsFailed(let output): "the tests failed:\n\(PromptFence.testOutput(String(output.suffix(6000))))"
            default: PromptFence.escape(String(error.description.suffix(6000)))
            }
        return "Your patch was rejected: \(why)\nAnswer again with a corrected explanation and one unified diff in a ```diff block."
    }

    /// One candidate: parsed and checked, applied by git to the run's commit in a private index, checked
    /// again as git sees it, then tested on a throwaway copy of exactly that tree. The caller adds the
    /// explanation and the round count.
    func attempt(_ reply: String, _ facts: RunFacts, _ errors: ExtractedErrors, round: Int) async throws -> ValidatedPatch {
        let diff = try DiffParser.parse(reply: reply)
        let rails = PatchRails(maxChangedLines: configuration.maxChangedLines, protected: protectedPaths, redactor: pipeline.redactor)
        try rails.check(diff)
        try await ensureCommit(facts)
        let staged = try await stage(diff, facts)
        let files = diff.files.map(\.path)
        try rails.check(
            staged: staged.changes.map { ChangedFile(status: $0.status, oldMode: $0.oldMode, newMode: $0.newMode, path: $0.path) }, validatedFiles: Set(files))
        guard let command = configuration.testCommand(for: failure.repo) else {
            return ValidatedPatch(
                base: facts.headSHA, diff: staged.diff, explanation: "", files: files, testCommand: nil,
                testOutput: "no test command configured", sandbox: "none", verdict: "no tests run", rounds: 0)
        }
        let sandbox = TestSandbox(configuration: configuration.sandbox)
        if baseline == nil {
            baseline = try await runTests(command, sandbox, facts, change: nil, name: "base")
        }
        let after = try await runTests(command, sandbox, facts, change: staged, name: "round-\(round + 1)")
        let output = redact(String(after.result.combinedOutput.suffix(6000)))
        if after.result.timedOut { throw PatchError.testsTimedOut(configuration.testTimeout) }
        guard after.result.succeeded else { throw PatchError.testsFailed(output) }
        let verdict = try TestVerdict(failedInCI: failedInCI(errors), blamesCodeUnderTest: blamesCode(errors)).judge(
            before: TestReport.parse(baseline!.result.combinedOutput), after: TestReport.parse(after.result.combinedOutput), changedFiles: files)
        return ValidatedPatch(
            base: facts.headSHA, diff: staged.diff, explanation: "", files: files, testCommand: command,
            testOutput: output, sandbox: after.isolation, verdict: verdict, rounds: 0)
    }

    /// The model's diff placed by content on the run's commit and applied by git to a private index.
    func stage(_ diff: UnifiedDiff, _ facts: RunFacts) async throws -> StagedChange {
        let entries = try await pipeline.workspace.entries(repo: failure.repo, sha: facts.headSHA, paths: diff.files.map { $0.oldPath ?? $0.path })
        var texts: [String: String] = [:]
        for file in diff.files {
            let path = file.oldPath ?? file.path
            guard let entry = entries.first(where: { $0.path == path }) else { continue }
            guard entry.isRegularFile else { throw PatchError.refused(rule: "mode", detail: "\(path) is a symlink or submodule") }
            texts[path] = try await pipeline.workspace.text(repo: failure.repo, object: entry.object)
        }
        let normalized = try LenientPatcher().normalize(diff) { texts[$0] }
        do {
            return try await pipeline.workspace.stage(repo: failure.repo, sha: facts.headSHA, patch: normalized)
        } catch GitHubError.patchDoesNotApply(let detail) {
            throw PatchError.gitApplyFailed(detail)
        }
    }

    /// The tests the CI log reports as failed.
    func failedInCI(_ errors: ExtractedErrors) -> Set<String> {
        errors.errors.reduce(into: Set<String>()) { $0.formUnion(TestReport.parse($1.excerpt).failedTests) }
    }

    func blamesCode(_ errors: ExtractedErrors) -> Bool {
        TestVerdict.blamesCode(
            locations: errors.errors.flatMap { $0.locations.map(\.file) }.filter {
                !$0.hasPrefix("/") && !$0.contains("site-packages") && !$0.contains("node_modules")
            },
            messages: errors.errors.map(\.message) + errors.errors.map(\.excerpt))
    }

    var protectedPaths: ProtectedPaths {
        if let list = configuration.repositoryProtectedPaths[failure.repo] { return ProtectedPaths(configured: list) }
        return ProtectedPaths(patterns: ProtectedPaths.standard.patterns + ProtectedPaths(configured: configuration.extraProtectedPaths).patterns)
    }
}
