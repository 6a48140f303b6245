import Core
import LogAnalysis
import Queue

/// A stage's error on its way to the job row and the log: the same classification, its text redacted.
/// (git's stderr, a test's output or an API's answer can quote a secret.)
struct RedactedError: Error, ClassifiedError, CustomStringConvertible {
    var code: String
    var isRetryable: Bool
    var retryAfter: Duration?
    var description: String

    init(_ error: any Error, redactor: SecretRedactor) {
        if let classified = error as? any ClassifiedError {
            code = classified.code
            isRetryable = classified.isRetryable
            retryAfter = classified.retryAfter
        } else {
            code = "unclassified"
            isRetryable = true
        }
        description = redactor.redact("\(error)")
    }
}
