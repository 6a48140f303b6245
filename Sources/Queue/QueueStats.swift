import Foundation

/// Queue facts for `autofix stats` and the database-derived metrics.
public struct QueueStats: Sendable, Hashable {
    public var countsByState: [JobState: Int]
    public var oldestQueuedAge: Duration?
    /// Succeeded over finished (cancelled excluded) in the trailing window; nil when nothing finished.
    public var successRate: Double?
    public var finishedInWindow: Int
    public var paused: Bool

    public init(
        countsByState: [JobState: Int], oldestQueuedAge: Duration?, successRate: Double?,
        finishedInWindow: Int, paused: Bool
    ) {
        self.countsByState = countsByState
        self.oldestQueuedAge = oldestQueuedAge
        self.successRate = successRate
        self.finishedInWindow = finishedInWindow
        self.paused = paused
    }
}

/// Everything `autofix metrics` exposes, read in one transaction.
public struct MetricsSnapshot: Sendable, Hashable {
    public var stats: QueueStats
    /// Monotonic totals: `jobs_finished` by outcome, `attempts`, `llm_tokens` by direction, `llm_cost_usd`.
    public var totals: [String: [String: Double]]
    /// Stage name to the durations (seconds) of retained stage records.
    public var stageDurations: [String: [Double]]
    /// The outcome records of pull requests opened in the last 30 days, and when the snapshot was taken.
    public var fixOutcomes: [FixOutcome]
    public var takenAt: Date

    public init(
        stats: QueueStats, totals: [String: [String: Double]], stageDurations: [String: [Double]], fixOutcomes: [FixOutcome] = [],
        takenAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.stats = stats
        self.totals = totals
        self.stageDurations = stageDurations
        self.fixOutcomes = fixOutcomes
        self.takenAt = takenAt
    }
}
