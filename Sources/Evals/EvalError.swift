import Core

/// Why an eval could not run (not a case's verdict: those are `EvalVerdict`).
public enum EvalError: ClassifiedError, CustomStringConvertible {
    case badSuite(String)
    case badReplies(String)
    case setUp(String)

    public var code: String {
        switch self {
        case .badSuite: "eval_bad_suite"
        case .badReplies: "eval_bad_replies"
        case .setUp: "eval_setup"
        }
    }

    public var isRetryable: Bool { false }

    public var description: String {
        switch self {
        case .badSuite(let message): "eval suite: \(message)"
        case .badReplies(let message): "scripted replies: \(message)"
        case .setUp(let message): "eval set-up: \(message)"
        }
    }
}
