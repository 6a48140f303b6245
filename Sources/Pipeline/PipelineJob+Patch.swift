import Foundation
import LLM
import LogAnalysis
import Patching

extension PipelineJob {
    /// Stage 4: render the versioned prompt, ask the model, keep its explanation and diff.
    func generatePatch(_ facts: RunFacts, _ errors: ExtractedErrors, _ context: GatheredContext, _ report: inout StageRunner.Report) async throws
        -> GeneratedPatch
    {
        let errorList: String = errors.errors.enumerated().map { (index: Int, error: ExtractedError) -> String in
            let place: String =
                error.location.map { (location: CodeLocation) -> String in
                    " (\(location.file)\(location.line.map { ":\($0)" } ?? "")\(location.column.map { ":\($0)" } ?? ""))"
                } ?? ""
            return "\(index + 1). [\(error.kind.rawValue), job \(error.job)]\(place) \(error.message)"
        }.joined(separator: "\n")
        let excerpt: String = errors.errors.map { "--- \($0.job) ---\n\($0.excerpt)" }.joined(separator: "\n")
        let values: [String: String] = [
            "workflow": facts.workflow, "repository": failure.repo, "branch": facts.branch, "head_sha": facts.headSHA,
            "failure_kind": errors.failureKind.rawValue, "errors": PromptFence.escape(errorList), "log_excerpt": PromptFence.escape(excerpt),
            "code_context": context.code,
            "recent_change": context.recentChange.isEmpty
                ? "" : "\(context.recentChangeTitle ?? "The commit under test:")\n<code>\n\(context.recentChange)\n</code>",
        ].mapValues(redact)
        let (system, user) = pipeline.prompt.render(values)
        let response: LLMResponse
        do {
            response = try await ask(LLMRequest(system: system, messages: [.init(role: "user", content: user)]), &report)
        } catch let unusable as ModelReplyUnusable {
            throw StageEnd(outcome: .noFix(reason: unusable.description))
        }
        let reply = redact(response.text)
        if let reason = policy.modelDeclined(reply) { throw StageEnd(outcome: .noFix(reason: reason)) }
        return GeneratedPatch(explanation: Self.explanation(reply), reply: reply, userPrompt: user, model: response.model)
    }

    func account(_ response: LLMResponse, _ report: inout StageRunner.Report) {
        report.tokensIn += response.tokensIn
        report.tokensOut += response.tokensOut
        report.costUSD += response.costUSD
        report.promptVersion = pipeline.prompt.version
        if response.retries > 0 {
            report.detail = [report.detail, "llm retried \(response.retries)× (rate limit or server error)"].compactMap { $0 }.joined(separator: "; ")
        }
    }

    /// The prose before the diff.
    static func explanation(_ reply: String) -> String {
        let cut = [reply.range(of: "```"), reply.range(of: "\n--- a/"), reply.range(of: "diff --git")].compactMap { $0?.lowerBound }.min()
        return String(reply[..<(cut ?? reply.endIndex)]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
