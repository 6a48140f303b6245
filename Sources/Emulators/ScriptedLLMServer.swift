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
        /// An error status (429, 5xx…) with an optional Retry-After in seconds.
        case status(Int, retryAfter: Int? = nil)
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

    public init(fallback: @escaping @Sendable (String) -> Step = { _ in .reply("NO_FIX nothing scripted") },
                logger: Logger = Logger(label: "scripted-llm", factory: { _ in SwiftLogNoOpLogHandler() })) {
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
        let step = state.withLock { state -> Step? in
            state.received.append(Received(path: request.uri.path, headers: headers, body: text))
            return state.script.isEmpty ? nil : state.script.removeFirst()
        } ?? fallback(prompt)
        switch step {
        case .status(let code, let retryAfter):
            var fields: HTTPFields = [:]
            if let retryAfter { fields[HTTPField.Name("retry-after")!] = String(retryAfter) }
            let body: [String: Any] = anthropic
                ? ["type": "error", "error": ["type": code == 429 ? "rate_limit_error" : "api_error", "message": "scripted \(code)"]]
                : ["error": ["message": "scripted \(code)", "type": code == 429 ? "requests" : "server_error", "code": code == 429 ? "rate_limit_exceeded" : NSNull()]]
            return Reply.json(HTTPResponse.Status(code: code), body, headers: fields)
        case .reply(let reply):
            let tokensIn = max(1, prompt.utf8.count / 4)
            let tokensOut = max(1, reply.utf8.count / 4)
            if anthropic {
                return Reply.json(.ok, [
                    "id": "msg_01Scripted\(UUID().uuidString.prefix(8))", "type": "message", "role": "assistant", "model": model,
                    "content": [["type": "text", "text": reply]], "stop_reason": "end_turn", "stop_sequence": NSNull(),
                    "usage": ["input_tokens": tokensIn, "output_tokens": tokensOut],
                ])
            }
            return Reply.json(.ok, [
                "id": "chatcmpl-scripted\(UUID().uuidString.prefix(8))", "object": "chat.completion", "created": Int(Date().timeIntervalSince1970),
                "model": model, "choices": [["index": 0, "message": ["role": "assistant", "content": reply], "finish_reason": "stop"]],
                "usage": ["prompt_tokens": tokensIn, "completion_tokens": tokensOut, "total_tokens": tokensIn + tokensOut],
            ])
        }
    }

    static func promptText(_ json: [String: Any]) -> String {
        let messages = (json["messages"] as? [[String: Any]] ?? []).compactMap { $0["content"] as? String }
        return ([json["system"] as? String].compactMap { $0 } + messages).joined(separator: "\n")
    }
}
