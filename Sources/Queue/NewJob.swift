import Foundation

/// What a producer asks the store to enqueue.
public struct NewJob: Sendable, Hashable {
    public var kind: String
    public var repo: String?
    /// Enqueueing a second job with the same key returns the first one.
    public var dedupeKey: String?
    public var payload: String
    /// Lower runs first.
    public var priority: Int
    /// Not claimable before this instant; `nil` means now.
    public var runAt: Date?
    public var maxAttempts: Int

    public init(
        kind: String, repo: String? = nil, dedupeKey: String? = nil, payload: String = "{}",
        priority: Int = 0, runAt: Date? = nil, maxAttempts: Int = 5
    ) {
        self.kind = kind
        self.repo = repo
        self.dedupeKey = dedupeKey
        self.payload = payload
        self.priority = priority
        self.runAt = runAt
        self.maxAttempts = maxAttempts
    }
}

/// The job an enqueue produced or found, and which of the two happened.
public struct EnqueueResult: Sendable, Hashable {
    public var job: Job
    /// False when the dedupe key matched an existing job.
    public var created: Bool

    public init(job: Job, created: Bool) {
        self.job = job
        self.created = created
    }
}
