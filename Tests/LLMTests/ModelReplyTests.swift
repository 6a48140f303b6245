import Emulators
import FeatureConfiguration
import Foundation
import LLM
import Testing

/// What today's models answer that a client written for yesterday's misreads.
@Suite struct ModelReplyTests {
    func configuration(_ provider: LLMConfiguration.Provider, _ base: URL, model: String? = nil) -> LLMConfiguration {
        var configuration = LLMConfiguration()
        configuration.provider = provider
        configuration.baseURL = provider == .anthropic ? base : base.appendingPathComponent("v1")
        configuration.model = model ?? (provider == .anthropic ? "claude-sonnet-4-20250514" : "gpt-4o-2024-08-06")
        configuration.apiKey = "sk-test-key"
        configuration.maxAttempts = 2
        return configuration
    }

    func ask(_ configuration: LLMConfiguration) async throws -> LLMResponse {
        try await LLMProviders.make(configuration).complete(LLMRequest(system: "s", messages: [.init(role: "user", content: "u")]))
    }

    @Test(arguments: [LLMConfiguration.Provider.openai, .anthropic])
    func replyCutOffByTheTokenLimit_isMarkedTruncated(provider: LLMConfiguration.Provider) async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.truncated("```diff\n--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,2 @@\n def f():\n-    return 1"))
        try await server.run { base in
            let stop = try await ask(configuration(provider, base)).stop
            #expect(stop == .truncated)
        }
    }

    @Test(arguments: [LLMConfiguration.Provider.openai, .anthropic])
    func refusal_isMarkedRefused(provider: LLMConfiguration.Provider) async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.refusal("I can't help with that."))
        try await server.run { base in
            let stop = try await ask(configuration(provider, base)).stop
            #expect(stop == .refused)
        }
    }

    @Test func contentFilter_isMarkedFiltered() async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.contentFilter("partial"))
        try await server.run { base in
            let stop = try await ask(configuration(.openai, base)).stop
            #expect(stop == .filtered)
        }
    }

    @Test(arguments: ["o3-mini", "o1", "gpt-5", "gpt-5-mini-2025-08-07", "o4-mini"])
    func reasoningModels_getMaxCompletionTokensAndNoTemperature(model: String) async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.reply("ok"))
        try await server.run { base in
            let response = try await ask(configuration(.openai, base, model: model))
            #expect(response.text == "ok")
            let sent = try #require(server.received.first)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(sent.body.utf8)) as? [String: Any])
            #expect(body["max_completion_tokens"] is Int && body["max_tokens"] == nil && body["temperature"] == nil)
        }
    }

    @Test func reasoningModel_withClassicParameters_isRefusedByTheEmulatorAsByOpenAI() async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.reply("never"))
        try await server.run { base in
            var classic = configuration(.openai, base, model: "o3-mini")
            classic.reasoningParameters = false
            await #expect(throws: LLMError.self) { try await ask(classic) }
            #expect(server.received.count == 1, "a 400 is not retried")
        }
    }

    @Test func insufficientQuota_isNotRetried() async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.insufficientQuota, .reply("never"))
        try await server.run { base in
            do {
                _ = try await ask(configuration(.openai, base))
                Issue.record("expected a quota error")
            } catch let error as LLMError {
                #expect(!error.isRetryable && error.code == "llm_quota_exhausted")
            }
            #expect(server.received.count == 1)
        }
    }

    @Test func anthropicsShouldRetryFalse_isNotRetried_evenOnA5xx() async throws {
        let server = ScriptedLLMServer()
        server.enqueue(.status(500, shouldRetry: false), .reply("never"))
        try await server.run { base in
            await #expect(throws: LLMError.self) { try await ask(configuration(.anthropic, base)) }
            #expect(server.received.count == 1)
        }
    }

    @Test func azureWithoutItsBaseURL_isAConfigurationError_notApiOpenAIcom() async throws {
        var azure = LLMConfiguration()
        azure.provider = .azure
        azure.apiKey = "k"
        await #expect(throws: LLMError.configuration("llm.provider azure needs llm.base_url (https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT)")) {
            try await ask(azure)
        }
    }
}
