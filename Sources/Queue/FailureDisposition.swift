import Core

/// What a fenced write learned about the job it still holds.
public struct HeldLease: Sendable, Hashable {
    public var attempts: Int
    public var maxAttempts: Int
    public var cancelRequested: Bool

    public init(attempts: Int, maxAttempts: Int, cancelRequested: Bool) {
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.cancelRequested = cancelRequested
    }
}

/// Where a failed attempt sends its job. Every store applies this one rule, to failures a worker reports
/// and to leases it let expire, so retries behave the same on SQLite and PostgreSQL.
public enum FailureDisposition: Sendable, Hashable {
    /// An operator asked to cancel the job its worker is now giving up on: it ends cancelled.
    case cancelled
    /// Back to `queued`, due after this delay.
    case retry(after: Duration)
    /// No attempts left, or not worth retrying: the job ends `dead` with this message.
    case dead(message: String)

    public init(_ failure: JobFailure, held: HeldLease, policy: RetryPolicy) {
        if held.cancelRequested {
            self = .cancelled
        } else if failure.isRetryable && held.attempts < held.maxAttempts {
            self = .retry(after: policy.delay(afterAttempt: held.attempts, atLeast: failure.retryAfter))
        } else {
            self = .dead(message: failure.isRetryable ? "\(failure.message) (gave up after \(held.attempts) attempts)" : failure.message)
        }
    }
}
