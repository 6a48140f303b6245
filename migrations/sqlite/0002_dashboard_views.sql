-- Views for SQL-based dashboards (Grafana's SQLite data source, Metabase, sqlite3). Times in UTC.

-- One row per finished job: its outcome, timing and what it cost.
CREATE VIEW v_job_outcomes AS
SELECT j.id                                            AS job_id,
       j.kind,
       j.repo,
       j.state                                         AS outcome,
       j.attempts,
       datetime(j.created_at / 1000, 'unixepoch')      AS created_at,
       datetime(j.finished_at / 1000, 'unixepoch')     AS finished_at,
       (j.finished_at - j.created_at) / 1000.0         AS seconds_to_finish,
       j.pr_url,
       j.last_error,
       (SELECT coalesce(sum(r.tokens_in), 0) FROM job_runs r WHERE r.job_id = j.id)  AS tokens_in,
       (SELECT coalesce(sum(r.tokens_out), 0) FROM job_runs r WHERE r.job_id = j.id) AS tokens_out,
       (SELECT coalesce(sum(r.cost_usd), 0) FROM job_runs r WHERE r.job_id = j.id)   AS cost_usd
FROM jobs j
WHERE j.finished_at IS NOT NULL;

-- One row per recorded pipeline stage.
CREATE VIEW v_stage_durations AS
SELECT r.job_id,
       r.id                                            AS run_id,
       r.attempt,
       s.stage,
       s.outcome,
       s.duration_ms / 1000.0                          AS seconds,
       datetime(s.started_at / 1000, 'unixepoch')      AS started_at
FROM run_stages s
JOIN job_runs r ON r.id = s.run_id;

-- Per UTC day: finished jobs by outcome and the success rate (succeeded over succeeded, no_fix and dead).
CREATE VIEW v_daily_success_rate AS
SELECT date(finished_at / 1000, 'unixepoch')           AS day,
       count(*)                                        AS finished,
       sum(state = 'succeeded')                        AS succeeded,
       sum(state = 'no_fix')                           AS no_fix,
       sum(state = 'skipped')                          AS skipped,
       sum(state = 'dead')                             AS dead,
       sum(state = 'cancelled')                        AS cancelled,
       round(1.0 * sum(state = 'succeeded') / nullif(sum(state IN ('succeeded', 'no_fix', 'dead')), 0), 4) AS success_rate
FROM jobs
WHERE finished_at IS NOT NULL
GROUP BY day;
