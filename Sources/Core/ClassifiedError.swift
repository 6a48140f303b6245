/// An error that knows whether retrying can help; every module's error type conforms, so the worker can
/// decide between a retry, a dead job and a message without knowing the module.
public protocol ClassifiedError: Error {
    /// A stable code (persisted on run records and shown to operators).
    var code: String { get }
    var isRetryable: Bool { get }
    /// A delay the remote side asked for, if any.
    var retryAfter: Duration? { get }
}

extension ClassifiedError {
    public var retryAfter: Duration? { nil }
}
