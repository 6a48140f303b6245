import Foundation

/// Exponential backoff with full jitter and a cap: the one policy every retry loop uses (job retries,
/// GitHub and model requests, a busy database), each with its own base and cap.
public struct RetryPolicy: Sendable {
    public var base: Duration
    public var cap: Duration
    /// Returns a value in [0, 1); injected so tests can pin the jitter.
    public var random: @Sendable () -> Double

    public init(base: Duration = .seconds(5), cap: Duration = .seconds(600), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.base = base
        self.cap = cap
        self.random = random
    }

    /// The ceiling for the delay after `attempt` failed attempts: min(cap, base * 2^(attempt-1)).
    public func ceiling(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 40)
        let raw = base.seconds * pow(2, Double(exponent))
        return .milliseconds(Int64(min(raw, cap.seconds) * 1000))
    }

    /// Full jitter: uniform in [0, ceiling], but never shorter than what the peer asked for.
    public func delay(afterAttempt attempt: Int, atLeast floor: Duration? = nil) -> Duration {
        let ceiling = ceiling(afterAttempt: attempt)
        let jittered = Duration.milliseconds(Int64(Double(ceiling.milliseconds) * random()))
        guard let floor else { return jittered }
        return max(jittered, floor)
    }
}

extension RetryPolicy {
    /// In-place retries of a GitHub request: from half a second, at most 16 s.
    public static let githubRequest = RetryPolicy(base: .milliseconds(500), cap: .seconds(16))
    /// In-place retries of a model request: from half a second, at most 32 s.
    public static let modelRequest = RetryPolicy(base: .milliseconds(500), cap: .seconds(32))
    /// A writer finding SQLite locked: from 2 ms, at most 200 ms, until the busy deadline.
    public static let busyDatabase = RetryPolicy(base: .milliseconds(2), cap: .milliseconds(200))
}
