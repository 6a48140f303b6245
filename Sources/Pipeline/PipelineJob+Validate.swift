import Foundation
import LLM
import LogAnalysis
import Patching

extension PipelineJob {
    /// Stage 5: rails, lenient placement, `git apply --check`, the test command; failures go back to the model.
    func validate(_ facts: RunFacts, _ patch: GeneratedPatch, _ report: inout StageRunner.Report) async throws -> ValidatedPatch {
        var reply = patch.reply
        var explanation = patch.explanation
        var conversation: [LLMRequest.Message] = [.init(role: "user", content: patch.userPrompt), .init(role: "assistant", content: patch.reply)]
        var round = 0
        while true {
            do {
                let validated = try await attempt(reply, facts)
                report.detail = [report.detail, "round \(round + 1) passed, sandbox \(validated.sandbox)"].compactMap { $0 }.joined(separator: "; ")
                return ValidatedPatch(
                    diff: validated.diff, explanation: explanation, files: validated.files, testCommand: validated.command,
                    testOutput: validated.output, sandbox: validated.sandbox, rounds: round + 1)
            } catch let error as PatchError {
                // A rail's refusal is final: no correction round may argue with it, and nothing is pushed.
                if error.isRailRefusal || round >= configuration.correctionRounds {
                    throw StageEnd(outcome: .noFix(reason: error.isRailRefusal ? error.description : "no patch passed validation after \(round + 1) rounds: \(String(error.description.prefix(500)))"))
                }
                round += 1
                logger.info("patch rejected; correction round", metadata: ["job": "\(context.job.id)", "round": "\(round)", "code": "\(error.code)"])
                conversation.append(.init(role: "user", content: redact("""
                    Your patch was rejected: \(String(error.description.suffix(6000)))
                    Answer again with a corrected explanation and one unified diff in a ```diff block.
                    """)))
                let system = pipeline.prompt.render([:]).system
                let response = try await pipeline.llm.complete(LLMRequest(system: system, messages: conversation))
                account(response, &report)
                reply = redact(response.text)
                explanation = Self.explanation(reply)
                conversation.append(.init(role: "assistant", content: reply))
            }
        }
    }

    struct Attempt {
        var diff: String
        var files: [String]
        var command: String?
        var output: String
        var sandbox: String
    }

    /// One candidate on a clean worktree.
    func attempt(_ reply: String, _ facts: RunFacts) async throws -> Attempt {
        let diff = try DiffParser.parse(reply: reply)
        try PatchRails(maxChangedLines: configuration.maxChangedLines).check(diff)
        // A fresh checkout per round: an earlier round's edits must not leak into this one.
        await removeWorktree()
        let worktree = try await checkout(facts)
        let normalized = try LenientPatcher().normalize(diff) { path in
            try? String(contentsOfFile: "\(worktree)/\(path)", encoding: .utf8)
        }
        let applied = try await PatchApplier().apply(normalized, in: worktree)
        guard let command = configuration.testCommand(for: failure.repo) else {
            return Attempt(diff: applied, files: diff.files.map(\.path), command: nil, output: "no test command configured", sandbox: "none")
        }
        let (result, sandbox) = try await TestCommand(command: command, timeout: configuration.testTimeout).run(in: worktree)
        let output = redact(String(result.combinedOutput.suffix(6000)))
        if result.timedOut { throw PatchError.testsTimedOut(configuration.testTimeout) }
        guard result.succeeded else { throw PatchError.testsFailed(output) }
        return Attempt(diff: applied, files: diff.files.map(\.path), command: command, output: output, sandbox: sandbox)
    }
}
