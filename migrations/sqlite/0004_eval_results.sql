-- `autofix eval --store`: one row per judged run of an eval case, beside production's jobs, for the same
-- dashboards. `eval_id` groups the rows of one `autofix eval` invocation.
CREATE TABLE eval_results (
    id              INTEGER PRIMARY KEY,
    eval_id         TEXT    NOT NULL,
    recorded_at     INTEGER NOT NULL,
    model           TEXT    NOT NULL,
    run             INTEGER NOT NULL,
    case_name       TEXT    NOT NULL,
    ecosystem       TEXT    NOT NULL,
    expect          TEXT    NOT NULL,
    judged          TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    pull_opened     INTEGER NOT NULL,
    seconds         REAL    NOT NULL,
    tokens_in       INTEGER NOT NULL,
    tokens_out      INTEGER NOT NULL,
    cost_usd        REAL    NOT NULL,
    extraction_hit  INTEGER,
    localized       INTEGER
);
CREATE INDEX eval_results_by_eval ON eval_results (eval_id);

-- The design document's figures per eval invocation: success over fix cases, false positives over the PRs
-- opened, mean time to fix over successes.
CREATE VIEW v_eval_summary AS
SELECT eval_id,
       datetime(min(recorded_at) / 1000, 'unixepoch')                                   AS recorded_at,
       model,
       count(DISTINCT case_name)                                                        AS cases,
       max(run)                                                                         AS runs,
       round(1.0 * sum(judged = 'success') / nullif(sum(expect = 'fix'), 0), 4)          AS success_rate,
       round(1.0 * sum(judged = 'false_positive') / nullif(sum(pull_opened), 0), 4)      AS false_positive_rate,
       round(1.0 * sum(judged = 'expected') / nullif(sum(expect <> 'fix'), 0), 4)        AS expected_outcome_rate,
       round(avg(CASE WHEN judged = 'success' THEN seconds END), 2)                     AS mean_seconds_to_fix,
       round(avg(tokens_in + tokens_out), 0)                                            AS mean_tokens,
       round(avg(cost_usd), 6)                                                          AS mean_cost_usd
FROM eval_results
GROUP BY eval_id, model;
