import Core
import Foundation
import GRDB
import Queue

/// The `jobs` table's columns in table order, which is what `SELECT *` and `RETURNING *` give.
/// Rows are decoded by position: a by-name lookup folds case for every column, and the claim and
/// enqueue paths decode inside the single writer's transaction. Columns added by later migrations
/// come after these; a test checks this order against the live schema.
enum JobColumn: Int, CaseIterable {
    case id, kind, state, repo, dedupeKey, payload, priority, runAt, attempts, maxAttempts, leaseOwner, leaseToken
    case leaseUntil, cancelRequested, lastError, prURL, result, createdAt, updatedAt, finishedAt

    static let names = [
        "id", "kind", "state", "repo", "dedupe_key", "payload", "priority", "run_at", "attempts", "max_attempts",
        "lease_owner", "lease_token", "lease_until", "cancel_requested", "last_error", "pr_url", "result",
        "created_at", "updated_at", "finished_at",
    ]
}

extension Job {
    init(row: Row) throws {
        func value<T: DatabaseValueConvertible>(_ column: JobColumn) -> T { row[column.rawValue] }
        func optional<T: DatabaseValueConvertible>(_ column: JobColumn) -> T? { row[column.rawValue] }
        let stateText: String = value(.state)
        guard let state = JobState(rawValue: stateText) else {
            throw QueueError.storageUnavailable("job \(value(.id) as Int64) has unknown state \(stateText)")
        }
        self.init(
            id: value(.id), kind: value(.kind), state: state, repo: optional(.repo), dedupeKey: optional(.dedupeKey),
            payload: value(.payload), priority: value(.priority), runAt: Date(millis: value(.runAt)),
            attempts: value(.attempts), maxAttempts: value(.maxAttempts), leaseOwner: optional(.leaseOwner),
            leaseUntil: (optional(.leaseUntil) as Int64?).map(Date.init(millis:)), cancelRequested: value(.cancelRequested),
            lastError: optional(.lastError), prURL: optional(.prURL), result: optional(.result),
            createdAt: Date(millis: value(.createdAt)), updatedAt: Date(millis: value(.updatedAt)),
            finishedAt: (optional(.finishedAt) as Int64?).map(Date.init(millis:)))
    }
}

extension RunRecord {
    init(row: Row, stages: [StageRecord]) throws {
        self.init(
            id: row["id"], jobID: row["job_id"], attempt: row["attempt"], workerID: row["worker_id"],
            startedAt: Date(millis: row["started_at"]), finishedAt: (row["finished_at"] as Int64?).map(Date.init(millis:)),
            outcome: row["outcome"], error: row["error"], tokensIn: row["tokens_in"], tokensOut: row["tokens_out"],
            costUSD: row["cost_usd"], promptVersion: row["prompt_version"], stages: stages)
    }
}

extension StageRecord {
    init(row: Row) {
        self.init(
            stage: row["stage"], startedAt: Date(millis: row["started_at"]),
            duration: .milliseconds(row["duration_ms"] as Int64), outcome: row["outcome"], detail: row["detail"])
    }
}
