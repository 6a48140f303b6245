import Core
import Foundation
import GRDB
import Queue

extension SQLiteJobStore {
    /// Runs `body` in a BEGIN IMMEDIATE transaction, retrying with jitter while the database is busy.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let deadline = ContinuousClock.now.advanced(by: configuration.busyDeadline)
        var attempt = 0
        while true {
            do {
                return try await pool.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        return .commit
                    }
                    return result!
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                attempt += 1
                guard ContinuousClock.now < deadline else {
                    throw QueueError.busy("still locked after \(configuration.busyDeadline) (\(attempt) tries)")
                }
                try await Task.sleep(for: RetryPolicy.busyDatabase.delay(afterAttempt: attempt, atLeast: .milliseconds(1)))
            } catch let error as DatabaseError {
                throw QueueError.storageUnavailable("database error: \(error.message ?? error.description)")
            }
        }
    }

    /// Touches the job if `lease` still holds it, else throws `leaseLost`.
    static func fence(_ db: Database, _ lease: Lease, now: Date) throws -> HeldLease {
        let args: StatementArguments = ["now": now.millis, "id": lease.jobID, "token": lease.token]
        guard let row = try Row.fetchOne(db.cachedStatement(sql: SQLiteStatements.fence), arguments: args) else {
            throw QueueError.leaseLost(jobID: lease.jobID)
        }
        return HeldLease(attempts: row["attempts"], maxAttempts: row["max_attempts"], cancelRequested: row["cancel_requested"])
    }

    /// Retry or bury a job the caller holds: queued after a backoff while attempts remain, else dead.
    @discardableResult
    func applyRetryPolicy(
        _ db: Database, jobID: Int64, token: String, held: HeldLease, failure: JobFailure, runOutcome: String?, now: Date
    ) throws -> JobState {
        switch FailureDisposition(failure, held: held, policy: configuration.retryPolicy) {
        case .cancelled:
            return try Self.endCancelled(db, jobID: jobID, token: token, runOutcome: runOutcome, error: failure.message, now: now)
        case .retry(let delay):
            try Self.requeue(db, jobID: jobID, token: token, runAt: now.addingTimeInterval(delay.seconds), refund: 0, error: failure.message, now: now)
            try Self.endRun(db, token: token, outcome: runOutcome ?? "retry", error: failure.message, now: now.millis)
            return .queued
        case .dead(let message):
            try Self.finish(db, jobID: jobID, token: token, state: .dead, error: message, now: now.millis)
            try Self.endRun(db, token: token, outcome: runOutcome ?? JobState.dead.rawValue, error: failure.message, now: now.millis)
            return .dead
        }
    }

    /// An operator asked to cancel a job its worker is now giving up on: it ends cancelled.
    static func endCancelled(_ db: Database, jobID: Int64, token: String, runOutcome: String?, error: String, now: Date) throws -> JobState {
        try finish(db, jobID: jobID, token: token, state: .cancelled, error: "cancelled by operator", now: now.millis)
        try endRun(db, token: token, outcome: runOutcome ?? JobState.cancelled.rawValue, error: error, now: now.millis)
        return .cancelled
    }

    static func finish(_ db: Database, jobID: Int64, token: String, state: JobState, error: String?, now: Int64) throws {
        try db.cachedStatement(sql: SQLiteStatements.finish).execute(arguments: [
            "state": state.rawValue, "error": error, "prURL": nil, "result": nil, "now": now, "id": jobID, "token": token,
        ])
    }

    static func requeue(_ db: Database, jobID: Int64, token: String, runAt: Date, refund: Int, error: String?, now: Date) throws {
        try db.cachedStatement(sql: SQLiteStatements.requeue).execute(arguments: [
            "runAt": runAt.millis, "refund": refund, "error": error, "now": now.millis, "id": jobID, "token": token,
        ])
    }

    static func endRun(_ db: Database, token: String, outcome: String, error: String?, now: Int64) throws {
        try db.cachedStatement(sql: SQLiteStatements.endRun).execute(arguments: [
            "now": now, "outcome": outcome, "error": error, "token": token,
        ])
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
