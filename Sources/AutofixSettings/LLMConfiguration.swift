import Foundation

/// Which model to ask and how; the key is a secret (env or credential file), never logged.
public struct LLMConfiguration: Sendable {
    /// Wire protocols: OpenAI chat completions (OpenAI, Ollama, vLLM, llama.cpp), Azure OpenAI, Anthropic Messages.
    public enum Provider: String, Sendable, CaseIterable {
        case openai
        case azure
        case anthropic
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
    public var temperature = 0.0
    public var prices = PriceTable.parse("gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10,gpt-4.1=2/8,claude-sonnet-4=3/15,claude-3-5-haiku=0.8/4")!

    public init() {}

    /// `baseURL`, else OpenAI's or Anthropic's public API.
    public var endpoint: URL {
        baseURL ?? URL(string: provider == .anthropic ? "https://api.anthropic.com" : "https://api.openai.com/v1")!
    }
}
