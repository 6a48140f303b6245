/// How a job handler ended, when it ended without throwing.
public enum JobOutcome: Sendable, Hashable {
    /// The work is done; for the autofix kind, `prURL` is the draft PR.
    case succeeded(prURL: String? = nil, result: String? = nil)
    /// The pipeline ran but produced nothing acceptable.
    case noFix(reason: String)
    /// Policy declined the job.
    case skipped(reason: String)
    case cancelled(reason: String)

    public var state: JobState {
        switch self {
        case .succeeded: .succeeded
        case .noFix: .noFix
        case .skipped: .skipped
        case .cancelled: .cancelled
        }
    }

    public var reason: String? {
        switch self {
        case .succeeded: nil
        case .noFix(let reason), .skipped(let reason), .cancelled(let reason): reason
        }
    }
}

/// A handler failure as the store sees it: retried through the policy, or final.
public struct JobFailure: Sendable, Hashable {
    public var message: String
    public var isRetryable: Bool
    /// A delay the peer asked for (Retry-After); the backoff is never shorter than it.
    public var retryAfter: Duration?

    public init(message: String, isRetryable: Bool, retryAfter: Duration? = nil) {
        self.message = message
        self.isRetryable = isRetryable
        self.retryAfter = retryAfter
    }
}
