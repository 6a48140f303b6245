import Core

/// A provider failure, typed so the job knows whether to retry.
public enum LLMError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    case missingKey(String)
    case unauthorized(Int, String)
    case badRequest(Int, String)
    case rateLimited(retryAfter: Duration?)
    case server(Int)
    case transport(String)
    case invalidResponse(String)
    /// The account is out of credit (OpenAI 429 `insufficient_quota`): no retry can help.
    case quotaExhausted(String)
    case configuration(String)

    public var code: String {
        switch self {
        case .missingKey: "llm_missing_key"
        case .unauthorized: "llm_unauthorized"
        case .badRequest: "llm_bad_request"
        case .rateLimited: "llm_rate_limited"
        case .server: "llm_server_error"
        case .transport: "llm_transport"
        case .invalidResponse: "llm_invalid_response"
        case .quotaExhausted: "llm_quota_exhausted"
        case .configuration: "llm_configuration"
        }
    }

    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .server, .transport, .invalidResponse: true
        case .missingKey, .unauthorized, .badRequest, .quotaExhausted, .configuration: false
        }
    }

    public var retryAfter: Duration? {
        if case .rateLimited(let after) = self { return after }
        return nil
    }

    public var description: String {
        switch self {
        case .missingKey(let provider): "no API key for \(provider); set llm.api_key (AUTOFIX_LLM_API_KEY or the llm-api-key credential)"
        case .unauthorized(let status, let message): "the LLM provider rejected the key (\(status): \(message)); check llm.api_key"
        case .badRequest(let status, let message): "the LLM provider rejected the request (\(status): \(message)); check llm.model and llm.base_url"
        case .rateLimited(let after): "the LLM provider is rate limiting\(after.map { "; retry after \($0)" } ?? "")"
        case .server(let status): "the LLM provider answered \(status)"
        case .transport(let message): "could not reach the LLM provider: \(message)"
        case .invalidResponse(let detail): "unreadable LLM response: \(detail)"
        case .quotaExhausted(let message): "the LLM account has no quota left (\(message)); add credit or change llm.api_key"
        case .configuration(let message): message
        }
    }
}
