import Core
import Foundation
import Logging
import PostgresNIO
import Queue

/// The fenced writes of one transaction: the PostgreSQL form of what every store does to a held job.
struct PostgresWrites {
    let connection: PostgresConnection
    let logger: Logger
    let now: Date

    /// Touches the job if `lease` still holds it, else throws `leaseLost`.
    func fence(_ lease: Lease) async throws -> HeldLease {
        guard let row = try await connection.rows(PostgresStatements.fence, [now.millis, lease.jobID, lease.token], logger: logger).first else {
            throw QueueError.leaseLost(jobID: lease.jobID)
        }
        return HeldLease(attempts: try row.value(0), maxAttempts: try row.value(1), cancelRequested: try row.value(2))
    }

    /// Retry or bury a job the caller holds, by the one rule every store applies.
    @discardableResult
    func applyRetryPolicy(jobID: Int64, token: String, held: HeldLease, failure: JobFailure, runOutcome: String?, policy: RetryPolicy) async throws -> JobState
    {
        switch FailureDisposition(failure, held: held, policy: policy) {
        case .cancelled:
            return try await endCancelled(jobID: jobID, token: token, runOutcome: runOutcome, error: failure.message)
        case .retry(let delay):
            try await requeue(jobID: jobID, token: token, runAt: now.addingTimeInterval(delay.seconds), refund: 0, error: failure.message)
            try await endRun(token: token, outcome: runOutcome ?? "retry", error: failure.message)
            return .queued
        case .dead(let message):
            try await finish(jobID: jobID, token: token, state: .dead, error: message)
            try await endRun(token: token, outcome: runOutcome ?? JobState.dead.rawValue, error: failure.message)
            return .dead
        }
    }

    func endCancelled(jobID: Int64, token: String, runOutcome: String?, error: String) async throws -> JobState {
        try await finish(jobID: jobID, token: token, state: .cancelled, error: "cancelled by operator")
        try await endRun(token: token, outcome: runOutcome ?? JobState.cancelled.rawValue, error: error)
        return .cancelled
    }

    /// Ends the job; false when the lease no longer holds it.
    @discardableResult
    func finish(jobID: Int64, token: String, state: JobState, error: String?, prURL: String? = nil, result: String? = nil) async throws -> Bool {
        !(try await connection.rows(
            PostgresStatements.finish,
            [
                state.rawValue, error, prURL, result, now.millis, jobID, token,
            ], logger: logger)).isEmpty
    }

    func requeue(jobID: Int64, token: String, runAt: Date, refund: Int, error: String?) async throws {
        try await connection.run(PostgresStatements.requeue, [runAt.millis, refund, error, now.millis, jobID, token], logger: logger)
    }

    func endRun(token: String, outcome: String, error: String?) async throws {
        try await connection.run(PostgresStatements.endRun, [now.millis, outcome, error, token], logger: logger)
    }
}
