/// Copying a whole queue between stores (`autofix migrate-store`): the tables in the order their rows
/// can be inserted, each read in chunks of JSON objects keyed by column name, so the stores agree on
/// names, not on types (SQLite's 0/1 becomes PostgreSQL's boolean on the way in).
public enum QueueCopy {
    /// Parents before children; metric totals last, because inserting run records counts attempts.
    public static let tables = [
        "queue_settings", "jobs", "job_runs", "run_stages", "job_checkpoints", "webhook_deliveries", "fix_outcomes", "eval_results", "metric_totals",
    ]

    /// Reads `limit` rows of `table` from `offset`, as a JSON array of objects, and how many there were.
    public typealias Source = @Sendable (_ table: String, _ offset: Int, _ limit: Int) async throws -> (json: String, count: Int)

    public static let chunk = 2_000
}
