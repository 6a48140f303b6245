/// What we ask a model: a system prompt and the conversation so far (correction rounds append to it).
public struct LLMRequest: Sendable, Hashable {
    public struct Message: Sendable, Hashable {
        public var role: String
        public var content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    public var system: String
    public var messages: [Message]
    /// A larger output budget than configured (a retry after a reply was cut off).
    public var maxTokens: Int?

    public init(system: String, messages: [Message], maxTokens: Int? = nil) {
        self.system = system
        self.messages = messages
        self.maxTokens = maxTokens
    }
}

/// Why the model stopped: only a `complete` reply is a whole answer.
public enum StopReason: String, Sendable, Hashable {
    case complete
    /// The output budget ran out (OpenAI `finish_reason: length`, Anthropic `stop_reason: max_tokens`).
    case truncated
    /// The model declined (OpenAI `message.refusal`, Anthropic `stop_reason: refusal`).
    case refused
    /// The provider's content filter cut it (OpenAI `finish_reason: content_filter`).
    case filtered
}

/// A model's answer with what it cost.
public struct LLMResponse: Sendable, Hashable {
    public var text: String
    public var model: String
    public var tokensIn: Int
    public var tokensOut: Int
    public var costUSD: Double
    /// Attempts the transport retried (429, 5xx, timeouts) before this answer.
    public var retries: Int
    public var stop: StopReason

    public init(text: String, model: String, tokensIn: Int, tokensOut: Int, costUSD: Double, retries: Int, stop: StopReason = .complete) {
        self.stop = stop
        self.text = text
        self.model = model
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.costUSD = costUSD
        self.retries = retries
    }
}

/// A chat model behind some provider's API.
public protocol LLMProvider: Sendable {
    func complete(_ request: LLMRequest) async throws -> LLMResponse
}
