import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// An LLM provider on 127.0.0.1 that speaks OpenAI chat completions and Anthropic Messages,
/// answers from a script, and records every request it received.
public final class ScriptedLLMServer: Sendable {
    /// One scripted answer.
    public enum Step: Sendable {
        /// 200 with this assistant text.
        case reply(String)
        /// An error status (429, 5xx…) with an optional Retry-After in seconds and Anthropic's `x-should-retry`.
        case status(Int, retryAfter: Int? = nil, shouldRetry: Bool? = nil)
        /// 200, but the output budget ran out mid-reply: OpenAI `finish_reason: "length"`, Anthropic
        /// `stop_reason: "max_tokens"` (llm-api/openai/chat-completions.json; llm-api/anthropic recorded exchanges).
        case truncated(String)
        /// 200 with a refusal: OpenAI `message.refusal` (content null), Anthropic `stop_reason: "refusal"`.
        case refusal(String)
        /// 200 cut by OpenAI's content filter: `finish_reason: "content_filter"`.
        case contentFilter(String)
        /// OpenAI 429 with `code: insufficient_quota` (the account is out of credit; retrying cannot help).
        case insufficientQuota
    }

    /// A request as received: path, headers (lower-cased names) and body text.
    public struct Received: Sendable {
        public var path: String
        public var headers: [String: String]
        public var body: String
    }

    struct State {
        var script: [Step] = []
        var received: [Received] = []
    }

    let state = Mutex(State())
    /// Answers when the script is empty: gets the prompt text, returns the reply.
    let fallback: @Sendable (String) -> Step
    let logger: Logger

    public init(
        fallback: @escaping @Sendable (String) -> Step = { _ in .reply("NO_FIX nothing scripted") },
        logger: Logger = Logger(label: "scripted-llm", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.fallback = fallback
        self.logger = logger
    }

    public func enqueue(_ steps: Step...) {
        state.withLock { $0.script += steps }
    }

    public var received: [Received] { state.withLock { $0.received } }

    public func run<T: Sendable>(port: Int = 0, _ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router(context: BasicRequestContext.self)
        router.post("/v1/chat/completions") { request, _ in try await self.answer(request, anthropic: false) }
        router.post("/chat/completions") { request, _ in try await self.answer(request, anthropic: false) }
        router.post("/openai/deployments/{deployment}/chat/completions") { request, _ in try await self.answer(request, anthropic: false) }
        router.post("/v1/messages") { request, _ in try await self.answer(request, anthropic: true) }
        return try await LoopbackServer.run(router: router, port: port, logger: logger, body)
    }

    func answer(_ request: Request, anthropic: Bool) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 32 << 20)
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        let model = json["model"] as? String ?? "scripted"
        let prompt = Self.promptText(json)
        let step =
            state.withLock { state -> Step? in
                state.received.append(Received(path: request.uri.path, headers: headers, body: text))
                return state.script.isEmpty ? nil : state.script.removeFirst()
            } ?? fallback(prompt)
        // OpenAI's reasoning families refuse the classic parameters: `max_tokens` "is not compatible with
        // o-series models" (llm-api/openai/chat-completions.json); the body follows its ErrorResponse schema.
        if !anthropic, Self.isReasoningModel(model) {
            if json["max_tokens"] != nil {
                return Self.openAIError(
                    400, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
                    type: "invalid_request_error", param: "max_tokens", code: "unsupported_parameter")
            }
            if let temperature = json["temperature"] as? Double, temperature != 1 {
                return Self.openAIError(
                    400, "Unsupported value: 'temperature' does not support \(temperature) with this model. Only the default (1) value is supported.",
                    type: "invalid_request_error", param: "temperature", code: "unsupported_value")
            }
        }
        let tokensIn = max(1, prompt.utf8.count / 4)
        switch step {
        case .status(let code, let retryAfter, let shouldRetry):
            var fields: HTTPFields = [:]
            if let retryAfter { fields[HTTPField.Name("retry-after")!] = String(retryAfter) }
            if let shouldRetry { fields[HTTPField.Name("x-should-retry")!] = shouldRetry ? "true" : "false" }
            // Anthropic's error types by status (docs.claude.com/en/api/errors); OpenAI's ErrorResponse (param may be null).
            let anthropicType =
                [
                    400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error",
                    413: "request_too_large", 429: "rate_limit_error", 529: "overloaded_error",
                ][code] ?? "api_error"
            let body: [String: Any] =
                anthropic
                ? ["type": "error", "error": ["type": anthropicType, "message": "scripted \(code)"]]
                : [
                    "error": [
                        "message": "scripted \(code)", "type": code == 429 ? "requests" : "server_error", "param": NSNull(),
                        "code": code == 429 ? "rate_limit_exceeded" : NSNull(),
                    ]
                ]
            return Reply.json(HTTPResponse.Status(code: code), body, headers: fields)
        case .insufficientQuota where anthropic:
            // Anthropic has no quota error of its own: an exhausted credit balance is a 400 invalid_request_error.
            return Reply.json(
                .badRequest,
                ["type": "error", "error": ["type": "invalid_request_error", "message": "Your credit balance is too low to access the Anthropic API."]])
        case .insufficientQuota:
            return Self.openAIError(
                429, "You exceeded your current quota, please check your plan and billing details.",
                type: "insufficient_quota", param: nil, code: "insufficient_quota")
        case .reply(let reply):
            return Self.completion(reply, model: model, tokensIn: tokensIn, anthropic: anthropic, stop: anthropic ? "end_turn" : "stop")
        case .truncated(let reply):
            return Self.completion(reply, model: model, tokensIn: tokensIn, anthropic: anthropic, stop: anthropic ? "max_tokens" : "length")
        case .contentFilter(let reply):
            return Self.completion(reply, model: model, tokensIn: tokensIn, anthropic: anthropic, stop: anthropic ? "end_turn" : "content_filter")
        case .refusal(let reason):
            if anthropic { return Self.completion(reason, model: model, tokensIn: tokensIn, anthropic: true, stop: "refusal") }
            return Reply.json(
                .ok,
                [
                    "id": "chatcmpl-scripted\(UUID().uuidString.prefix(8))", "object": "chat.completion", "created": Int(Date().timeIntervalSince1970),
                    "model": model,
                    "choices": [
                        ["index": 0, "message": ["role": "assistant", "content": NSNull(), "refusal": reason], "finish_reason": "stop", "logprobs": NSNull()]
                    ],
                    "usage": ["prompt_tokens": tokensIn, "completion_tokens": 5, "total_tokens": tokensIn + 5],
                ])
        }
    }

    static func completion(_ reply: String, model: String, tokensIn: Int, anthropic: Bool, stop: String) -> Response {
        let tokensOut = max(1, reply.utf8.count / 4)
        if anthropic {
            return Reply.json(
                .ok,
                [
                    "id": "msg_01Scripted\(UUID().uuidString.prefix(8))", "type": "message", "role": "assistant", "model": model,
                    "content": [["type": "text", "text": reply]], "stop_reason": stop, "stop_sequence": NSNull(),
                    "usage": ["input_tokens": tokensIn, "output_tokens": tokensOut],
                ])
        }
        return Reply.json(
            .ok,
            [
                "id": "chatcmpl-scripted\(UUID().uuidString.prefix(8))", "object": "chat.completion", "created": Int(Date().timeIntervalSince1970),
                "model": model,
                "choices": [
                    ["index": 0, "message": ["role": "assistant", "content": reply, "refusal": NSNull()], "finish_reason": stop, "logprobs": NSNull()]
                ],
                "usage": ["prompt_tokens": tokensIn, "completion_tokens": tokensOut, "total_tokens": tokensIn + tokensOut],
            ])
    }

    static func openAIError(_ status: Int, _ message: String, type: String, param: String?, code: String) -> Response {
        Reply.json(
            HTTPResponse.Status(code: status),
            ["error": ["message": message, "type": type, "param": param.map { $0 as Any } ?? NSNull(), "code": code] as [String: Any]])
    }

    static func isReasoningModel(_ model: String) -> Bool {
        let name = model.lowercased()
        return ["o1", "o3", "o4", "gpt-5"].contains { name == $0 || name.hasPrefix($0 + "-") || name.hasPrefix($0 + ".") }
    }

    static func promptText(_ json: [String: Any]) -> String {
        let messages = (json["messages"] as? [[String: Any]] ?? []).compactMap { $0["content"] as? String }
        return ([json["system"] as? String].compactMap { $0 } + messages).joined(separator: "\n")
    }
}
