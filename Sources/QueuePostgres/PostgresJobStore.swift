import Core
import Foundation
import Logging
import PostgresNIO
import Queue

/// The shared job store: PostgreSQL through postgres-nio's connection pool, for workers on many hosts.
/// The same semantics as the SQLite store, enforced the same way (lease tokens fence every write);
/// claims use `FOR UPDATE SKIP LOCKED` and per-repository advisory locks; enqueues NOTIFY waiting workers.
///
/// Every method needs `run()` (the pool and the LISTEN connection) running: use `withRunning`.
public final class PostgresJobStore: JobStore {
    let client: PostgresClient
    let configuration: PostgresStoreConfiguration
    let clock: any WallClock
    let logger: Logger
    let wake = WakeSignal()
    let executor: EventLoopTaskExecutor
    let watchdog = AttemptWatchdog()
    public var taskExecutor: (any TaskExecutor)? { executor }

    public init(configuration: PostgresStoreConfiguration, clock: any WallClock = SystemWallClock(), logger: Logger) throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        // The pool's own log is errors only: it warns when a lease races `run()`'s start (harmless, the
        // lease waits), and this store reports lost connections itself.
        var poolLogger = logger
        poolLogger.logLevel = .error
        // One loop for all of a store's connections and work: see EventLoopTaskExecutor.
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        executor = EventLoopTaskExecutor(loop)
        client = PostgresClient(configuration: try configuration.clientConfiguration(), eventLoopGroup: loop, backgroundLogger: poolLogger)
    }

    public func migrate() async throws {
        try await PostgresMigrator.migrate(self)
    }

    public func appliedMigrations() async throws -> [String] {
        try await PostgresMigrator.applied(self)
    }

    // MARK: producer

    public func enqueue(_ new: NewJob) async throws -> EnqueueResult {
        try await enqueue([new])[0].get()
    }

    public func enqueue(_ jobs: [NewJob]) async throws -> [Result<EnqueueResult, QueueError>] {
        let now = clock.now().millis
        return try await transaction { connection, logger in
            var results: [Result<EnqueueResult, QueueError>] = []
            for new in jobs {
                guard new.maxAttempts >= 1 else {
                    results.append(.failure(.invalidArgument("max attempts must be at least 1")))
                    continue
                }
                results.append(.success(try await Self.insert(new, connection, now: now, logger: logger)))
            }
            if results.contains(where: { (try? $0.get())?.created == true }) {
                try await connection.run(PostgresStatements.notify, logger: logger)
            }
            return results
        }
    }

    private static func insert(_ new: NewJob, _ connection: PostgresConnection, now: Int64, logger: Logger) async throws -> EnqueueResult {
        let inserted = try await connection.rows(
            PostgresStatements.enqueue,
            [
                new.kind, new.repo, new.dedupeKey, new.payload, new.priority, new.runAt?.millis ?? now, new.maxAttempts, now,
            ], logger: logger)
        if let row = inserted.first { return EnqueueResult(job: try Job(postgres: row), created: true) }
        guard let row = try await connection.rows(PostgresStatements.jobByDedupeKey, [new.dedupeKey], logger: logger).first else {
            throw QueueError.storageUnavailable("enqueue conflicted but no job holds dedupe key \(new.dedupeKey ?? "")")
        }
        return EnqueueResult(job: try Job(postgres: row), created: false)
    }

    // MARK: worker

    public func claim(_ request: ClaimRequest) async throws -> [LeasedJob] {
        guard request.limit > 0, !request.kinds.isEmpty else { return [] }
        let now = clock.now()
        let token = Self.newToken()
        let repoLimit = request.perRepositoryLimit > 0 ? request.perRepositoryLimit : Int(Int32.max)
        let leaseUntil = now.addingTimeInterval(request.leaseDuration.seconds).millis
        // Every candidate is a row lock written to the table and skipped by the other claimers. With no
        // per-repository limit each one is claimable, so exactly `limit`; with one, a few more, so one
        // repository's burst does not leave the slots empty while other repositories wait.
        let candidateLimit = request.perRepositoryLimit > 0 ? max(request.limit * 4, 16) : request.limit
        let wake = self.wake
        return try await transactionReportingID { connection, logger in
            let candidates = try await connection.rows(
                PostgresStatements.claimCandidates,
                [
                    now.millis, request.kinds, repoLimit, candidateLimit,
                ], logger: logger
            ).map { (id: try $0.value(0, Int64.self), repo: try $0.value(1, String?.self)) }
            // Claiming nothing wrote nothing: running it again is harmless.
            if candidates.isEmpty { return ([], .known(nil)) }
            let repos = Array(Set(candidates.compactMap(\.repo))).sorted()
            var locked = Set<String>()
            if !repos.isEmpty {
                locked = Set(try await connection.rows(PostgresStatements.lockRepositories, [repos], logger: logger).map { try $0.value(0) })
            }
            let ids = candidates.filter { $0.repo.map(locked.contains) ?? true }.map(\.id)
            if ids.isEmpty {
                // Another claimer is counting these repositories right now: look again at once, not a poll later.
                wake.signal()
                return ([], .known(nil))
            }
            let rows = try await connection.rows(
                PostgresStatements.claim,
                [
                    ids, repoLimit, request.limit, request.workerID, token, leaseUntil, now.millis,
                ], logger: logger)
            let leased = try rows.map { row in
                let job = try Job(postgres: row)
                let lease: String = try row.value(11)
                return LeasedJob(job: job, lease: Lease(jobID: job.id, token: lease, workerID: request.workerID))
            }
            return (leased, .known(try rows.first?.value(20, String?.self)))
        }
    }

    public func heartbeat(_ lease: Lease, extendBy duration: Duration) async throws -> HeartbeatResult {
        let now = clock.now()
        let rows = try await transaction { connection, logger in
            try await connection.rows(
                PostgresStatements.heartbeat,
                [
                    now.addingTimeInterval(duration.seconds).millis, now.millis, lease.jobID, lease.token,
                ], logger: logger)
        }
        guard let row = rows.first else { throw QueueError.leaseLost(jobID: lease.jobID) }
        return try row.value(0, Bool.self) ? .cancelRequested : .extended
    }

    public func finish(_ completions: [JobCompletion]) async throws -> [Result<JobState, QueueError>] {
        let now = clock.now()
        // Completions, the common case, end in one statement however many there are; failures and
        // hand-backs go through the retry policy one by one.
        let completed = completions.indices.filter { if case .complete = completions[$0].action { true } else { false } }
        let batch = try CompletedJob.json(completed.map { completions[$0] })
        return try await transactionReportingID { connection, logger in
            var results = [Result<JobState, QueueError>?](repeating: nil, count: completions.count)
            var id = TransactionID.unknown
            if !completed.isEmpty {
                let rows = try await connection.rows(PostgresStatements.completeBatch, [batch, now.millis], logger: logger)
                let ended = Set(try rows.map { try $0.value(0, Int64.self) })
                if completed.count == completions.count { id = .known(try rows.first?.value(1, String?.self)) }
                for index in completed {
                    let lease = completions[index].lease
                    guard case .complete(let outcome) = completions[index].action else { continue }
                    results[index] = ended.contains(lease.jobID) ? .success(outcome.state) : .failure(.leaseLost(jobID: lease.jobID))
                }
            }
            for index in completions.indices where results[index] == nil {
                // A savepoint per entry: one lost lease fails only its own entry, not the batch.
                try await connection.run("SAVEPOINT entry", logger: logger)
                do {
                    results[index] = .success(try await self.apply(completions[index], connection, now: now, logger: logger))
                    try await connection.run("RELEASE SAVEPOINT entry", logger: logger)
                } catch let error as QueueError {
                    try await connection.run("ROLLBACK TO SAVEPOINT entry", logger: logger)
                    results[index] = .failure(error)
                }
            }
            return (results.map { $0! }, id)
        }
    }

    private func apply(_ completion: JobCompletion, _ connection: PostgresConnection, now: Date, logger: Logger) async throws -> JobState {
        let lease = completion.lease
        let writes = PostgresWrites(connection: connection, logger: logger, now: now)
        switch completion.action {
        case .complete:
            preconditionFailure("completions end in one statement, in finish")
        case .fail(let failure):
            let held = try await writes.fence(lease)
            return try await writes.applyRetryPolicy(
                jobID: lease.jobID, token: lease.token, held: held, failure: failure, runOutcome: nil, policy: configuration.retryPolicy)
        case .handBack(let reason):
            let held = try await writes.fence(lease)
            if held.cancelRequested {
                return try await writes.endCancelled(jobID: lease.jobID, token: lease.token, runOutcome: nil, error: reason)
            }
            try await writes.requeue(jobID: lease.jobID, token: lease.token, runAt: now, refund: 1, error: nil)
            try await writes.endRun(token: lease.token, outcome: "handed_back", error: reason)
            try await connection.run(PostgresStatements.notify, logger: logger)
            return .queued
        }
    }

    public func saveCheckpoint(_ lease: Lease, stage: String, data: String) async throws {
        let now = clock.now()
        try await transaction { connection, logger in
            _ = try await PostgresWrites(connection: connection, logger: logger, now: now).fence(lease)
            try await connection.run(PostgresStatements.upsertCheckpoint, [lease.jobID, stage, data, now.millis], logger: logger)
        }
    }

    public func checkpoints(jobID: Int64) async throws -> [String: String] {
        let rows = try await read { connection, logger in
            try await connection.rows(PostgresStatements.checkpoints, [jobID], logger: logger)
        }
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.value(0, String.self), try $0.value(1, String.self)) })
    }

    public func recordStage(_ lease: Lease, _ stage: StageRecord) async throws {
        let now = clock.now()
        try await transaction { connection, logger in
            _ = try await PostgresWrites(connection: connection, logger: logger, now: now).fence(lease)
            try await connection.run(
                PostgresStatements.insertStage,
                [
                    stage.stage, stage.startedAt.millis, stage.duration.milliseconds, stage.outcome, stage.detail, lease.token,
                ], logger: logger)
            if stage.tokensIn != 0 || stage.tokensOut != 0 || stage.costUSD != 0 || stage.promptVersion != nil {
                try await connection.run(
                    PostgresStatements.addRunUsage,
                    [
                        stage.tokensIn, stage.tokensOut, stage.costUSD, stage.promptVersion, lease.token,
                    ], logger: logger)
            }
        }
    }

    @discardableResult
    public func rescueExpired() async throws -> Int {
        let now = clock.now()
        let policy = configuration.retryPolicy
        return try await transaction { connection, logger in
            let writes = PostgresWrites(connection: connection, logger: logger, now: now)
            let rows = try await connection.rows(PostgresStatements.expiredLeases, [now.millis], logger: logger)
            for row in rows {
                let owner = try row.value(2, String?.self) ?? "unknown"
                let held = HeldLease(attempts: try row.value(3), maxAttempts: try row.value(4), cancelRequested: try row.value(5))
                let failure = JobFailure(message: "lease expired: worker \(owner) stopped heartbeating", isRetryable: true)
                try await writes.applyRetryPolicy(
                    jobID: try row.value(0), token: try row.value(1), held: held, failure: failure, runOutcome: "lease_expired", policy: policy)
            }
            // Every rescue interval some worker folds the counter events into the totals.
            if try await connection.rows(PostgresStatements.foldMetricsLock, logger: logger)[0].value(0, Bool.self) {
                try await connection.run(PostgresStatements.foldMetrics, logger: logger)
            }
            return rows.count
        }
    }

    public func awaitWork(timeout: Duration) async {
        await wake.wait(timeout: timeout)
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
