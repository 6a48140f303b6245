import Core

/// Errors of the outcome jobs, with stable codes.
public enum OutcomesError: ClassifiedError, CustomStringConvertible {
    case invalidPayload(String)

    public var code: String {
        switch self {
        case .invalidPayload: "outcome_invalid_payload"
        }
    }

    public var isRetryable: Bool { false }
    public var retryAfter: Duration? { nil }

    public var description: String {
        switch self {
        case .invalidPayload(let detail): "the fix-outcome job's payload is not valid: \(detail)"
        }
    }
}
