/// Why an enqueue request was refused; every case is the caller's to fix.
public enum IntakeError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingField(String)
    case invalidField(String, String)
    case malformedPayload(String)

    public var code: String {
        switch self {
        case .missingField: "missing_field"
        case .invalidField: "invalid_field"
        case .malformedPayload: "malformed_payload"
        }
    }

    public var isRetryable: Bool { false }

    public var description: String {
        switch self {
        case .missingField(let field): "missing \(field)"
        case .invalidField(let field, let why): "invalid \(field): \(why)"
        case .malformedPayload(let why): "malformed payload: \(why)"
        }
    }
}
