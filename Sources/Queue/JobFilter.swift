/// Which jobs an operator listing shows, newest first.
public struct JobFilter: Sendable, Hashable {
    public var state: JobState?
    public var repo: String?
    public var limit: Int

    public init(state: JobState? = nil, repo: String? = nil, limit: Int = 50) {
        self.state = state
        self.repo = repo
        self.limit = limit
    }
}

/// What `cancel` did.
public enum CancelResult: Sendable, Hashable {
    /// The job was queued and is now `cancelled`.
    case cancelled
    /// The job is running; its worker stops it at the next heartbeat.
    case requested
}
