import Core
import Foundation
import GRDB
import Queue

extension SQLiteJobStore {
    public func cancel(id: Int64) async throws -> CancelResult {
        let now = clock.now().millis
        return try await write { db in
            let state = try Self.state(db, id)
            switch state {
            case .queued:
                try db.execute(sql: SQLiteStatements.cancelQueued, arguments: ["now": now, "id": id])
                return .cancelled
            case .running:
                try db.execute(sql: SQLiteStatements.requestCancel, arguments: ["now": now, "id": id])
                return .requested
            default:
                throw QueueError.invalidTransition(jobID: id, from: state, action: "cancel a finished job")
            }
        }
    }

    public func retry(id: Int64) async throws -> Job {
        let now = clock.now().millis
        return try await write { db in
            let state = try Self.state(db, id)
            switch state {
            case .running:
                throw QueueError.invalidTransition(jobID: id, from: state, action: "retry a running job")
            case .queued:
                try db.execute(sql: SQLiteStatements.runNow, arguments: ["now": now, "id": id])
            default:
                try db.execute(sql: SQLiteStatements.requeueFinished, arguments: ["now": now, "id": id])
            }
            return try Job(row: try Row.fetchOne(db, sql: SQLiteStatements.jobByID, arguments: [id])!)
        }
    }

    public func setPaused(_ paused: Bool) async throws {
        try await write { db in try db.execute(sql: SQLiteStatements.setPaused, arguments: [paused ? "1" : "0"]) }
    }

    public func recordEvalResults(_ results: [EvalResultRecord]) async throws {
        try await write { db in
            for r in results {
                try db.execute(
                    sql: SQLiteStatements.insertEvalResult,
                    arguments: [
                        r.evalID, r.recordedAt.millis, r.model, r.run, r.caseName, r.ecosystem, r.expect, r.judged, r.state, r.pullOpened, r.seconds,
                        r.tokensIn, r.tokensOut, r.costUSD, r.extractionHit, r.localized,
                    ])
            }
        }
    }

    public func evalSummaries() async throws -> [EvalSummaryRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: SQLiteStatements.evalSummaries).map { row in
                EvalSummaryRecord(
                    evalID: row[0], model: row[1], cases: row[2], runs: row[3], successRate: row[4], falsePositiveRate: row[5],
                    meanSecondsToFix: row[6])
            }
        }
    }

    public func recordDelivery(_ id: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: SQLiteStatements.recordDelivery, arguments: [id, Int64(Date().timeIntervalSince1970)])
            return db.changesCount > 0
        }
    }

    public func forgetDelivery(_ id: String) async throws {
        try await write { db in try db.execute(sql: SQLiteStatements.forgetDelivery, arguments: [id]) }
    }

    public func isPaused() async throws -> Bool {
        try await pool.read { db in try Bool.fetchOne(db, sql: SQLiteStatements.isPaused) ?? false }
    }

    @discardableResult
    public func prune(finishedBefore cutoff: Date) async throws -> Int {
        try await write { db in
            try db.execute(sql: SQLiteStatements.prune, arguments: [cutoff.millis])
            let pruned = db.changesCount
            // Delivery ids outlive GitHub's redelivery window (3 days) whatever the cutoff.
            try db.execute(sql: SQLiteStatements.pruneFixCIEarly, arguments: [cutoff.millis])
            try db.execute(sql: SQLiteStatements.pruneDeliveries, arguments: [Int64(min(cutoff, Date().addingTimeInterval(-7 * 86_400)).timeIntervalSince1970)])
            return pruned
        }
    }

    public func pendingCount(kinds: [String]) async throws -> Int {
        let list = String(decoding: try JSONEncoder().encode(kinds), as: UTF8.self)
        return try await pool.read { db in try Int.fetchOne(db, sql: SQLiteStatements.pendingOfKinds, arguments: [list]) ?? 0 }
    }

    public func job(id: Int64) async throws -> Job? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: SQLiteStatements.jobByID, arguments: [id]).map(Job.init(row:))
        }
    }

    public func jobs(_ filter: JobFilter) async throws -> [Job] {
        try await pool.read { db in
            let args: StatementArguments = ["state": filter.state?.rawValue, "repo": filter.repo, "limit": filter.limit]
            return try Row.fetchAll(db, sql: SQLiteStatements.listJobs, arguments: args).map(Job.init(row:))
        }
    }

    public func runs(jobID: Int64) async throws -> [RunRecord] {
        try await pool.read { db in
            let stages = try Row.fetchAll(db, sql: SQLiteStatements.stagesOfJob, arguments: [jobID])
            let byRun = Dictionary(grouping: stages, by: { $0["run_id"] as Int64 })
            return try Row.fetchAll(db, sql: SQLiteStatements.runsOfJob, arguments: [jobID]).map { row in
                try RunRecord(row: row, stages: (byRun[row["id"]] ?? []).map(StageRecord.init(row:)))
            }
        }
    }

    public func stats(window: Duration) async throws -> QueueStats {
        let now = clock.now()
        return try await pool.read { db in try Self.stats(db, now: now, window: window) }
    }

    public func metricsSnapshot() async throws -> MetricsSnapshot {
        let now = clock.now()
        var snapshot = try await pool.read { db in
            var totals: [String: [String: Double]] = [:]
            for row in try Row.fetchAll(db, sql: SQLiteStatements.metricTotals) {
                totals[row["name"], default: [:]][row["label"]] = row["value"]
            }
            var durations: [String: [Double]] = [:]
            for row in try Row.fetchAll(db, sql: SQLiteStatements.stageDurations) {
                durations[row["stage"], default: []].append(Double(row["duration_ms"] as Int64) / 1000)
            }
            return MetricsSnapshot(
                stats: try Self.stats(db, now: now, window: .seconds(86_400)), totals: totals, stageDurations: durations)
        }
        snapshot.fixOutcomes = try await fixOutcomes(FixOutcomeFilter(openedSince: now.addingTimeInterval(-30 * 86_400), limit: 100_000))
        snapshot.takenAt = now
        return snapshot
    }

    static func stats(_ db: Database, now: Date, window: Duration) throws -> QueueStats {
        var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for row in try Row.fetchAll(db, sql: SQLiteStatements.countsByState) {
            if let state = JobState(rawValue: row["state"]) { counts[state] = row["n"] }
        }
        let oldest = try Int64.fetchOne(db, sql: SQLiteStatements.oldestClaimable, arguments: [now.millis])
        let since = now.addingTimeInterval(-window.seconds).millis
        let success = try Row.fetchOne(db, sql: SQLiteStatements.successInWindow, arguments: [since])!
        let (succeeded, finished): (Int, Int) = (success[0], success[1])
        return QueueStats(
            countsByState: counts,
            oldestQueuedAge: oldest.map { .milliseconds(max(now.millis - $0, 0)) },
            successRate: finished > 0 ? Double(succeeded) / Double(finished) : nil,
            finishedInWindow: finished,
            paused: try Bool.fetchOne(db, sql: SQLiteStatements.isPaused) ?? false)
    }

    static func state(_ db: Database, _ id: Int64) throws -> JobState {
        guard let raw = try String.fetchOne(db, sql: SQLiteStatements.jobState, arguments: [id]) else {
            throw QueueError.jobNotFound(id)
        }
        return JobState(rawValue: raw) ?? .dead
    }
}

extension SQLiteJobStore {
    /// The `jobs` table's column names in order, for the test that pins `JobColumn` to the schema.
    public func jobColumnNames() async throws -> (schema: [String], decoded: [String]) {
        let schema = try await pool.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(jobs)").map { $0["name"] as String } }
        return (schema, JobColumn.names)
    }

    /// Identifiers of the migrations recorded in the database.
    public func appliedMigrations() async throws -> [String] {
        try await SQLiteMigrator.applied(pool)
    }
}
