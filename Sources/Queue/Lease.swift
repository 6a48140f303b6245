import Foundation

/// Proof of ownership for one claim of one job; every write by a worker carries it.
public struct Lease: Sendable, Hashable {
    public var jobID: Int64
    public var token: String
    public var workerID: String

    public init(jobID: Int64, token: String, workerID: String) {
        self.jobID = jobID
        self.token = token
        self.workerID = workerID
    }
}

/// A claimed job together with its lease.
public struct LeasedJob: Sendable, Hashable {
    public var job: Job
    public var lease: Lease

    public init(job: Job, lease: Lease) {
        self.job = job
        self.lease = lease
    }
}

/// What a claim asks for.
public struct ClaimRequest: Sendable, Hashable {
    public var workerID: String
    /// Only jobs of these kinds are claimed: a worker never takes work it cannot run.
    public var kinds: [String]
    public var limit: Int
    public var leaseDuration: Duration
    /// At most this many running jobs per repository; 0 means unlimited.
    public var perRepositoryLimit: Int

    public init(workerID: String, kinds: [String], limit: Int, leaseDuration: Duration, perRepositoryLimit: Int = 1) {
        self.workerID = workerID
        self.kinds = kinds
        self.limit = limit
        self.leaseDuration = leaseDuration
        self.perRepositoryLimit = perRepositoryLimit
    }
}

/// The answer to a heartbeat that still holds the lease.
public enum HeartbeatResult: Sendable, Hashable {
    case extended
    /// An operator asked to cancel; the worker should stop the job and report `.cancelled`.
    case cancelRequested
}
