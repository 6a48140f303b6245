import Foundation

/// The durable job queue. SQLite (QueueSQLite) is the embedded store, PostgreSQL (QueuePostgres) the shared
/// one; both pass the same conformance suite.
///
/// Every write a worker makes (`heartbeat`, `complete`, `fail`, `handBack`, `checkpoint`,
/// `recordStage`) is fenced by the lease token and throws `QueueError.leaseLost` when the
/// token no longer matches.
public protocol JobStore: Sendable {
    /// Applies pending migrations.
    func migrate() async throws
    /// The names of the migrations applied, in order.
    func appliedMigrations() async throws -> [String]

    func enqueue(_ job: NewJob) async throws -> EnqueueResult

    /// Enqueues several jobs in one transaction (group commit); each succeeds or fails on its own.
    func enqueue(_ jobs: [NewJob]) async throws -> [Result<EnqueueResult, QueueError>]

    /// Leases up to `request.limit` claimable jobs in one statement, honouring pause and the per-repository limit.
    func claim(_ request: ClaimRequest) async throws -> [LeasedJob]

    func heartbeat(_ lease: Lease, extendBy: Duration) async throws -> HeartbeatResult

    /// Ends the job in a terminal state.
    func complete(_ lease: Lease, outcome: JobOutcome) async throws

    /// Sends the job through the retry policy: back to `queued` after a backoff, or `dead`. Returns the new state.
    @discardableResult
    func fail(_ lease: Lease, failure: JobFailure) async throws -> JobState

    /// Returns a job without consuming the attempt (graceful shutdown).
    func handBack(_ lease: Lease, reason: String) async throws

    /// Applies several completions in one transaction; each is fenced on its own, so one lost
    /// lease fails only its own entry. Returns each job's new state, or its error, in order.
    func finish(_ completions: [JobCompletion]) async throws -> [Result<JobState, QueueError>]

    func saveCheckpoint(_ lease: Lease, stage: String, data: String) async throws
    func checkpoints(jobID: Int64) async throws -> [String: String]

    /// Adds a stage to the attempt's run record, and its tokens and cost to the run's totals.
    func recordStage(_ lease: Lease, _ stage: StageRecord) async throws

    /// Sends every job whose lease expired through the retry policy. Returns how many.
    @discardableResult
    func rescueExpired() async throws -> Int

    func cancel(id: Int64) async throws -> CancelResult
    /// Requeues a finished job now with a fresh attempt budget (or makes a waiting queued job run now).
    func retry(id: Int64) async throws -> Job

    func setPaused(_ paused: Bool) async throws
    func isPaused() async throws -> Bool
    /// Records a webhook delivery id; false when it was recorded before (a replay).
    func recordDelivery(_ id: String) async throws -> Bool
    /// Forgets a delivery id whose handling failed, so its redelivery is accepted.
    func forgetDelivery(_ id: String) async throws

    /// Deletes finished jobs (with their runs and checkpoints) that finished before `cutoff`.
    @discardableResult
    func prune(finishedBefore cutoff: Date) async throws -> Int

    /// Jobs of these kinds that are queued (due or not) or running.
    func pendingCount(kinds: [String]) async throws -> Int

    func job(id: Int64) async throws -> Job?
    func jobs(_ filter: JobFilter) async throws -> [Job]
    func runs(jobID: Int64) async throws -> [RunRecord]
    func stats(window: Duration) async throws -> QueueStats
    func metricsSnapshot() async throws -> MetricsSnapshot

    /// Returns when new work may be claimable (a store that hears of enqueues), or after `timeout`.
    func awaitWork(timeout: Duration) async

    /// Starts the outcome record of a pull request the pipeline opened; a record that exists stays as it is.
    func recordFixOpened(_ outcome: FixOutcome) async throws
    /// Applies a fact to the record of the autofix pull request it is about; false when none matches.
    @discardableResult
    func applyFixEvent(_ event: FixEvent) async throws -> Bool
    /// Outcome records, the most recently opened first.
    func fixOutcomes(_ filter: FixOutcomeFilter) async throws -> [FixOutcome]

    /// Where the store's I/O completes (PostgreSQL: its connections' event loop), or nil. The worker
    /// pool keeps its own bookkeeping there, so a claim or completion costs no thread hop each way.
    var taskExecutor: (any TaskExecutor)? { get }

    /// Keeps the judged runs of an eval (`autofix eval --store`) for the dashboards.
    func recordEvalResults(_ results: [EvalResultRecord]) async throws
    /// The `v_eval_summary` view, newest eval first.
    func evalSummaries() async throws -> [EvalSummaryRecord]
}

extension JobStore {
    // One completion is a batch of one: every store fences and applies it in `finish`.
    public func complete(_ lease: Lease, outcome: JobOutcome) async throws {
        _ = try await finish([JobCompletion(lease: lease, action: .complete(outcome))])[0].get()
    }

    @discardableResult
    public func fail(_ lease: Lease, failure: JobFailure) async throws -> JobState {
        try await finish([JobCompletion(lease: lease, action: .fail(failure))])[0].get()
    }

    public func handBack(_ lease: Lease, reason: String) async throws {
        _ = try await finish([JobCompletion(lease: lease, action: .handBack(reason: reason))])[0].get()
    }

    public var taskExecutor: (any TaskExecutor)? { nil }

    /// A store that hears of no enqueue (SQLite has no cross-process notification) polls.
    public func awaitWork(timeout: Duration) async {
        try? await Task.sleep(for: timeout)
    }
}
