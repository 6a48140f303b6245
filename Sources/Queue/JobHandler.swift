import Core
import Foundation
import Logging

/// Runs one kind of job. Throw a `ClassifiedError` to choose between retry and dead; any other error is retried.
public protocol JobHandler: Sendable {
    func run(_ context: JobContext) async throws -> JobOutcome
}

/// What a handler may do with the job it holds; every write is fenced by the lease.
public struct JobContext: Sendable {
    public let job: Job
    public let lease: Lease
    public let logger: Logger
    let store: any JobStore
    /// The worker's clock: stages stamp their records with it, never with `Date()`.
    public let clock: any WallClock

    public init(job: Job, lease: Lease, logger: Logger, store: any JobStore, clock: any WallClock = SystemWallClock()) {
        self.job = job
        self.lease = lease
        self.logger = logger
        self.store = store
        self.clock = clock
    }

    /// Checkpoints saved by earlier attempts, keyed by stage.
    public func checkpoints() async throws -> [String: String] {
        try await store.checkpoints(jobID: job.id)
    }

    public func saveCheckpoint(stage: String, data: String) async throws {
        try await store.saveCheckpoint(lease, stage: stage, data: data)
    }

    /// Outcome records of autofix pull requests (to tell whether a maintainer closed this failure's fix).
    public func fixOutcomes(_ filter: FixOutcomeFilter) async throws -> [FixOutcome] {
        try await store.fixOutcomes(filter)
    }

    /// Starts the outcome record of the pull request this job opened (or found open).
    public func recordFixOpened(_ outcome: FixOutcome) async throws {
        try await store.recordFixOpened(outcome)
    }

    /// Applies a step the worker took on an autofix pull request (a follow-up started, a fix marked failed);
    /// false when the record was not in the state the step needs (another worker took it first).
    public func applyFixEvent(_ event: FixEvent) async throws -> Bool {
        try await store.applyFixEvent(event)
    }

    /// Records a fact about an autofix pull request learnt from GitHub, as a webhook delivery would
    /// (`FixOutcomeCheck.record`: the check that acts on it is enqueued too).
    @discardableResult
    public func recordFixFact(_ event: FixEvent) async throws -> Bool {
        try await FixOutcomeCheck.record(event, in: store)
    }

    /// Enqueues a job of any kind (a follow-up round, a later check): the same dedupe rules as every producer.
    @discardableResult
    public func enqueue(_ job: NewJob) async throws -> EnqueueResult {
        try await store.enqueue(job)
    }

    public func recordStage(_ record: StageRecord) async throws {
        try await store.recordStage(lease, record)
    }

    /// Runs `body` as a named stage and records its duration and outcome (`ok` or `failed`) on the run.
    public func stage<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T {
        let started = clock.now()
        let clockStart = ContinuousClock.now
        do {
            let value = try await body()
            try await recordStage(StageRecord(stage: name, startedAt: started, duration: ContinuousClock.now - clockStart, outcome: "ok"))
            return value
        } catch {
            let record = StageRecord(stage: name, startedAt: started, duration: ContinuousClock.now - clockStart, outcome: "failed", detail: "\(error)")
            try? await recordStage(record)
            throw error
        }
    }
}
