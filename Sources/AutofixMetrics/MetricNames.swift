/// Every metric name and label value the project exposes, declared once. Labels come from small closed sets.
public enum MetricNames {
    public static let jobsFinished = "autofix_jobs_finished_total"
    public static let jobAttempts = "autofix_job_attempts_total"
    public static let queueDepth = "autofix_queue_depth"
    public static let oldestQueuedAge = "autofix_oldest_queued_age_seconds"
    public static let queuePaused = "autofix_queue_paused"
    public static let successRate = "autofix_success_rate_24h"
    public static let stageDuration = "autofix_stage_duration_seconds"
    public static let llmTokens = "autofix_llm_tokens_total"
    public static let llmCost = "autofix_llm_cost_usd_total"
    public static let httpRequests = "autofix_http_requests_total"
    /// Autofix pull requests opened in the last 30 days by what became of them, and the rates over 7 and 30 days.
    public static let fixOutcomes = "autofix_fix_outcomes"
    public static let fixSuccessRatio = "autofix_fix_success_ratio"
    public static let fixAcceptanceRatio = "autofix_fix_acceptance_ratio"
    public static let fixFalsePositiveRatio = "autofix_fix_false_positive_ratio"
    /// Failure to the first green CI run on the fix branch, pull requests of the last 30 days.
    public static let timeToFix = "autofix_time_to_fix_seconds"
    public static let rateWindows: [(label: String, days: Double)] = [("7d", 7), ("30d", 30)]
    public static let timeToFixBuckets: [Double] = [60, 120, 300, 600, 1800, 3600, 7200, 21_600, 86_400]
    /// Worker process: how long each execution ran, by how it ended.
    public static let jobRunDuration = "autofix_worker_job_run_seconds"

    /// The pipeline's stages; anything else is reported as `other` so a label never grows without bound.
    public static let stages = ["fetch_logs", "extract_errors", "gather_context", "generate_patch", "validate", "open_pr"]
    public static let otherStage = "other"
    public static let tokenDirections = ["input", "output"]

    public static let stageBuckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600]

    public static func stageLabel(_ stage: String) -> String {
        stages.contains(stage) ? stage : otherStage
    }
}
