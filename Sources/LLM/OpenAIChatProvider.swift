import FeatureConfiguration
import Foundation

/// OpenAI chat completions (`POST {base}/chat/completions`): OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server.
public struct OpenAIChatProvider: LLMProvider {
    public let configuration: LLMConfiguration

    public init(configuration: LLMConfiguration) {
        self.configuration = configuration
    }

    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        var headers: [String: String] = [:]
        var url = configuration.endpoint.appendingPathComponent("chat/completions")
        if configuration.provider == .azure {
            guard let key = configuration.apiKey else { throw LLMError.missingKey("Azure OpenAI") }
            // Azure has no public default endpoint: falling back to api.openai.com would send the key elsewhere.
            guard configuration.baseURL != nil else {
                throw LLMError.configuration("llm.provider azure needs llm.base_url (https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT)")
            }
            headers["api-key"] = key
            var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
            components.queryItems = [URLQueryItem(name: "api-version", value: configuration.azureAPIVersion)]
            url = components.url!
        } else if let key = configuration.apiKey {
            // Local servers (Ollama, llama.cpp) take no key.
            headers["Authorization"] = "Bearer \(key)"
        }
        let messages = [["role": "system", "content": request.system]] + request.messages.map { ["role": $0.role, "content": $0.content] }
        var body: [String: Any] = ["model": configuration.model, "messages": messages]
        let budget = request.maxTokens ?? configuration.maxTokens
        // `max_tokens` "is not compatible with o-series models" and is deprecated for `max_completion_tokens`
        // (llm-api/openai/chat-completions.json); reasoning models also take only the default temperature.
        if configuration.usesReasoningParameters {
            body["max_completion_tokens"] = budget
        } else {
            body["max_tokens"] = budget
            if let temperature = configuration.temperature { body["temperature"] = temperature }
        }
        let (json, retries) = try await LLMTransport(configuration: configuration).post(url, headers: headers, body: body)
        guard let choices = json["choices"] as? [[String: Any]], let message = choices.first?["message"] as? [String: Any] else {
            throw LLMError.invalidResponse("no choices[0].message")
        }
        let text = message["content"] as? String ?? ""
        let stop: StopReason =
            if let refusal = message["refusal"] as? String, !refusal.isEmpty { .refused } else {
                switch choices.first?["finish_reason"] as? String {
                case "length": .truncated
                case "content_filter": .filtered
                default: .complete
                }
            }
        let usage = json["usage"] as? [String: Any] ?? [:]
        let tokensIn = usage["prompt_tokens"] as? Int ?? 0
        let tokensOut = usage["completion_tokens"] as? Int ?? 0
        let model = json["model"] as? String ?? configuration.model
        return LLMResponse(
            text: text, model: model, tokensIn: tokensIn, tokensOut: tokensOut,
            costUSD: configuration.prices.cost(model: configuration.model, tokensIn: tokensIn, tokensOut: tokensOut), retries: retries, stop: stop)
    }
}
