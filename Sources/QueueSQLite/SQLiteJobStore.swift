import Core
import Foundation
import GRDB
import Queue

/// The embedded job store: GRDB over the system libsqlite3, WAL, one writer connection, writes in BEGIN IMMEDIATE.
public final class SQLiteJobStore: JobStore {
    let pool: any DatabaseWriter
    let configuration: SQLiteStoreConfiguration
    let clock: any WallClock

    /// Opens (creating if needed) the database. Call `migrate()` before use.
    public init(configuration: SQLiteStoreConfiguration, clock: any WallClock = SystemWallClock()) throws {
        self.configuration = configuration
        self.clock = clock
        pool = try Self.openPool(configuration)
    }

    public func migrate() async throws {
        try await SQLiteMigrator.migrate(pool)
    }

    // MARK: producer

    public func enqueue(_ new: NewJob) async throws -> EnqueueResult {
        try await enqueue([new])[0].get()
    }

    public func enqueue(_ jobs: [NewJob]) async throws -> [Result<EnqueueResult, QueueError>] {
        let now = clock.now()
        return try await write { db in
            try jobs.map { new in
                guard new.maxAttempts >= 1 else { return .failure(.invalidArgument("max attempts must be at least 1")) }
                return .success(try Self.insert(new, db, now: now))
            }
        }
    }

    private static func insert(_ new: NewJob, _ db: Database, now: Date) throws -> EnqueueResult {
        let args: StatementArguments = [
            "kind": new.kind, "repo": new.repo, "dedupeKey": new.dedupeKey, "payload": new.payload,
            "priority": new.priority, "runAt": (new.runAt ?? now).millis, "maxAttempts": new.maxAttempts,
            "now": now.millis,
        ]
        if let row = try Row.fetchOne(db.cachedStatement(sql: SQLiteStatements.enqueue), arguments: args) {
            return EnqueueResult(job: try Job(row: row), created: true)
        }
        guard let row = try Row.fetchOne(db, sql: SQLiteStatements.jobByDedupeKey, arguments: [new.dedupeKey]) else {
            throw QueueError.storageUnavailable("enqueue conflicted but no job holds dedupe key \(new.dedupeKey ?? "")")
        }
        return EnqueueResult(job: try Job(row: row), created: false)
    }

    // MARK: worker

    public func claim(_ request: ClaimRequest) async throws -> [LeasedJob] {
        guard request.limit > 0, !request.kinds.isEmpty else { return [] }
        let now = clock.now()
        let token = Self.newToken()
        let kinds = String(decoding: try JSONEncoder().encode(request.kinds), as: UTF8.self)
        let args: StatementArguments = [
            "worker": request.workerID, "token": token, "now": now.millis,
            "leaseUntil": now.addingTimeInterval(request.leaseDuration.seconds).millis,
            "kinds": kinds, "repoLimit": request.perRepositoryLimit > 0 ? request.perRepositoryLimit : Int.max,
            "scan": max(request.limit * 16, 64), "limit": request.limit,
        ]
        let jobs = try await write { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: SQLiteStatements.claim), arguments: args)
            let insertRun = try db.cachedStatement(sql: SQLiteStatements.insertRun)
            return try rows.map { row in
                let job = try Job(row: row)
                let token: String = row[JobColumn.leaseToken.rawValue]
                try insertRun.execute(arguments: [job.id, job.attempts, request.workerID, token, now.millis])
                return LeasedJob(job: job, lease: Lease(jobID: job.id, token: token, workerID: request.workerID))
            }
        }
        return jobs.sorted { ($0.job.priority, $0.job.runAt, $0.job.id) < ($1.job.priority, $1.job.runAt, $1.job.id) }
    }

    public func heartbeat(_ lease: Lease, extendBy duration: Duration) async throws -> HeartbeatResult {
        let now = clock.now()
        return try await write { db in
            let args: StatementArguments = [
                "leaseUntil": now.addingTimeInterval(duration.seconds).millis, "now": now.millis,
                "id": lease.jobID, "token": lease.token,
            ]
            guard let cancel = try Bool.fetchOne(db.cachedStatement(sql: SQLiteStatements.heartbeat), arguments: args) else {
                throw QueueError.leaseLost(jobID: lease.jobID)
            }
            return cancel ? .cancelRequested : .extended
        }
    }

    public func finish(_ completions: [JobCompletion]) async throws -> [Result<JobState, QueueError>] {
        let now = clock.now()
        return try await write { db in
            completions.map { completion in
                do {
                    return .success(try self.apply(completion, db, now: now))
                } catch let error as QueueError {
                    return .failure(error)
                } catch {
                    return .failure(.storageUnavailable("\(error)"))
                }
            }
        }
    }

    /// One completion inside the caller's transaction; a lost lease is detected before anything is written.
    private func apply(_ completion: JobCompletion, _ db: Database, now: Date) throws -> JobState {
        let lease = completion.lease
        switch completion.action {
        case .complete(let outcome):
            var prURL: String?
            var result: String?
            if case .succeeded(let url, let res) = outcome { (prURL, result) = (url, res) }
            try db.cachedStatement(sql: SQLiteStatements.finish).execute(arguments: [
                "state": outcome.state.rawValue, "error": outcome.reason, "prURL": prURL, "result": result,
                "now": now.millis, "id": lease.jobID, "token": lease.token,
            ])
            guard db.changesCount == 1 else { throw QueueError.leaseLost(jobID: lease.jobID) }
            try Self.endRun(db, token: lease.token, outcome: outcome.state.rawValue, error: outcome.reason, now: now.millis)
            return outcome.state
        case .fail(let failure):
            let held = try Self.fence(db, lease, now: now)
            return try applyRetryPolicy(db, jobID: lease.jobID, token: lease.token, held: held, failure: failure, runOutcome: nil, now: now)
        case .handBack(let reason):
            let held = try Self.fence(db, lease, now: now)
            if held.cancelRequested {
                return try Self.endCancelled(db, jobID: lease.jobID, token: lease.token, runOutcome: nil, error: reason, now: now)
            }
            try Self.requeue(db, jobID: lease.jobID, token: lease.token, runAt: now, refund: 1, error: nil, now: now)
            try Self.endRun(db, token: lease.token, outcome: "handed_back", error: reason, now: now.millis)
            return .queued
        }
    }

    public func saveCheckpoint(_ lease: Lease, stage: String, data: String) async throws {
        let now = clock.now()
        try await write { db in
            _ = try Self.fence(db, lease, now: now)
            try db.cachedStatement(sql: SQLiteStatements.upsertCheckpoint).execute(arguments: [lease.jobID, stage, data, now.millis])
        }
    }

    public func checkpoints(jobID: Int64) async throws -> [String: String] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: SQLiteStatements.checkpoints, arguments: [jobID])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["stage"] as String, $0["data"] as String) })
        }
    }

    public func recordStage(_ lease: Lease, _ stage: StageRecord) async throws {
        let now = clock.now()
        try await write { db in
            _ = try Self.fence(db, lease, now: now)
            try db.cachedStatement(sql: SQLiteStatements.insertStage).execute(arguments: [
                stage.stage, stage.startedAt.millis, stage.duration.milliseconds, stage.outcome, stage.detail, lease.token,
            ])
            if stage.tokensIn != 0 || stage.tokensOut != 0 || stage.costUSD != 0 || stage.promptVersion != nil {
                try db.cachedStatement(sql: SQLiteStatements.addRunUsage).execute(arguments: [
                    stage.tokensIn, stage.tokensOut, stage.costUSD, stage.promptVersion, lease.token,
                ])
            }
        }
    }

    @discardableResult
    public func rescueExpired() async throws -> Int {
        let now = clock.now()
        return try await write { db in
            let rows = try Row.fetchAll(db, sql: SQLiteStatements.expiredLeases, arguments: [now.millis])
            for row in rows {
                let owner: String = row["lease_owner"] ?? "unknown"
                let held = HeldLease(attempts: row["attempts"], maxAttempts: row["max_attempts"], cancelRequested: row["cancel_requested"])
                let failure = JobFailure(message: "lease expired: worker \(owner) stopped heartbeating", isRetryable: true)
                try self.applyRetryPolicy(
                    db, jobID: row["id"], token: row["lease_token"], held: held, failure: failure,
                    runOutcome: "lease_expired", now: now)
            }
            return rows.count
        }
    }
}
