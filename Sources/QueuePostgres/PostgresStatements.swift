/// Every SQL statement the PostgreSQL job store runs. Times are unix epoch milliseconds, passed in from
/// the store's clock (never the server's `now()`), so both stores answer to the same injected clock.
enum PostgresStatements {
    /// The `jobs` columns in the order `PostgresJobColumn` decodes them.
    static let jobColumns = """
        id, kind, state, repo, dedupe_key, payload, priority, run_at, attempts, max_attempts, lease_owner, lease_token, \
        lease_until, cancel_requested, last_error, pr_url, result, created_at, updated_at, finished_at
        """

    /// Wakes every LISTENing worker when the transaction commits; repeated NOTIFYs in one transaction fold into one.
    static let channel = "autofix_jobs"
    static let notify = "SELECT pg_notify('autofix_jobs', '')"

    static let enqueue = """
        INSERT INTO jobs (kind, state, repo, dedupe_key, payload, priority, run_at, max_attempts, created_at, updated_at)
        VALUES ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $8)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING \(jobColumns)
        """

    static let jobByDedupeKey = "SELECT \(jobColumns) FROM jobs WHERE dedupe_key = $1"

    /// Pausing takes this lock exclusively; every claim takes it shared in step 1 and reads the pause
    /// flag again in step 3, under a snapshot taken after the lock, so a pause that returned is seen by
    /// every claim after it.
    static let pauseLock = "SELECT pg_advisory_xact_lock(\(PostgresLockSpace.pause), hashtext(current_schema()))"

    /// Claim, step 1: lock the first claimable jobs in claim order, skipping rows another claimer holds,
    /// and the pause lock shared. The pause and repository tests here are pre-filters on this statement's
    /// snapshot, so a busy repository does not fill the scan; step 3 decides under the locks.
    static let claimCandidates = """
        SELECT id, repo, pg_advisory_xact_lock_shared(\(PostgresLockSpace.pause), hashtext(current_schema()))::text FROM jobs j
        WHERE j.state = 'queued' AND j.run_at <= $1 AND j.kind = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM queue_settings WHERE name = 'paused' AND value = '1')
          AND (j.repo IS NULL OR (SELECT count(*) FROM jobs r WHERE r.state = 'running' AND r.repo = j.repo) < $3)
        ORDER BY j.priority, j.run_at, j.id
        LIMIT $4
        FOR UPDATE SKIP LOCKED
        """

    /// Claim, step 2: a transaction-scoped advisory lock per candidate repository, without waiting. A
    /// repository whose lock another claimer holds is left for the next claim: two claimers never count
    /// one repository's running jobs at the same time, so they cannot both take its last slot.
    static let lockRepositories = """
        SELECT repo FROM unnest($1::text[]) AS repo WHERE pg_try_advisory_xact_lock(\(PostgresLockSpace.claim), hashtext(current_schema() || '/' || repo))
        """

    /// Claim, step 3 (a new snapshot, taken after the locks, so every committed claim of these repositories
    /// is counted): lease the candidates that fit their repository's remaining slots, open their run records.
    /// Each row carries the transaction's id, for the COMMIT (see `inTransaction`).
    static let claim = """
        WITH chosen AS (
            SELECT c.id FROM (
                SELECT j.id, j.repo, j.priority, j.run_at,
                       ROW_NUMBER() OVER (PARTITION BY j.repo ORDER BY j.priority, j.run_at, j.id) AS rn
                FROM jobs j WHERE j.id = ANY($1) AND j.state = 'queued'
                  AND NOT EXISTS (SELECT 1 FROM queue_settings WHERE name = 'paused' AND value = '1')
            ) c
            WHERE c.repo IS NULL
               OR c.rn + (SELECT count(*) FROM jobs r WHERE r.state = 'running' AND r.repo = c.repo) <= $2
            ORDER BY c.priority, c.run_at, c.id
            LIMIT $3
        ), claimed AS (
            UPDATE jobs
            SET state = 'running', lease_owner = $4, lease_token = $5 || '.' || jobs.id,
                lease_until = $6, attempts = jobs.attempts + 1, updated_at = $7
            FROM chosen WHERE jobs.id = chosen.id
            RETURNING jobs.*
        ), runs AS (
            INSERT INTO job_runs (job_id, attempt, worker_id, lease_token, started_at)
            SELECT id, attempts, $4, lease_token, $7 FROM claimed
        )
        SELECT \(jobColumns), pg_current_xact_id_if_assigned()::text FROM claimed ORDER BY priority, run_at, id
        """

    static let heartbeat = """
        UPDATE jobs SET lease_until = $1, updated_at = $2
        WHERE id = $3 AND lease_token = $4 AND state = 'running'
        RETURNING cancel_requested
        """

    /// Touches the row only if the lease still holds; no row back means the lease is lost.
    static let fence = """
        UPDATE jobs SET updated_at = $1 WHERE id = $2 AND lease_token = $3 AND state = 'running'
        RETURNING attempts, max_attempts, cancel_requested
        """

    static let finish = """
        UPDATE jobs
        SET state = $1, lease_owner = NULL, lease_token = NULL, lease_until = NULL, cancel_requested = false,
            last_error = $2, pr_url = COALESCE($3, pr_url), result = COALESCE($4, result),
            finished_at = $5, updated_at = $5
        WHERE id = $6 AND lease_token = $7 AND state = 'running'
        RETURNING id
        """

    /// Ends a batch of held jobs and their runs in one statement: `$1` is a JSON array of
    /// `{id, token, state, error, pr_url, result}`. Returns the ids whose lease still held (with the
    /// transaction's id); the others are left untouched.
    static let completeBatch = """
        WITH input AS (
            SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(id bigint, token text, state text, error text, pr_url text, result text)
        ), done AS (
            UPDATE jobs
            SET state = i.state, lease_owner = NULL, lease_token = NULL, lease_until = NULL, cancel_requested = false,
                last_error = i.error, pr_url = COALESCE(i.pr_url, jobs.pr_url), result = COALESCE(i.result, jobs.result),
                finished_at = $2, updated_at = $2
            FROM input i WHERE jobs.id = i.id AND jobs.lease_token = i.token AND jobs.state = 'running'
            RETURNING jobs.id, i.token, i.state, i.error
        ), runs AS (
            UPDATE job_runs SET finished_at = $2, outcome = done.state, error = done.error
            FROM done WHERE job_runs.lease_token = done.token
        )
        SELECT id, pg_current_xact_id_if_assigned()::text FROM done
        """

    static let requeue = """
        UPDATE jobs
        SET state = 'queued', run_at = $1, attempts = attempts - $2, last_error = COALESCE($3, last_error),
            lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = $4
        WHERE id = $5 AND lease_token = $6 AND state = 'running'
        """

    static let endRun = "UPDATE job_runs SET finished_at = $1, outcome = $2, error = $3 WHERE lease_token = $4"

    static let upsertCheckpoint = """
        INSERT INTO job_checkpoints (job_id, stage, data, created_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (job_id, stage) DO UPDATE SET data = excluded.data, created_at = excluded.created_at
        """

    static let checkpoints = "SELECT stage, data FROM job_checkpoints WHERE job_id = $1"

    static let insertStage = """
        INSERT INTO run_stages (run_id, stage, started_at, duration_ms, outcome, detail)
        SELECT id, $1, $2, $3, $4, $5 FROM job_runs WHERE lease_token = $6
        """

    static let addRunUsage = """
        UPDATE job_runs
        SET tokens_in = tokens_in + $1, tokens_out = tokens_out + $2, cost_usd = cost_usd + $3,
            prompt_version = COALESCE($4, prompt_version)
        WHERE lease_token = $5
        """

    /// Rows a worker is finishing right now are locked by it and skipped; the fenced writes that follow
    /// re-check the token, so a job completed meanwhile is never flipped back.
    static let expiredLeases = """
        SELECT id, lease_token, lease_owner, attempts, max_attempts, cancel_requested
        FROM jobs WHERE state = 'running' AND lease_until < $1
        FOR UPDATE SKIP LOCKED
        """

    static let jobStateForUpdate = "SELECT state FROM jobs WHERE id = $1 FOR UPDATE"

    static let cancelQueued = """
        UPDATE jobs SET state = 'cancelled', last_error = 'cancelled by operator', finished_at = $1, updated_at = $1
        WHERE id = $2 AND state = 'queued'
        """

    static let requestCancel = "UPDATE jobs SET cancel_requested = true, updated_at = $1 WHERE id = $2 AND state = 'running'"

    static let runNow = "UPDATE jobs SET run_at = $1, updated_at = $1 WHERE id = $2 AND state = 'queued'"

    static let requeueFinished = """
        UPDATE jobs
        SET state = 'queued', attempts = 0, run_at = $1, cancel_requested = false, finished_at = NULL, updated_at = $1
        WHERE id = $2 AND state IN ('succeeded', 'no_fix', 'skipped', 'dead', 'cancelled')
        """

    static let setPaused = """
        INSERT INTO queue_settings (name, value) VALUES ('paused', $1)
        ON CONFLICT (name) DO UPDATE SET value = excluded.value
        """

    static let isPaused = "SELECT coalesce((SELECT value = '1' FROM queue_settings WHERE name = 'paused'), false)"

    static let recordDelivery = "INSERT INTO webhook_deliveries (id, received_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id"
    static let forgetDelivery = "DELETE FROM webhook_deliveries WHERE id = $1"
    static let pruneDeliveries = "DELETE FROM webhook_deliveries WHERE received_at < $1"

    static let prune = """
        WITH gone AS (DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < $1 RETURNING 1)
        SELECT count(*) FROM gone
        """

    static let pendingOfKinds = "SELECT count(*) FROM jobs WHERE state IN ('queued', 'running') AND kind = ANY($1)"

    static let jobByID = "SELECT \(jobColumns) FROM jobs WHERE id = $1"

    static let listJobs = """
        SELECT \(jobColumns) FROM jobs
        WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR repo = $2)
        ORDER BY id DESC LIMIT $3
        """

    static let runsOfJob = """
        SELECT id, job_id, attempt, worker_id, started_at, finished_at, outcome, error, tokens_in, tokens_out, cost_usd,
               prompt_version
        FROM job_runs WHERE job_id = $1 ORDER BY id
        """

    static let stagesOfJob = """
        SELECT s.run_id, s.stage, s.started_at, s.duration_ms, s.outcome, s.detail
        FROM run_stages s JOIN job_runs r ON r.id = s.run_id WHERE r.job_id = $1 ORDER BY s.id
        """

    static let countsByState = "SELECT state, count(*) FROM jobs GROUP BY state"

    static let oldestClaimable = "SELECT min(run_at) FROM jobs WHERE state = 'queued' AND run_at <= $1"

    /// Skipped (policy) and cancelled (operator) jobs are neither successes nor failures of the fixer.
    static let successInWindow = """
        SELECT count(*) FILTER (WHERE state = 'succeeded'), count(*)
        FROM jobs WHERE finished_at >= $1 AND state IN ('succeeded', 'no_fix', 'dead')
        """

    static let metricTotals = """
        SELECT name, label, sum(value) FROM (
            SELECT name, label, value FROM metric_totals UNION ALL SELECT name, label, value FROM metric_events
        ) AS counted GROUP BY name, label
        """

    /// Folds the counter events into the totals, by one host at a time (the others skip it).
    static let foldMetricsLock = "SELECT pg_try_advisory_xact_lock(\(PostgresLockSpace.metrics), hashtext(current_schema()))"
    static let foldMetrics = """
        WITH moved AS (DELETE FROM metric_events RETURNING name, label, value)
        INSERT INTO metric_totals (name, label, value) SELECT name, label, sum(value) FROM moved GROUP BY name, label
        ON CONFLICT (name, label) DO UPDATE SET value = metric_totals.value + excluded.value
        """

    static let stageDurations = "SELECT stage, duration_ms FROM run_stages"

    /// The transaction's id, taken before COMMIT (NULL when it wrote nothing); `pg_xact_status` later
    /// says whether it committed.
    static let currentTransaction = "SELECT pg_current_xact_id_if_assigned()::text"
    static let transactionStatus = "SELECT pg_xact_status($1::xid8)"

    // `migrate-store`: an empty target, rows by column name from JSON, identities past the copied ids.
    static let queueRowCount = """
        SELECT (SELECT count(*) FROM jobs) + (SELECT count(*) FROM job_runs) + (SELECT count(*) FROM fix_outcomes) + (SELECT count(*) FROM eval_results)
        """
    /// Settings, totals and delivery ids of a queue that never ran a job are replaced by the copy.
    static func clear(_ table: String) -> String { "DELETE FROM \(table)" }
    static func importRows(_ table: String) -> String {
        "INSERT INTO \(table) SELECT * FROM json_populate_recordset(NULL::\(table), $1::json)"
    }
    static let resetIdentities = """
        SELECT setval(pg_get_serial_sequence(t, 'id'), coalesce(m, 0) + 1, false)
        FROM (VALUES ('jobs', (SELECT max(id) FROM jobs)), ('job_runs', (SELECT max(id) FROM job_runs)),
                     ('run_stages', (SELECT max(id) FROM run_stages)), ('eval_results', (SELECT max(id) FROM eval_results))) AS v(t, m)
        """

    // Migrations, under a session-independent transaction lock so hosts starting together apply them once.
    static let lockMigrations = "SELECT pg_advisory_xact_lock(\(PostgresLockSpace.migrate), hashtext(current_schema()))"
    static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)
        """
    static let appliedMigrations = "SELECT id FROM schema_migrations ORDER BY id"
    static let recordMigration = "INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)"
    static let migrationsTableExists = "SELECT to_regclass('schema_migrations') IS NOT NULL"

    static let insertEvalResult = """
        INSERT INTO eval_results (eval_id, recorded_at, model, run, case_name, ecosystem, expect, judged, state, pull_opened,
                                  seconds, tokens_in, tokens_out, cost_usd, extraction_hit, localized)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        """

    static let evalSummaries = """
        SELECT eval_id, model, cases::bigint, runs::bigint, success_rate::float8, false_positive_rate::float8, mean_seconds_to_fix::float8
        FROM v_eval_summary ORDER BY recorded_at DESC, eval_id
        """

    // MARK: fix outcomes

    static let insertFixOutcome = """
        INSERT INTO fix_outcomes (repo, pr_number, job_id, branch, failed_at, opened_at, updated_at, failure_signature, head_sha, workflow_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (repo, pr_number) DO NOTHING
        """

    /// A completed run on an open fix branch: the latest run decides the state; the first green is kept (a
    /// run stamped before the failure, by a skewed or stale clock, counts as no time, never as negative); the
    /// run already recorded changes nothing.
    static let fixCICompleted = """
        UPDATE fix_outcomes
        SET ci_state = $1, ci_runs = ci_runs + 1, ci_workflow = $2, updated_at = $3, ci_run_id = $6, ci_run_attempt = $7,
            first_green_at = CASE WHEN $1 = 'passed' AND first_green_at IS NULL THEN GREATEST($3, failed_at) ELSE first_green_at END
        WHERE repo = $4 AND branch = $5 AND pr_state = 'open'
          AND NOT (ci_run_id IS NOT NULL AND ci_run_id = $6 AND ci_run_attempt = $7)
          AND (head_sha IS NULL OR head_sha = $8) AND (workflow_id IS NULL OR workflow_id = $9)
        RETURNING pr_number
        """

    /// Serialises a fix branch's CI results with the writing of its record (else a result could miss both:
    /// the record not there for the update, and there already for the parking).
    static let lockFixBranch = "SELECT pg_advisory_xact_lock(\(PostgresLockSpace.fixBranch), hashtext(current_schema() || '/' || $1))"

    /// A fix branch's run when the branch has no record yet: kept for `recordFixOpened`.
    static let fixCIEarly = """
        INSERT INTO fix_ci_early (repo, branch, run_id, run_attempt, head_sha, workflow_id, workflow, ci_state, at)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
        WHERE NOT EXISTS (SELECT 1 FROM fix_outcomes WHERE repo = $1 AND branch = $2)
        ON CONFLICT DO NOTHING
        """

    static let fixCIEarlyOfBranch = """
        SELECT run_id, run_attempt, head_sha, workflow_id, workflow, ci_state, at FROM fix_ci_early
        WHERE repo = $1 AND branch = $2 ORDER BY run_id, run_attempt
        """

    static let deleteFixCIEarly = "DELETE FROM fix_ci_early WHERE repo = $1 AND branch = $2"

    static let pruneFixCIEarly = "DELETE FROM fix_ci_early WHERE at < $1"

    static let fixFollowUpStarted = """
        UPDATE fix_outcomes SET follow_ups = follow_ups + 1, updated_at = $1
        WHERE repo = $2 AND pr_number = $3 AND pr_state = 'open' AND ci_state = 'failed' AND ci_run_id = $5 AND follow_ups < $4
        RETURNING pr_number
        """

    static let fixFollowUpPushed = """
        UPDATE fix_outcomes SET head_sha = $1, ci_state = 'pending', updated_at = $2
        WHERE repo = $3 AND pr_number = $4 AND pr_state = 'open'
        RETURNING pr_number
        """

    static let fixMarkedFailed = """
        UPDATE fix_outcomes SET close_after = $1, updated_at = $2
        WHERE repo = $3 AND pr_number = $4 AND pr_state = 'open' AND ci_state = 'failed' AND close_after IS NULL
        RETURNING pr_number
        """

    static let fixClosed = """
        UPDATE fix_outcomes SET pr_state = $1, closed_by = $2, closed_at = $3, updated_at = $3 WHERE repo = $4 AND pr_number = $5
        RETURNING pr_number
        """

    static let fixReopened = """
        UPDATE fix_outcomes SET pr_state = 'open', closed_by = NULL, closed_at = NULL, close_after = NULL, updated_at = $1 WHERE repo = $2 AND pr_number = $3
        RETURNING pr_number
        """

    static let fixReviewed = "UPDATE fix_outcomes SET review_state = $1, updated_at = $2 WHERE repo = $3 AND pr_number = $4 RETURNING pr_number"

    static let fixOutcomes = """
        SELECT repo, pr_number, job_id, branch, failed_at, opened_at, ci_state, ci_runs, ci_workflow, first_green_at, review_state,
               pr_state, closed_by, closed_at, updated_at, failure_signature, ci_run_id, ci_run_attempt, follow_ups, close_after, head_sha, workflow_id
        FROM fix_outcomes
        WHERE ($1::text IS NULL OR repo = $1) AND ($2::bigint IS NULL OR opened_at >= $2) AND ($3::bigint IS NULL OR job_id = $3)
          AND ($4::text IS NULL OR failure_signature = $4) AND ($6::integer IS NULL OR pr_number = $6) AND ($7::text IS NULL OR branch = $7)
          AND (NOT $8::boolean OR pr_state = 'open')
        ORDER BY CASE WHEN $8::boolean THEN updated_at END ASC, opened_at DESC, repo, pr_number LIMIT $5
        """
}

/// The first key of the store's two-key advisory locks, so they never meet another application's; the
/// second names the schema (advisory locks are per database), so queues in two schemas never meet either.
enum PostgresLockSpace {
    static let claim: Int32 = 0x4146_0001
    static let migrate: Int32 = 0x4146_0002
    static let metrics: Int32 = 0x4146_0003
    static let pause: Int32 = 0x4146_0004
    static let fixBranch: Int32 = 0x4146_0005
}
