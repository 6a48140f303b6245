import LLM

extension PipelineJob {
    /// Asks the model; a reply cut off by the output budget is asked again once with twice the budget.
    /// A reply still cut off, refused or filtered is not an answer: `ModelReplyUnusable` says which.
    func ask(_ request: LLMRequest, _ report: inout StageRunner.Report) async throws -> LLMResponse {
        var response = try await pipeline.llm.complete(request)
        account(response, &report)
        if response.stop == .truncated {
            var larger = request
            larger.maxTokens = pipeline.llmMaxTokens * 2
            logger.info("the reply was cut off by the token limit; asking again with a larger budget", metadata: ["job": "\(context.job.id)"])
            response = try await pipeline.llm.complete(larger)
            account(response, &report)
        }
        guard response.stop == .complete else { throw ModelReplyUnusable(stop: response.stop) }
        return response
    }
}

/// The model's reply cannot be used as an answer.
struct ModelReplyUnusable: Error, CustomStringConvertible {
    var stop: StopReason

    var description: String {
        switch stop {
        case .truncated: "the model's reply was cut off by the token limit twice (llm.max_tokens)"
        case .refused: "the model refused to answer"
        case .filtered: "the provider's content filter stopped the reply"
        case .complete: "the reply is complete"
        }
    }
}
