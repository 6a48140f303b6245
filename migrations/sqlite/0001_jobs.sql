-- The job queue: jobs, one run record per attempt, per-stage timings, checkpoints.
-- Times are unix epoch milliseconds (INTEGER). States and outcomes are stable strings.

CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL,
    state            TEXT    NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'running', 'succeeded', 'no_fix', 'skipped', 'dead', 'cancelled')),
    repo             TEXT,
    dedupe_key       TEXT    UNIQUE,
    payload          TEXT    NOT NULL DEFAULT '{}',
    priority         INTEGER NOT NULL DEFAULT 0,
    run_at           INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
    lease_owner      TEXT,
    lease_token      TEXT,
    lease_until      INTEGER,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    pr_url           TEXT,
    result           TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    finished_at      INTEGER
);

-- Claim order; partial so finished jobs never slow a claim down.
CREATE INDEX jobs_claimable ON jobs (priority, run_at, id) WHERE state = 'queued';
-- The per-repository concurrency limit counts running jobs of one repo.
CREATE INDEX jobs_running_repo ON jobs (repo) WHERE state = 'running';
CREATE INDEX jobs_running_lease ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_finished_at ON jobs (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX jobs_repo_state ON jobs (repo, state);

CREATE TABLE job_runs (
    id             INTEGER PRIMARY KEY,
    job_id         INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    attempt        INTEGER NOT NULL,
    worker_id      TEXT    NOT NULL,
    lease_token    TEXT    NOT NULL UNIQUE,
    started_at     INTEGER NOT NULL,
    finished_at    INTEGER,
    outcome        TEXT    NOT NULL DEFAULT 'running'
                   CHECK (outcome IN ('running', 'succeeded', 'no_fix', 'skipped', 'cancelled', 'retry', 'dead',
                                      'handed_back', 'lease_expired')),
    error          TEXT,
    tokens_in      INTEGER NOT NULL DEFAULT 0,
    tokens_out     INTEGER NOT NULL DEFAULT 0,
    cost_usd       REAL    NOT NULL DEFAULT 0,
    prompt_version TEXT
);
CREATE INDEX job_runs_job ON job_runs (job_id);
CREATE INDEX job_runs_finished ON job_runs (finished_at);

CREATE TABLE run_stages (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
    stage       TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    outcome     TEXT    NOT NULL,
    detail      TEXT
);
CREATE INDEX run_stages_run ON run_stages (run_id);

CREATE TABLE job_checkpoints (
    job_id     INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    stage      TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (job_id, stage)
) WITHOUT ROWID;

-- Queue-wide switches (the claim statement reads 'paused').
CREATE TABLE queue_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Monotonic totals for Prometheus counters; they survive `prune`, unlike the rows they count.
CREATE TABLE metric_totals (
    name  TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    value REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (name, label)
) WITHOUT ROWID;

CREATE TRIGGER jobs_count_finished AFTER UPDATE OF state ON jobs
WHEN NEW.state IN ('succeeded', 'no_fix', 'skipped', 'dead', 'cancelled') AND OLD.state <> NEW.state
BEGIN
    INSERT INTO metric_totals (name, label, value) VALUES ('jobs_finished', NEW.state, 1)
    ON CONFLICT (name, label) DO UPDATE SET value = value + 1;
END;

CREATE TRIGGER job_runs_count_attempts AFTER INSERT ON job_runs
BEGIN
    INSERT INTO metric_totals (name, label, value) VALUES ('attempts', '', 1)
    ON CONFLICT (name, label) DO UPDATE SET value = value + 1;
END;

CREATE TRIGGER job_runs_count_llm AFTER UPDATE OF tokens_in, tokens_out, cost_usd ON job_runs
WHEN NEW.tokens_in <> OLD.tokens_in OR NEW.tokens_out <> OLD.tokens_out OR NEW.cost_usd <> OLD.cost_usd
BEGIN
    INSERT INTO metric_totals (name, label, value) VALUES ('llm_tokens', 'input', NEW.tokens_in - OLD.tokens_in)
    ON CONFLICT (name, label) DO UPDATE SET value = value + excluded.value;
    INSERT INTO metric_totals (name, label, value) VALUES ('llm_tokens', 'output', NEW.tokens_out - OLD.tokens_out)
    ON CONFLICT (name, label) DO UPDATE SET value = value + excluded.value;
    INSERT INTO metric_totals (name, label, value) VALUES ('llm_cost_usd', '', NEW.cost_usd - OLD.cost_usd)
    ON CONFLICT (name, label) DO UPDATE SET value = value + excluded.value;
END;
