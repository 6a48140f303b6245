import Emulators
import FeatureConfiguration
import Foundation
import LLM
import Testing

@Suite struct LLMProviderTests {
    func configuration(_ provider: LLMConfiguration.Provider, _ base: URL) -> LLMConfiguration {
        var configuration = LLMConfiguration()
        configuration.provider = provider
        configuration.baseURL = provider == .anthropic ? base : base.appendingPathComponent("v1")
        configuration.model = provider == .anthropic ? "claude-sonnet-4-20250514" : "gpt-4o-2024-08-06"
        configuration.apiKey = "sk-test-key"
        configuration.prices = PriceTable.parse("gpt-4o=2.5/10,claude-sonnet-4=3/15")!
        return configuration
    }

    @Test(arguments: [LLMConfiguration.Provider.openai, .anthropic])
    func complete_readsTextUsageAndCost_andSendsTheProvidersShape(provider: LLMConfiguration.Provider) async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.reply("the answer"))
        try await server.run { base in
            let response = try await LLMProviders.make(configuration(provider, base))
                .complete(LLMRequest(system: "be careful", messages: [.init(role: "user", content: "fix it please")]))
            #expect(response.text == "the answer")
            #expect(response.tokensIn > 0 && response.tokensOut > 0)
            let price = provider == .anthropic ? (3.0, 15.0) : (2.5, 10.0)
            #expect(abs(response.costUSD - (Double(response.tokensIn) * price.0 + Double(response.tokensOut) * price.1) / 1e6) < 1e-12)
            let request = try #require(server.received.first)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
            if provider == .anthropic {
                #expect(request.path == "/v1/messages")
                #expect(request.headers["x-api-key"] == "sk-test-key" && request.headers["anthropic-version"] == "2023-06-01")
                #expect(body["system"] as? String == "be careful" && body["max_tokens"] is Int)
            } else {
                #expect(request.path == "/v1/chat/completions")
                #expect(request.headers["authorization"] == "Bearer sk-test-key")
                let messages = try #require(body["messages"] as? [[String: Any]])
                #expect(messages.first?["role"] as? String == "system" && messages.count == 2)
            }
        }
    }

    @Test func complete_after429WithRetryAfter_retriesAndCountsIt() async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.status(429, retryAfter: 1), .status(503), .reply("ok"))
        try await server.run { base in
            let started = ContinuousClock.now
            let response = try await LLMProviders.make(configuration(.anthropic, base)).complete(
                LLMRequest(system: "s", messages: [.init(role: "user", content: "u")]))
            #expect(response.text == "ok" && response.retries == 2)
            #expect(ContinuousClock.now - started >= .seconds(1), "Retry-After must be honoured")
        }
    }

    @Test func complete_with401_throwsUnauthorizedWithoutRetrying() async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.status(401), .reply("never"))
        try await server.run { base in
            await #expect(throws: LLMError.unauthorized(401, "scripted 401")) {
                try await LLMProviders.make(configuration(.openai, base)).complete(LLMRequest(system: "s", messages: [.init(role: "user", content: "u")]))
            }
            #expect(server.received.count == 1)
        }
    }
}
