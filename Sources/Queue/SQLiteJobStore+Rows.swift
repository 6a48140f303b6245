import Foundation
import GRDB

extension Job {
    init(row: Row) throws {
        guard let state = JobState(rawValue: row["state"]) else {
            throw QueueError.storageUnavailable("job \(row["id"] as Int64) has unknown state \(row["state"] as String)")
        }
        self.init(
            id: row["id"], kind: row["kind"], state: state, repo: row["repo"], dedupeKey: row["dedupe_key"],
            payload: row["payload"], priority: row["priority"], runAt: Date(millis: row["run_at"]),
            attempts: row["attempts"], maxAttempts: row["max_attempts"], leaseOwner: row["lease_owner"],
            leaseUntil: (row["lease_until"] as Int64?).map(Date.init(millis:)), cancelRequested: row["cancel_requested"],
            lastError: row["last_error"], prURL: row["pr_url"], result: row["result"],
            createdAt: Date(millis: row["created_at"]), updatedAt: Date(millis: row["updated_at"]),
            finishedAt: (row["finished_at"] as Int64?).map(Date.init(millis:)))
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
