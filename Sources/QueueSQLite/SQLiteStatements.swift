/// Every SQL statement the SQLite job store runs. Times are unix epoch milliseconds.
enum SQLiteStatements {
    static let enqueue = """
        INSERT INTO jobs (kind, state, repo, dedupe_key, payload, priority, run_at, max_attempts, created_at, updated_at)
        VALUES (:kind, 'queued', :repo, :dedupeKey, :payload, :priority, :runAt, :maxAttempts, :now, :now)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING *
        """

    static let jobByDedupeKey = "SELECT * FROM jobs WHERE dedupe_key = ?"

    /// One statement leases the batch. Candidates come from the partial index in claim order; a
    /// repository already at its limit is skipped, and within the batch the window function keeps
    /// a repository to its remaining slots. The scan bound keeps a claim cheap under a deep backlog
    /// while the first eligible job always fits, so the queue makes progress.
    static let claim = """
        UPDATE jobs
        SET state = 'running', lease_owner = :worker, lease_token = :token || '.' || id,
            lease_until = :leaseUntil, attempts = attempts + 1, updated_at = :now
        WHERE id IN (
            WITH eligible AS (
                SELECT j.id, j.repo, j.priority, j.run_at
                FROM jobs j
                WHERE j.state = 'queued' AND j.run_at <= :now
                  AND j.kind IN (SELECT value FROM json_each(:kinds))
                  AND (j.repo IS NULL
                       OR (SELECT count(*) FROM jobs r WHERE r.state = 'running' AND r.repo = j.repo) < :repoLimit)
                ORDER BY j.priority, j.run_at, j.id
                LIMIT :scan
            ), ranked AS (
                SELECT id, repo, priority, run_at,
                       ROW_NUMBER() OVER (PARTITION BY repo ORDER BY priority, run_at, id) AS rn
                FROM eligible
            )
            SELECT id FROM ranked
            WHERE repo IS NULL
               OR rn + (SELECT count(*) FROM jobs r WHERE r.state = 'running' AND r.repo = ranked.repo) <= :repoLimit
            ORDER BY priority, run_at, id
            LIMIT :limit
        )
        AND NOT EXISTS (SELECT 1 FROM queue_settings WHERE name = 'paused' AND value = '1')
        RETURNING *
        """

    static let insertRun = """
        INSERT INTO job_runs (job_id, attempt, worker_id, lease_token, started_at) VALUES (?, ?, ?, ?, ?)
        """

    static let heartbeat = """
        UPDATE jobs SET lease_until = :leaseUntil, updated_at = :now
        WHERE id = :id AND lease_token = :token AND state = 'running'
        RETURNING cancel_requested
        """

    /// Touches the row only if the lease still holds; zero changes means the lease is lost.
    static let fence = """
        UPDATE jobs SET updated_at = :now WHERE id = :id AND lease_token = :token AND state = 'running'
        RETURNING attempts, max_attempts, cancel_requested
        """

    static let finish = """
        UPDATE jobs
        SET state = :state, lease_owner = NULL, lease_token = NULL, lease_until = NULL, cancel_requested = 0,
            last_error = :error, pr_url = COALESCE(:prURL, pr_url), result = COALESCE(:result, result),
            finished_at = :now, updated_at = :now
        WHERE id = :id AND lease_token = :token AND state = 'running'
        """

    static let requeue = """
        UPDATE jobs
        SET state = 'queued', run_at = :runAt, attempts = attempts - :refund, last_error = COALESCE(:error, last_error),
            lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = :now
        WHERE id = :id AND lease_token = :token AND state = 'running'
        """

    static let endRun = """
        UPDATE job_runs SET finished_at = :now, outcome = :outcome, error = :error WHERE lease_token = :token
        """

    static let upsertCheckpoint = """
        INSERT INTO job_checkpoints (job_id, stage, data, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (job_id, stage) DO UPDATE SET data = excluded.data, created_at = excluded.created_at
        """

    static let checkpoints = "SELECT stage, data FROM job_checkpoints WHERE job_id = ?"

    static let insertStage = """
        INSERT INTO run_stages (run_id, stage, started_at, duration_ms, outcome, detail)
        SELECT id, ?, ?, ?, ?, ? FROM job_runs WHERE lease_token = ?
        """

    static let addRunUsage = """
        UPDATE job_runs
        SET tokens_in = tokens_in + ?, tokens_out = tokens_out + ?, cost_usd = cost_usd + ?,
            prompt_version = COALESCE(?, prompt_version)
        WHERE lease_token = ?
        """

    static let expiredLeases = """
        SELECT id, lease_token, lease_owner, attempts, max_attempts, cancel_requested
        FROM jobs WHERE state = 'running' AND lease_until < ?
        """

    static let jobState = "SELECT state FROM jobs WHERE id = ?"

    static let cancelQueued = """
        UPDATE jobs SET state = 'cancelled', last_error = 'cancelled by operator', finished_at = :now, updated_at = :now
        WHERE id = :id AND state = 'queued'
        """

    static let requestCancel = "UPDATE jobs SET cancel_requested = 1, updated_at = :now WHERE id = :id AND state = 'running'"

    static let runNow = "UPDATE jobs SET run_at = :now, updated_at = :now WHERE id = :id AND state = 'queued'"

    static let requeueFinished = """
        UPDATE jobs
        SET state = 'queued', attempts = 0, run_at = :now, cancel_requested = 0, finished_at = NULL, updated_at = :now
        WHERE id = :id AND state IN ('succeeded', 'no_fix', 'skipped', 'dead', 'cancelled')
        """

    static let setPaused = """
        INSERT INTO queue_settings (name, value) VALUES ('paused', ?)
        ON CONFLICT (name) DO UPDATE SET value = excluded.value
        """

    static let isPaused = "SELECT value = '1' FROM queue_settings WHERE name = 'paused'"

    /// Inserts a webhook delivery id; no row changes when it was seen before.
    static let recordDelivery = "INSERT INTO webhook_deliveries (id, received_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
    static let forgetDelivery = "DELETE FROM webhook_deliveries WHERE id = ?"
    static let pruneDeliveries = "DELETE FROM webhook_deliveries WHERE received_at < ?"

    static let prune = "DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ?"

    static let pendingOfKinds = """
        SELECT count(*) FROM jobs WHERE state IN ('queued', 'running') AND kind IN (SELECT value FROM json_each(?))
        """

    static let jobByID = "SELECT * FROM jobs WHERE id = ?"

    static let listJobs = """
        SELECT * FROM jobs
        WHERE (:state IS NULL OR state = :state) AND (:repo IS NULL OR repo = :repo)
        ORDER BY id DESC LIMIT :limit
        """

    static let runsOfJob = "SELECT * FROM job_runs WHERE job_id = ? ORDER BY id"

    static let stagesOfJob = """
        SELECT s.* FROM run_stages s JOIN job_runs r ON r.id = s.run_id WHERE r.job_id = ? ORDER BY s.id
        """

    static let countsByState = "SELECT state, count(*) AS n FROM jobs GROUP BY state"

    static let oldestClaimable = "SELECT min(run_at) FROM jobs WHERE state = 'queued' AND run_at <= ?"

    /// Skipped (policy) and cancelled (operator) jobs are neither successes nor failures of the fixer.
    static let successInWindow = """
        SELECT count(*) FILTER (WHERE state = 'succeeded'), count(*)
        FROM jobs WHERE finished_at >= ? AND state IN ('succeeded', 'no_fix', 'dead')
        """

    static let metricTotals = "SELECT name, label, value FROM metric_totals"

    static let stageDurations = "SELECT stage, duration_ms FROM run_stages"

    static let insertEvalResult = """
        INSERT INTO eval_results (eval_id, recorded_at, model, run, case_name, ecosystem, expect, judged, state, pull_opened,
                                  seconds, tokens_in, tokens_out, cost_usd, extraction_hit, localized)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let evalSummaries = """
        SELECT eval_id, model, cases, runs, success_rate, false_positive_rate, mean_seconds_to_fix
        FROM v_eval_summary ORDER BY recorded_at DESC, eval_id
        """

    // MARK: fix outcomes

    static let insertFixOutcome = """
        INSERT INTO fix_outcomes (repo, pr_number, job_id, branch, failed_at, opened_at, updated_at, failure_signature, head_sha, workflow_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repo, pr_number) DO NOTHING
        """

    /// A completed run on an open fix branch: the latest run decides the state; the first green is kept (a
    /// run stamped before the failure, by a skewed or stale clock, counts as no time, never as negative); the
    /// run already recorded changes nothing.
    static let fixCICompleted = """
        UPDATE fix_outcomes
        SET ci_state = :state, ci_runs = ci_runs + 1, ci_workflow = :workflow, updated_at = :at, ci_run_id = :run, ci_run_attempt = :attempt,
            first_green_at = CASE WHEN :state = 'passed' AND first_green_at IS NULL THEN max(:at, failed_at) ELSE first_green_at END
        WHERE repo = :repo AND branch = :branch AND pr_state = 'open'
          AND NOT (ci_run_id IS NOT NULL AND ci_run_id = :run AND ci_run_attempt = :attempt)
          AND (head_sha IS NULL OR head_sha = :sha) AND (workflow_id IS NULL OR workflow_id = :workflowID)
        """

    /// A fix branch's run when the branch has no record yet: kept for `recordFixOpened`.
    static let fixCIEarly = """
        INSERT INTO fix_ci_early (repo, branch, run_id, run_attempt, head_sha, workflow_id, workflow, ci_state, at)
        SELECT :repo, :branch, :run, :attempt, :sha, :workflowID, :workflow, :state, :at
        WHERE NOT EXISTS (SELECT 1 FROM fix_outcomes WHERE repo = :repo AND branch = :branch)
        ON CONFLICT DO NOTHING
        """

    static let fixCIEarlyOfBranch = """
        SELECT run_id, run_attempt, head_sha, workflow_id, workflow, ci_state, at FROM fix_ci_early
        WHERE repo = ? AND branch = ? ORDER BY run_id, run_attempt
        """

    static let deleteFixCIEarly = "DELETE FROM fix_ci_early WHERE repo = ? AND branch = ?"

    static let pruneFixCIEarly = "DELETE FROM fix_ci_early WHERE at < ?"

    static let fixFollowUpStarted = """
        UPDATE fix_outcomes SET follow_ups = follow_ups + 1, updated_at = :at
        WHERE repo = :repo AND pr_number = :number AND pr_state = 'open' AND ci_state = 'failed' AND ci_run_id = :run AND follow_ups < :max
        """

    static let fixFollowUpPushed = """
        UPDATE fix_outcomes SET head_sha = :sha, ci_state = 'pending', updated_at = :at
        WHERE repo = :repo AND pr_number = :number AND pr_state = 'open'
        """

    static let fixMarkedFailed = """
        UPDATE fix_outcomes SET close_after = :closeAfter, updated_at = :at
        WHERE repo = :repo AND pr_number = :number AND pr_state = 'open' AND ci_state = 'failed' AND close_after IS NULL
        """

    static let fixClosed = """
        UPDATE fix_outcomes SET pr_state = ?, closed_by = ?, closed_at = ?, updated_at = ? WHERE repo = ? AND pr_number = ?
        """

    static let fixReopened = """
        UPDATE fix_outcomes SET pr_state = 'open', closed_by = NULL, closed_at = NULL, close_after = NULL, updated_at = ? WHERE repo = ? AND pr_number = ?
        """

    static let fixReviewed = "UPDATE fix_outcomes SET review_state = ?, updated_at = ? WHERE repo = ? AND pr_number = ?"

    static let fixOutcomes = """
        SELECT repo, pr_number, job_id, branch, failed_at, opened_at, ci_state, ci_runs, ci_workflow, first_green_at, review_state,
               pr_state, closed_by, closed_at, updated_at, failure_signature, ci_run_id, ci_run_attempt, follow_ups, close_after, head_sha, workflow_id
        FROM fix_outcomes
        WHERE (:repo IS NULL OR repo = :repo) AND (:since IS NULL OR opened_at >= :since) AND (:job IS NULL OR job_id = :job)
          AND (:signature IS NULL OR failure_signature = :signature) AND (:number IS NULL OR pr_number = :number)
          AND (:branch IS NULL OR branch = :branch) AND (:openOnly = 0 OR pr_state = 'open')
        ORDER BY CASE WHEN :openOnly = 1 THEN updated_at END ASC, opened_at DESC, repo, pr_number LIMIT :limit
        """
}
