import Foundation
import LogAnalysis

/// What `fetch_logs` learned about the run (logs themselves are not stored: they may hold secrets).
struct RunFacts: Codable, Sendable {
    var headSHA: String
    var branch: String
    var workflow: String
    var runURL: String
    var failedJobs: [FailedJob]
}

struct FailedJob: Codable, Sendable, Hashable {
    var id: Int64
    var name: String
}

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

struct GatheredContext: Codable, Sendable {
    var code: String
    var recentChange: String
    var files: [String]
}

/// The model's answer: the explanation and the diff it proposed.
struct GeneratedPatch: Codable, Sendable {
    var explanation: String
    var reply: String
    var userPrompt: String
    var model: String
}

/// A patch that passed the rails, applied cleanly and (if configured) passed the tests.
struct ValidatedPatch: Codable, Sendable {
    /// The commit the diff was validated against.
    var base: String
    /// `git diff --cached` of the staged change: exactly what is published.
    var diff: String
    var explanation: String
    var files: [String]
    var testCommand: String?
    var testOutput: String
    var sandbox: String
    /// The outcome-based judgement of the tests (before and after the patch).
    var verdict: String
    var rounds: Int
}

struct PublishedPull: Codable, Sendable {
    var url: String
    var number: Int
    var reused: Bool
}

extension JSONEncoder {
    static let checkpoint: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
