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

    public init(system: String, messages: [Message]) {
        self.system = system
        self.messages = messages
    }
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

    public init(text: String, model: String, tokensIn: Int, tokensOut: Int, costUSD: Double, retries: Int) {
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
