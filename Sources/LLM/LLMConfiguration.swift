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
    public var baseURL = URL(string: "https://api.openai.com/v1")!
    public var model = "gpt-4o-mini"
    public var apiKey: String?
    public var azureAPIVersion = "2024-06-01"
    public var timeout: Duration = .seconds(120)
    public var maxAttempts = 4
    /// The longest Retry-After we wait in place; longer asks become a job retry.
    public var maxRetryWait: Duration = .seconds(60)
    public var maxTokens = 4096
    public var temperature = 0.0
    public var prices = PriceTable()

    public init() {}
}
