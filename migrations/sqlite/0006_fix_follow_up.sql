-- What the worker does about an autofix pull request's CI: the commit the bot last pushed and the workflow
-- that failed (only their runs speak for the fix), the run that decided `ci_state` (a repeated delivery of
-- it counts once), the follow-up correction rounds started, and when a fix still red after
-- them is closed by the bot.
ALTER TABLE fix_outcomes ADD COLUMN head_sha TEXT;
ALTER TABLE fix_outcomes ADD COLUMN workflow_id INTEGER;
ALTER TABLE fix_outcomes ADD COLUMN ci_run_id INTEGER;
ALTER TABLE fix_outcomes ADD COLUMN ci_run_attempt INTEGER;
ALTER TABLE fix_outcomes ADD COLUMN follow_ups INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fix_outcomes ADD COLUMN close_after INTEGER;

-- A fix branch's CI result that arrives before the pipeline has written the pull request's record (CI
-- faster than opening, labelling and commenting): kept until the record is written, which applies it.
CREATE TABLE fix_ci_early (
    repo        TEXT    NOT NULL,
    branch      TEXT    NOT NULL,
    run_id      INTEGER NOT NULL,
    run_attempt INTEGER NOT NULL,
    head_sha    TEXT    NOT NULL,
    workflow_id INTEGER,
    workflow    TEXT    NOT NULL,
    ci_state    TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    PRIMARY KEY (repo, branch, run_id, run_attempt)
);
