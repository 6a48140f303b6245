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
