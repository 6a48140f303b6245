import Foundation

/// The JSON shape of jobs and runs, shared by the CLI's `--json` and the HTTP API.
public enum JobJSON {
    public static func object(_ job: Job) -> [String: Any] {
        [
            "id": job.id, "kind": job.kind, "state": job.state.rawValue, "priority": job.priority,
            "run_at": iso(job.runAt), "attempts": job.attempts, "max_attempts": job.maxAttempts,
            "cancel_requested": job.cancelRequested, "created_at": iso(job.createdAt), "updated_at": iso(job.updatedAt),
            "payload": (try? JSONSerialization.jsonObject(with: Data(job.payload.utf8))) ?? job.payload,
            "repo": job.repo ?? NSNull(), "dedupe_key": job.dedupeKey ?? NSNull(), "lease_owner": job.leaseOwner ?? NSNull(),
            "lease_until": job.leaseUntil.map(iso) ?? NSNull(), "last_error": job.lastError ?? NSNull(),
            "pr_url": job.prURL ?? NSNull(), "finished_at": job.finishedAt.map(iso) ?? NSNull(),
        ]
    }

    public static func object(_ run: RunRecord) -> [String: Any] {
        [
            "id": run.id, "attempt": run.attempt, "worker": run.workerID, "started_at": iso(run.startedAt),
            "finished_at": run.finishedAt.map(iso) ?? NSNull(), "outcome": run.outcome, "error": run.error ?? NSNull(),
            "tokens_in": run.tokensIn, "tokens_out": run.tokensOut, "cost_usd": run.costUSD,
            "prompt_version": run.promptVersion ?? NSNull(),
            "stages": run.stages.map { stage -> [String: Any] in
                [
                    "stage": stage.stage, "started_at": iso(stage.startedAt), "seconds": stage.duration.seconds,
                    "outcome": stage.outcome, "detail": stage.detail ?? NSNull(),
                ]
            },
        ]
    }

    /// A job with its runs, as `autofix show --json` and `GET /v1/jobs/{id}` give it.
    public static func detail(_ job: Job, runs: [RunRecord]) -> [String: Any] {
        var detail = object(job)
        detail["runs"] = runs.map { object($0) }
        return detail
    }

    public static func text(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
