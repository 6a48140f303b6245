-- What became of each autofix pull request (its fix branch's CI, review, merged or closed unmerged), one
-- row per pull request, kept after its job is pruned (`job_id` is then a dangling reference on purpose).
-- The same names and columns as the SQLite migration.
CREATE TABLE fix_outcomes (
    repo            TEXT    NOT NULL,
    pr_number       INTEGER NOT NULL,
    job_id          BIGINT,
    branch          TEXT    NOT NULL,
    failed_at       BIGINT  NOT NULL,
    opened_at       BIGINT  NOT NULL,
    ci_state        TEXT    NOT NULL DEFAULT 'pending' CHECK (ci_state IN ('pending', 'passed', 'failed', 'cancelled')),
    ci_runs         INTEGER NOT NULL DEFAULT 0,
    ci_workflow     TEXT,
    first_green_at  BIGINT,
    review_state    TEXT,
    pr_state        TEXT    NOT NULL DEFAULT 'open' CHECK (pr_state IN ('open', 'merged', 'closed_unmerged')),
    closed_by       TEXT    CHECK (closed_by IN ('maintainer', 'bot')),
    closed_at       BIGINT,
    failure_signature TEXT,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (repo, pr_number)
);
CREATE INDEX fix_outcomes_by_branch ON fix_outcomes (repo, branch);
CREATE INDEX fix_outcomes_by_opened ON fix_outcomes (opened_at);
CREATE INDEX fix_outcomes_by_failure ON fix_outcomes (repo, failure_signature);

CREATE VIEW v_fix_outcomes AS
SELECT repo, pr_number, job_id, branch,
       to_timestamp(opened_at / 1000.0) AT TIME ZONE 'UTC'                              AS opened_at,
       CASE WHEN pr_state = 'merged' THEN 'merged'
            WHEN pr_state = 'closed_unmerged' THEN 'closed_unmerged'
            WHEN ci_state = 'passed' THEN 'ci_passed'
            WHEN ci_state = 'failed' THEN 'ci_failed'
            ELSE 'open' END                                                             AS outcome,
       ci_state, ci_runs, review_state, pr_state, closed_by,
       round((opened_at - failed_at) / 1000.0, 1)                                       AS seconds_to_pr,
       round((first_green_at - failed_at) / 1000.0, 1)                                  AS seconds_to_green
FROM fix_outcomes;

CREATE VIEW v_fix_rates_daily AS
SELECT (to_timestamp(opened_at / 1000.0) AT TIME ZONE 'UTC')::date                      AS day,
       count(*)                                                                         AS pulls,
       round(count(*) FILTER (WHERE ci_state = 'passed')::numeric / count(*), 4)        AS success_rate,
       round(count(*) FILTER (WHERE pr_state = 'merged')::numeric / count(*), 4)        AS acceptance_rate,
       round(count(*) FILTER (WHERE pr_state = 'closed_unmerged' OR (ci_state = 'failed' AND pr_state <> 'merged'))::numeric / count(*), 4)
                                                                                        AS false_positive_rate,
       round(avg((first_green_at - failed_at) / 1000.0), 1)                             AS mean_seconds_to_green
FROM fix_outcomes
GROUP BY day;
