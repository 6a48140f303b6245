import Foundation

/// Which model to ask and how; the key is a secret (env or credential file), never logged.
public struct LLMConfiguration: Sendable {
    /// Wire protocols: OpenAI chat completions (OpenAI, Ollama, vLLM, llama.cpp), Azure OpenAI, Anthropic Messages.
    public enum Provider: String, Sendable, CaseIterable {
        case openai
        case azure
        case anthropic

        /// Characters of code per token, to turn a token budget into the characters a prompt may hold:
        /// OpenAI's o200k/cl100k tokenizers average about 4 on source code, Anthropic's about 3.5.
        public var charactersPerToken: Double {
            switch self {
            case .openai, .azure: 4.0
            case .anthropic: 3.5
            }
        }
    }

    public var provider: Provider = .openai
    /// `https://api.openai.com/v1`, `http://localhost:11434/v1`, `https://api.anthropic.com`,
    /// or for Azure `https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT`.
    /// nil: the provider's public endpoint (see `endpoint`).
    public var baseURL: URL?
    public var model = "gpt-4o-mini"
    public var apiKey: String?
    public var azureAPIVersion = "2024-06-01"
    public var timeout: Duration = .seconds(120)
    public var maxAttempts = 4
    /// The longest Retry-After we wait in place; longer asks become a job retry.
    public var maxRetryWait: Duration = .seconds(60)
    public var maxTokens = 4096
    /// nil: the parameter is not sent (the model's default). Reasoning models never get one.
    public var temperature: Double? = 0.0
    /// `max_completion_tokens` and no temperature, for OpenAI's reasoning families (o1, o3, o4, gpt-5);
    /// nil: decided by `model`'s name.
    public var reasoningParameters: Bool?
    public var prices = PriceTable.parse("gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10,gpt-4.1=2/8,claude-sonnet-4=3/15,claude-3-5-haiku=0.8/4")!

    public init() {}

    /// Whether requests use the reasoning models' parameters (by `reasoningParameters`, else by model family).
    public var usesReasoningParameters: Bool {
        if let reasoningParameters { return reasoningParameters }
        let name = model.lowercased().split(separator: "/").last.map(String.init) ?? model.lowercased()
        return ["o1", "o3", "o4", "gpt-5"].contains { name == $0 || name.hasPrefix($0 + "-") || name.hasPrefix($0 + ".") }
    }

    /// `baseURL`, else OpenAI's or Anthropic's public API.
    public var endpoint: URL {
        baseURL ?? URL(string: provider == .anthropic ? "https://api.anthropic.com" : "https://api.openai.com/v1")!
    }
}
