import LogAnalysis

/// One error, redacted, as the model and the PR see it.
struct ExtractedError: Codable, Sendable, Hashable {
    var job: String
    var message: String
    /// Every place the block names, innermost last (traceback order).
    var locations: [CodeLocation]
    var rule: String
    var kind: FailureKind
    var excerpt: String

    var location: CodeLocation? { locations.last }
}

struct ExtractedErrors: Codable, Sendable {
    var failureKind: FailureKind
    var errors: [ExtractedError]
}
