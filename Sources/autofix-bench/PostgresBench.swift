import Foundation

/// `make bench`'s PostgreSQL figures, on the throwaway server `make bench` starts, each beside the same
/// work done by PostgreSQL's own tools (psql, pgbench) in the same run:
/// (g) `autofix enqueue` per process next to `psql -c "INSERT …"`;
/// (h) claim+complete of no-op jobs by 1–16 workers in 1, 2 or 4 `autofix worker` processes, next to
///     pgbench running the same claim and complete statements with as many clients;
/// (i) time from enqueue to claim with LISTEN/NOTIFY, next to the same worker polling once a second;
/// (j) the 8-worker figure again over 1,000,000 finished and 100,000 not-yet-due jobs.
struct PostgresBench {
    let options: BenchOptions
    let directory: URL
    let server: String

    func run() async throws -> [BenchRow] {
        var rows = [try enqueuePerProcess()]
        for (workers, processes) in [(1, 1), (4, 1), (4, 2), (4, 4), (8, 1), (8, 2), (8, 4), (16, 1), (16, 2), (16, 4)] {
            rows.append(try claimComplete(workers: workers, processes: processes, deep: false))
        }
        rows.append(try claimComplete(workers: 8, processes: 2, deep: true))
        rows.append(try timeToClaim())
        return rows
    }

    /// A fresh schema holding a migrated queue; returns the URL selecting it.
    func schema(_ name: String) throws -> String {
        let schema = "bench_\(name)_\(UUID().uuidString.prefix(6).lowercased())"
        try psql(server, "CREATE SCHEMA \(schema)")
        let url = server + (server.contains("?") ? "&" : "?") + "search_path=\(schema)"
        _ = try ProcessTimer.time(options.autofix, ["migrate", "--database", url], environment: environment)
        return url
    }

    var environment: [String: String] { ["PATH": "/usr/bin:/bin", "HOME": directory.path] }

    func enqueuePerProcess() throws -> BenchRow {
        let ours = try schema("cli")
        let theirs = try schema("psql")
        var autofixTimes: [Double] = []
        var psqlTimes: [Double] = []
        for i in 1...options.invocations {
            autofixTimes.append(
                try ProcessTimer.time(
                    options.autofix,
                    [
                        "enqueue", "--database", ours, "--repo", "bench/cli", "--run-id", "\(i)",
                    ], environment: environment))
            psqlTimes.append(
                try ProcessTimer.time(
                    options.psql,
                    [
                        Self.libpq(theirs), "-X", "-q", "-c",
                        """
                        SET search_path TO \(Self.schemaName(theirs)); INSERT INTO jobs (kind, state, repo, dedupe_key, payload, priority, run_at, \
                        max_attempts, created_at, updated_at) VALUES ('autofix', 'queued', 'bench/cli', 'bench/cli#\(i)#1', \
                        '{"repo":"bench/cli"}', 0, 0, 5, 0, 0) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
                        """,
                    ], environment: environment))
        }
        let a = ProcessTimer.median(autofixTimes) * 1000
        let b = ProcessTimer.median(psqlTimes) * 1000
        return BenchRow(
            id: "pg_enqueue_process_ms", title: "(g) PostgreSQL: enqueue, one process per job (median of \(options.invocations))",
            ours: a, baseline: b, unit: "ms", baselineName: "psql -c INSERT", ratio: a / b, target: "-", pass: nil)
    }

    /// `workers` no-op workers in `processes` processes drain `jobs` jobs; pgbench does the same claims
    /// and completions with `workers` clients.
    func claimComplete(workers: Int, processes: Int, deep: Bool) throws -> BenchRow {
        let jobs = options.pgJobs
        let url = try schema("claim\(workers)x\(processes)")
        if deep { try psql(url, Self.deepTable) }
        try psql(url, Self.noopJobs(jobs))
        let start = ContinuousClock.now
        let children = try (0..<processes).map { _ in
            try ProcessTimer.spawn(
                options.autofix, ["worker", "--exit-when-idle"],
                environment: environment.merging([
                    "AUTOFIX_DATABASE": url, "AUTOFIX_WORKER_CONCURRENCY": "\(workers / processes)",
                    "AUTOFIX_WORKER_POLL_INTERVAL": "5ms", "AUTOFIX_WORKER_PER_REPO_LIMIT": "0", "AUTOFIX_LOG_LEVEL": "error",
                    "AUTOFIX_DATABASE_MAX_CONNECTIONS": "\(workers / processes + 2)",
                ]) { $1 })
        }
        for child in children { try ProcessTimer.wait(child) }
        let rate = Double(jobs) / (ContinuousClock.now - start).seconds
        let done = Int(try psql(url, "SELECT count(*) FROM jobs WHERE state = 'succeeded' AND kind = 'noop'")) ?? 0
        guard done == jobs else { throw BenchError("workers finished \(done) of \(jobs) jobs") }

        let raw = try schema("pgbench\(workers)")
        if deep { try psql(raw, Self.deepTable) }
        try psql(raw, Self.noopJobs(jobs))
        let script = directory.appendingPathComponent("claim-complete.sql")
        try Data(Self.pgbenchScript.utf8).write(to: script)
        let perClient = jobs / workers
        let pgbench = try ProcessTimer.output(
            options.pgbench,
            [
                "-n", "-f", script.path, "-c", "\(workers)", "-j", "\(min(workers, 4))", "-t", "\(perClient)", Self.libpq(raw),
            ], environment: environment.merging(["PGOPTIONS": "-c search_path=\(Self.schemaName(raw))"]) { $1 })
        guard let tps = Self.tps(pgbench) else { throw BenchError("no tps in pgbench output: \(pgbench.suffix(400))") }
        let gated = workers >= 4
        let title =
            deep
            ? "(j) PostgreSQL: claim+complete, 8 workers in 2 processes, over 1,000,000 finished + 100,000 later jobs (\(jobs) jobs)"
            : "(h) PostgreSQL: claim+complete, no-op kind, \(workers) worker\(workers == 1 ? "" : "s") in \(processes) process\(processes == 1 ? "" : "es") (\(jobs) jobs)"
        return BenchRow(
            id: deep ? "pg_claim_complete_deep_per_s" : "pg_claim_complete_\(workers)w_\(processes)p_per_s", title: title,
            ours: rate, baseline: tps, unit: "jobs/s", baselineName: "pgbench, same statements, \(workers) clients",
            ratio: rate / tps, target: gated ? "≥ 0.5× baseline" : "-", pass: gated ? rate >= 0.5 * tps : nil)
    }

    /// Median milliseconds from a job's commit to its claim, one job at a time, by a worker that listens,
    /// next to the same worker polling every second without notifications.
    func timeToClaim() throws -> BenchRow {
        func median(listen: Bool) throws -> Double {
            let url = try schema(listen ? "notify" : "poll")
            var env = environment.merging([
                "AUTOFIX_DATABASE": url, "AUTOFIX_WORKER_POLL_INTERVAL": "1s", "AUTOFIX_LOG_LEVEL": "error",
                "AUTOFIX_WORKER_PER_REPO_LIMIT": "0",
            ]) { $1 }
            if !listen { env["AUTOFIX_DATABASE"] = url + "&listen=false" }
            let worker = try ProcessTimer.spawn(options.autofix, ["worker"], environment: env)
            defer {
                kill(worker, SIGTERM)
                try? ProcessTimer.wait(worker)
            }
            var delays: [Double] = []
            let count = listen ? 100 : 20
            for i in 0..<count {
                _ = try ProcessTimer.time(options.autofix, ["enqueue", "--database", url, "--kind", "noop"], environment: environment)
                let deadline = ContinuousClock.now.advanced(by: .seconds(30))
                var delay: Double?
                while delay == nil, ContinuousClock.now < deadline {
                    let row = try psql(url, "SELECT r.started_at - j.created_at FROM jobs j JOIN job_runs r ON r.job_id = j.id WHERE j.id = \(i + 1)")
                    delay = Double(row)
                }
                guard let delay else { throw BenchError("job \(i + 1) was not claimed within 30 s") }
                delays.append(delay)
            }
            return ProcessTimer.median(delays)
        }
        let notified = try median(listen: true)
        let polled = try median(listen: false)
        return BenchRow(
            id: "pg_time_to_claim_ms", title: "(i) PostgreSQL: enqueue → claimed, median (LISTEN/NOTIFY; worker polls every 1 s)",
            ours: notified, baseline: polled, unit: "ms", baselineName: "same worker, poll only", ratio: notified / polled,
            target: "< 20 ms", pass: notified < 20)
    }

    @discardableResult
    func psql(_ url: String, _ sql: String) throws -> String {
        let prefix = url.contains("search_path=") ? "SET search_path TO \(Self.schemaName(url)); " : ""
        return try ProcessTimer.output(
            options.psql, [Self.libpq(url), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", prefix + sql], environment: environment
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// libpq does not know our `search_path` URL parameter.
    static func libpq(_ url: String) -> String {
        guard let range = url.range(of: #"[?&]search_path=\w+"#, options: .regularExpression) else { return url }
        var base = url
        base.removeSubrange(range)
        if !base.contains("?"), let amp = base.firstIndex(of: "&") { base.replaceSubrange(amp...amp, with: "?") }
        return base
    }

    static func schemaName(_ url: String) -> String {
        url.range(of: #"search_path=\w+"#, options: .regularExpression).map { String(url[$0].dropFirst("search_path=".count)) } ?? "public"
    }

    static func noopJobs(_ count: Int) -> String {
        """
        INSERT INTO jobs (kind, state, payload, priority, run_at, max_attempts, created_at, updated_at)
        SELECT 'noop', 'queued', '{}', 0, 0, 5, 0, 0 FROM generate_series(1, \(count)); ANALYZE jobs
        """
    }

    /// A long history and a backlog not yet due (of a kind these workers do not run, so they still go
    /// idle), in the claim's index order after the due jobs.
    static let deepTable = """
        INSERT INTO jobs (kind, state, repo, payload, run_at, attempts, created_at, updated_at, finished_at)
        SELECT 'history', 'succeeded', 'o/r' || (i % 500), '{}', i, 1, i, i, i FROM generate_series(1, 1000000) AS i;
        INSERT INTO jobs (kind, state, repo, payload, run_at, created_at, updated_at)
        SELECT 'later', 'queued', 'o/r' || (i % 500), '{}', 9000000000000 + i, i, i FROM generate_series(1, 100000) AS i;
        ANALYZE jobs
        """

    /// What a worker sends per job, as pgbench statements (PostgresStatements' claim and completion, one
    /// job per transaction): the claim's two steps in one transaction (candidates locked with SKIP LOCKED
    /// under the shared pause lock, then the lease and the run record), the completion in another.
    static let pgbenchScript = """
        BEGIN;
        SELECT id AS jid, pg_advisory_xact_lock_shared(1095106564, hashtext(current_schema()))::text AS pause FROM jobs j WHERE j.state = 'queued' AND j.run_at <= 8000000000000 AND j.kind = ANY('{noop}'::text[]) AND NOT EXISTS (SELECT 1 FROM queue_settings WHERE name = 'paused' AND value = '1') AND (j.repo IS NULL OR (SELECT count(*) FROM jobs r WHERE r.state = 'running' AND r.repo = j.repo) < 2147483647) ORDER BY j.priority, j.run_at, j.id LIMIT 1 FOR UPDATE SKIP LOCKED \\gset
        WITH chosen AS (SELECT c.id FROM (SELECT j.id, j.repo, j.priority, j.run_at, ROW_NUMBER() OVER (PARTITION BY j.repo ORDER BY j.priority, j.run_at, j.id) AS rn FROM jobs j WHERE j.id = ANY(ARRAY[:jid]::bigint[]) AND j.state = 'queued' AND NOT EXISTS (SELECT 1 FROM queue_settings WHERE name = 'paused' AND value = '1')) c WHERE c.repo IS NULL OR c.rn + (SELECT count(*) FROM jobs r WHERE r.state = 'running' AND r.repo = c.repo) <= 2147483647 ORDER BY c.priority, c.run_at, c.id LIMIT 1), claimed AS (UPDATE jobs SET state = 'running', lease_owner = 'pgbench', lease_token = 'tok.' || jobs.id, lease_until = 8000000000000, attempts = jobs.attempts + 1, updated_at = 1 FROM chosen WHERE jobs.id = chosen.id RETURNING jobs.*), runs AS (INSERT INTO job_runs (job_id, attempt, worker_id, lease_token, started_at) SELECT id, attempts, 'pgbench', lease_token, 1 FROM claimed) SELECT \(jobColumns), pg_current_xact_id_if_assigned()::text FROM claimed;
        COMMIT;
        BEGIN;
        WITH input AS (SELECT * FROM jsonb_to_recordset(('[{"id":' || :jid || ',"token":"tok.' || :jid || '","state":"succeeded"}]')::jsonb) AS i(id bigint, token text, state text, error text, pr_url text, result text)), done AS (UPDATE jobs SET state = i.state, lease_owner = NULL, lease_token = NULL, lease_until = NULL, cancel_requested = false, last_error = i.error, pr_url = COALESCE(i.pr_url, jobs.pr_url), result = COALESCE(i.result, jobs.result), finished_at = 2, updated_at = 2 FROM input i WHERE jobs.id = i.id AND jobs.lease_token = i.token AND jobs.state = 'running' RETURNING jobs.id, i.token, i.state, i.error), runs AS (UPDATE job_runs SET finished_at = 2, outcome = done.state, error = done.error FROM done WHERE job_runs.lease_token = done.token) SELECT id, pg_current_xact_id_if_assigned()::text FROM done;
        COMMIT;
        """

    static let jobColumns = """
        id, kind, state, repo, dedupe_key, payload, priority, run_at, attempts, max_attempts, lease_owner, lease_token, \
        lease_until, cancel_requested, last_error, pr_url, result, created_at, updated_at, finished_at
        """

    static func tps(_ output: String) -> Double? {
        for line in output.split(separator: "\n") where line.hasPrefix("tps = ") {
            return Double(line.dropFirst("tps = ".count).prefix { $0.isNumber || $0 == "." })
        }
        return nil
    }
}
