import Core
import Queue

/// Pipeline failures that are not a dependency's own typed error.
public enum PipelineError: Error, Sendable, Hashable, CustomStringConvertible, ClassifiedError {
    case invalidPayload(String)
    case missingPrompt(String)
    case corruptCheckpoint(stage: String)

    public var code: String {
        switch self {
        case .invalidPayload: "invalid_payload"
        case .missingPrompt: "missing_prompt"
        case .corruptCheckpoint: "corrupt_checkpoint"
        }
    }

    public var isRetryable: Bool { false }

    public var description: String {
        switch self {
        case .invalidPayload(let detail): "invalid autofix payload: \(detail)"
        case .missingPrompt(let version): "no prompt template \(version)"
        case .corruptCheckpoint(let stage): "the \(stage) checkpoint cannot be read"
        }
    }
}
