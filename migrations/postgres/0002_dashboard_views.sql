-- Views for SQL-based dashboards (Grafana's PostgreSQL data source, Metabase, psql): the same names and
-- columns as the SQLite views. Times in UTC.

CREATE VIEW v_job_outcomes AS
SELECT j.id                                                        AS job_id,
       j.kind,
       j.repo,
       j.state                                                     AS outcome,
       j.attempts,
       to_timestamp(j.created_at / 1000.0) AT TIME ZONE 'UTC'      AS created_at,
       to_timestamp(j.finished_at / 1000.0) AT TIME ZONE 'UTC'     AS finished_at,
       (j.finished_at - j.created_at) / 1000.0                     AS seconds_to_finish,
       j.pr_url,
       j.last_error,
       (SELECT coalesce(sum(r.tokens_in), 0) FROM job_runs r WHERE r.job_id = j.id)  AS tokens_in,
       (SELECT coalesce(sum(r.tokens_out), 0) FROM job_runs r WHERE r.job_id = j.id) AS tokens_out,
       (SELECT coalesce(sum(r.cost_usd), 0) FROM job_runs r WHERE r.job_id = j.id)   AS cost_usd
FROM jobs j
WHERE j.finished_at IS NOT NULL;

CREATE VIEW v_stage_durations AS
SELECT r.job_id,
       r.id                                                        AS run_id,
       r.attempt,
       s.stage,
       s.outcome,
       s.duration_ms / 1000.0                                      AS seconds,
       to_timestamp(s.started_at / 1000.0) AT TIME ZONE 'UTC'      AS started_at
FROM run_stages s
JOIN job_runs r ON r.id = s.run_id;

-- Per UTC day: finished jobs by outcome and the success rate (succeeded over succeeded, no_fix and dead).
CREATE VIEW v_daily_success_rate AS
SELECT (to_timestamp(finished_at / 1000.0) AT TIME ZONE 'UTC')::date AS day,
       count(*)                                                    AS finished,
       count(*) FILTER (WHERE state = 'succeeded')                 AS succeeded,
       count(*) FILTER (WHERE state = 'no_fix')                    AS no_fix,
       count(*) FILTER (WHERE state = 'skipped')                   AS skipped,
       count(*) FILTER (WHERE state = 'dead')                      AS dead,
       count(*) FILTER (WHERE state = 'cancelled')                 AS cancelled,
       round(count(*) FILTER (WHERE state = 'succeeded')::numeric
             / nullif(count(*) FILTER (WHERE state IN ('succeeded', 'no_fix', 'dead')), 0), 4) AS success_rate
FROM jobs
WHERE finished_at IS NOT NULL
GROUP BY 1;
