import Core
import Foundation
import PostgresNIO
import Queue

extension PostgresJobStore {
    public func cancel(id: Int64) async throws -> CancelResult {
        let now = clock.now().millis
        return try await transaction { connection, logger in
            let state = try await Self.state(connection, id, logger: logger)
            switch state {
            case .queued:
                try await connection.run(PostgresStatements.cancelQueued, [now, id], logger: logger)
                return .cancelled
            case .running:
                try await connection.run(PostgresStatements.requestCancel, [now, id], logger: logger)
                return .requested
            default:
                throw QueueError.invalidTransition(jobID: id, from: state, action: "cancel a finished job")
            }
        }
    }

    public func retry(id: Int64) async throws -> Job {
        let now = clock.now().millis
        return try await transaction { connection, logger in
            let state = try await Self.state(connection, id, logger: logger)
            switch state {
            case .running:
                throw QueueError.invalidTransition(jobID: id, from: state, action: "retry a running job")
            case .queued:
                try await connection.run(PostgresStatements.runNow, [now, id], logger: logger)
            default:
                try await connection.run(PostgresStatements.requeueFinished, [now, id], logger: logger)
            }
            try await connection.run(PostgresStatements.notify, logger: logger)
            return try Job(postgres: try await connection.rows(PostgresStatements.jobByID, [id], logger: logger)[0])
        }
    }

    public func setPaused(_ paused: Bool) async throws {
        try await transaction { connection, logger in
            try await connection.run(PostgresStatements.pauseLock, logger: logger)
            try await connection.run(PostgresStatements.setPaused, [paused ? "1" : "0"], logger: logger)
            if !paused { try await connection.run(PostgresStatements.notify, logger: logger) }
        }
    }

    public func recordEvalResults(_ results: [EvalResultRecord]) async throws {
        try await transaction { connection, logger in
            for r in results {
                try await connection.run(
                    PostgresStatements.insertEvalResult,
                    [
                        r.evalID, r.recordedAt.millis, r.model, r.run, r.caseName, r.ecosystem, r.expect, r.judged, r.state, r.pullOpened, r.seconds,
                        r.tokensIn, r.tokensOut, r.costUSD, r.extractionHit, r.localized,
                    ], logger: logger)
            }
        }
    }

    public func evalSummaries() async throws -> [EvalSummaryRecord] {
        try await read { connection, logger in
            try await connection.rows(PostgresStatements.evalSummaries, logger: logger).map { row in
                EvalSummaryRecord(
                    evalID: try row.value(0), model: try row.value(1), cases: Int(try row.value(2, Int64.self)), runs: Int(try row.value(3, Int64.self)),
                    successRate: try row.value(4), falsePositiveRate: try row.value(5), meanSecondsToFix: try row.value(6))
            }
        }
    }

    public func isPaused() async throws -> Bool {
        try await read { connection, logger in try await connection.rows(PostgresStatements.isPaused, logger: logger)[0].value(0) }
    }

    public func recordDelivery(_ id: String) async throws -> Bool {
        try await transaction { connection, logger in
            !(try await connection.rows(PostgresStatements.recordDelivery, [id, Int64(Date().timeIntervalSince1970)], logger: logger)).isEmpty
        }
    }

    public func forgetDelivery(_ id: String) async throws {
        try await transaction { connection, logger in try await connection.run(PostgresStatements.forgetDelivery, [id], logger: logger) }
    }

    @discardableResult
    public func prune(finishedBefore cutoff: Date) async throws -> Int {
        // A first prune of a long history can take minutes.
        try await transaction(timeout: .seconds(3600)) { connection, logger in
            let pruned: Int = try await connection.rows(PostgresStatements.prune, [cutoff.millis], logger: logger)[0].value(0)
            // Delivery ids outlive GitHub's redelivery window (3 days) whatever the cutoff.
            let deliveries = Int64(min(cutoff, Date().addingTimeInterval(-7 * 86_400)).timeIntervalSince1970)
            try await connection.run(PostgresStatements.pruneDeliveries, [deliveries], logger: logger)
            try await connection.run(PostgresStatements.pruneFixCIEarly, [cutoff.millis], logger: logger)
            return pruned
        }
    }

    public func pendingCount(kinds: [String]) async throws -> Int {
        try await read { connection, logger in try await connection.rows(PostgresStatements.pendingOfKinds, [kinds], logger: logger)[0].value(0) }
    }

    public func job(id: Int64) async throws -> Job? {
        try await read { connection, logger in
            try await connection.rows(PostgresStatements.jobByID, [id], logger: logger).first.map { try Job(postgres: $0) }
        }
    }

    public func jobs(_ filter: JobFilter) async throws -> [Job] {
        try await read { connection, logger in
            try await connection.rows(PostgresStatements.listJobs, [filter.state?.rawValue, filter.repo, filter.limit], logger: logger)
                .map { try Job(postgres: $0) }
        }
    }

    public func runs(jobID: Int64) async throws -> [RunRecord] {
        try await read { connection, logger in
            var stages: [Int64: [StageRecord]] = [:]
            for row in try await connection.rows(PostgresStatements.stagesOfJob, [jobID], logger: logger) {
                stages[try row.value(0), default: []].append(try StageRecord(postgres: row))
            }
            return try await connection.rows(PostgresStatements.runsOfJob, [jobID], logger: logger).map { row in
                try RunRecord(postgres: row, stages: stages[try row.value(0)] ?? [])
            }
        }
    }

    public func stats(window: Duration) async throws -> QueueStats {
        let now = clock.now()
        return try await transaction(isolation: Self.snapshot) { connection, logger in
            try await Self.stats(connection, now: now, window: window, logger: logger)
        }
    }

    public func metricsSnapshot() async throws -> MetricsSnapshot {
        let now = clock.now()
        var snapshot = try await transaction(isolation: Self.snapshot) { connection, logger in
            var totals: [String: [String: Double]] = [:]
            for row in try await connection.rows(PostgresStatements.metricTotals, logger: logger) {
                totals[try row.value(0), default: [:]][try row.value(1)] = try row.value(2)
            }
            var durations: [String: [Double]] = [:]
            for row in try await connection.rows(PostgresStatements.stageDurations, logger: logger) {
                durations[try row.value(0), default: []].append(Double(try row.value(1, Int64.self)) / 1000)
            }
            return MetricsSnapshot(
                stats: try await Self.stats(connection, now: now, window: .seconds(86_400), logger: logger), totals: totals,
                stageDurations: durations)
        }
        snapshot.fixOutcomes = try await fixOutcomes(FixOutcomeFilter(openedSince: now.addingTimeInterval(-30 * 86_400), limit: 100_000))
        snapshot.takenAt = now
        return snapshot
    }

    /// The figures of one report come from one snapshot, as on SQLite.
    static let snapshot = " ISOLATION LEVEL REPEATABLE READ READ ONLY"

    static func stats(_ connection: PostgresConnection, now: Date, window: Duration, logger: Logger) async throws -> QueueStats {
        var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for row in try await connection.rows(PostgresStatements.countsByState, logger: logger) {
            if let state = JobState(rawValue: try row.value(0)) { counts[state] = try row.value(1) }
        }
        let oldest: Int64? = try await connection.rows(PostgresStatements.oldestClaimable, [now.millis], logger: logger)[0].value(0)
        let since = now.addingTimeInterval(-window.seconds).millis
        let success = try await connection.rows(PostgresStatements.successInWindow, [since], logger: logger)[0]
        let (succeeded, finished): (Int, Int) = (try success.value(0), try success.value(1))
        return QueueStats(
            countsByState: counts,
            oldestQueuedAge: oldest.map { .milliseconds(max(now.millis - $0, 0)) },
            successRate: finished > 0 ? Double(succeeded) / Double(finished) : nil,
            finishedInWindow: finished,
            paused: try await connection.rows(PostgresStatements.isPaused, logger: logger)[0].value(0))
    }

    static func state(_ connection: PostgresConnection, _ id: Int64, logger: Logger) async throws -> JobState {
        guard let row = try await connection.rows(PostgresStatements.jobStateForUpdate, [id], logger: logger).first else {
            throw QueueError.jobNotFound(id)
        }
        return JobState(rawValue: try row.value(0)) ?? .dead
    }
}
