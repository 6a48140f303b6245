import FeatureConfiguration
import Foundation

/// Anthropic Messages (`POST {base}/v1/messages`, `anthropic-version: 2023-06-01`).
public struct AnthropicProvider: LLMProvider {
    public let configuration: LLMConfiguration

    public init(configuration: LLMConfiguration) {
        self.configuration = configuration
    }

    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        guard let key = configuration.apiKey else { throw LLMError.missingKey("Anthropic") }
        let url = configuration.endpoint.appendingPathComponent("v1/messages")
        let headers = ["x-api-key": key, "anthropic-version": "2023-06-01"]
        var body: [String: Any] = [
            "model": configuration.model, "system": request.system, "max_tokens": request.maxTokens ?? configuration.maxTokens,
            // Anthropic refuses an empty content (a refused or empty earlier reply in the conversation).
            "messages": request.messages.map { ["role": $0.role, "content": $0.content.isEmpty ? "(no answer)" : $0.content] },
        ]
        if let temperature = configuration.temperature { body["temperature"] = temperature }
        let (json, retries) = try await LLMTransport(configuration: configuration).post(url, headers: headers, body: body)
        guard let content = json["content"] as? [[String: Any]] else { throw LLMError.invalidResponse("no content blocks") }
        let text = content.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined()
        let usage = json["usage"] as? [String: Any] ?? [:]
        // Cached prompt tokens are billed input too.
        let tokensIn =
            (usage["input_tokens"] as? Int ?? 0) + (usage["cache_creation_input_tokens"] as? Int ?? 0) + (usage["cache_read_input_tokens"] as? Int ?? 0)
        let tokensOut = usage["output_tokens"] as? Int ?? 0
        let model = json["model"] as? String ?? configuration.model
        let stop: StopReason =
            switch json["stop_reason"] as? String {
            case "max_tokens", "model_context_window_exceeded": .truncated
            case "refusal": .refused
            default: .complete
            }
        return LLMResponse(
            text: text, model: model, tokensIn: tokensIn, tokensOut: tokensOut,
            costUSD: configuration.prices.cost(model: configuration.model, tokensIn: tokensIn, tokensOut: tokensOut), retries: retries, stop: stop)
    }
}
