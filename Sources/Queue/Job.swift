import Foundation

/// A job row as the store holds it.
public struct Job: Sendable, Hashable {
    public var id: Int64
    public var kind: String
    public var state: JobState
    public var repo: String?
    public var dedupeKey: String?
    /// JSON object text; each job kind defines its shape.
    public var payload: String
    public var priority: Int
    public var runAt: Date
    public var attempts: Int
    public var maxAttempts: Int
    public var leaseOwner: String?
    public var leaseUntil: Date?
    public var cancelRequested: Bool
    public var lastError: String?
    public var prURL: String?
    public var result: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?

    public init(
        id: Int64, kind: String, state: JobState, repo: String?, dedupeKey: String?, payload: String,
        priority: Int, runAt: Date, attempts: Int, maxAttempts: Int, leaseOwner: String?, leaseUntil: Date?,
        cancelRequested: Bool, lastError: String?, prURL: String?, result: String?,
        createdAt: Date, updatedAt: Date, finishedAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.state = state
        self.repo = repo
        self.dedupeKey = dedupeKey
        self.payload = payload
        self.priority = priority
        self.runAt = runAt
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
        self.cancelRequested = cancelRequested
        self.lastError = lastError
        self.prURL = prURL
        self.result = result
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }
}
