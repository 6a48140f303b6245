import App
import Foundation
import Queue

/// `make bench`: the queue's figures, each beside a baseline measured in the same run.
@main
struct Bench {
    static func main() async {
        do {
            // `autofix-bench generate-log PATH MB`: the generated log alone, for profiling.
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "generate-log", arguments.count == 3, let megabytes = Int(arguments[2]) {
                try LogGenerator().write(to: arguments[1], megabytes: megabytes)
                return
            }
            let options = try BenchOptions(arguments)
            let report = try await Bench(options: options).run()
            print(options.json ? report.json() : report.text())
        } catch {
            FileHandle.standardError.write(Data("autofix-bench: error: \(error)\n".utf8))
            exit(1)
        }
    }

    let options: BenchOptions
    let directory: URL

    init(options: BenchOptions) throws {
        self.options = options
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func run() async throws -> BenchReport {
        defer { try? FileManager.default.removeItem(at: directory) }
        var report = BenchReport()
        func wanted(_ group: String) -> Bool { options.only == nil || options.only == group }
        if wanted("queue") {
            report.rows.append(try await enqueuePerProcess())
            report.rows.append(try await enqueueInProcess())
            for workers in [1, 4, 8] {
                report.rows.append(try await claimComplete(workers: workers))
            }
        }
        if wanted("postgres") {
            guard let server = options.postgres else {
                throw BenchError("no PostgreSQL server for the (g)-(j) figures: make bench starts one (AUTOFIX_BENCH_POSTGRES=URL to use another)")
            }
            report.rows += try await PostgresBench(options: options, directory: directory, server: server).run()
        }
        if wanted("http") { report.rows.append(try await HTTPBench(options: options, directory: directory).run()) }
        if wanted("extract") { report.rows += try ExtractionBench(options: options, directory: directory).run() }
        if wanted("pipeline") { report.rows += try await PipelineBench(directory: directory, jobs: options.pipelineJobs).run() }
        if wanted("repo") { report.rows += try await RepositorySizeBench(directory: directory, sizes: options.repositoryFiles).run() }
        return report
    }

    func database(_ name: String) async throws -> String {
        let path = directory.appendingPathComponent("\(name).sqlite").path
        _ = try await app(path).openEmbeddedStore(.intake)
        return path
    }

    func app(_ database: String, workers: Int = 1) -> AutofixApp {
        var configuration = AutofixConfiguration(database: database)
        configuration.worker.concurrency = workers
        configuration.worker.exitWhenIdle = true
        configuration.worker.pollInterval = .milliseconds(5)
        configuration.worker.perRepositoryLimit = 0
        configuration.logLevel = "error"
        return AutofixApp(configuration: configuration, environment: [:])
    }

    /// (a) One `autofix enqueue` process per job, next to one `sqlite3 DB "INSERT …"` process per row.
    func enqueuePerProcess() async throws -> BenchRow {
        let ours = try await database("cli")
        let theirs = try await database("cli-baseline")
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        var autofixTimes: [Double] = []
        var sqliteTimes: [Double] = []
        for i in 1...options.invocations {
            autofixTimes.append(
                try ProcessTimer.time(
                    options.autofix,
                    [
                        "enqueue", "--database", ours, "--repo", "bench/cli", "--run-id", "\(i)",
                    ], environment: environment))
            sqliteTimes.append(
                try ProcessTimer.time(
                    options.sqlite3,
                    [
                        theirs,
                        """
                        INSERT INTO jobs (kind, state, repo, dedupe_key, payload, priority, run_at, max_attempts, created_at, updated_at) \
                        VALUES ('autofix', 'queued', 'bench/cli', 'bench/cli#\(i)#1', '{"repo":"bench/cli"}', 0, 0, 5, 0, 0)
                        """,
                    ], environment: environment))
        }
        let a = ProcessTimer.median(autofixTimes) * 1000
        let b = ProcessTimer.median(sqliteTimes) * 1000
        return BenchRow(
            id: "enqueue_process_ms", title: "(a) enqueue, one process per job (median of \(options.invocations))",
            ours: a, baseline: b, unit: "ms", baselineName: "sqlite3 CLI INSERT", ratio: a / b, target: "≤ 2.0× baseline",
            pass: a <= 2 * b)
    }

    /// (b) Durable (synchronous=FULL) enqueues in one process, next to the same inserts through raw libsqlite3.
    func enqueueInProcess() async throws -> BenchRow {
        var best = (ours: 0.0, raw: 0.0)
        for round in 0..<2 {
            let rawPath = try await database("raw-insert-\(round)")
            let raw = try RawSQLite(path: rawPath, synchronous: "FULL")
            let rawStart = ContinuousClock.now
            try raw.insertLoop(count: options.inserts)
            best.raw = max(best.raw, Double(options.inserts) / (ContinuousClock.now - rawStart).seconds)

            let store = try await app(try await database("store-insert-\(round)")).openEmbeddedStore(.intake)
            let start = ContinuousClock.now
            for i in 0..<options.inserts {
                _ = try await store.enqueue(
                    NewJob(
                        kind: "autofix", repo: "bench/store", dedupeKey: "bench/store#\(i)#1", payload: #"{"repo":"bench/store"}"#))
            }
            best.ours = max(best.ours, Double(options.inserts) / (ContinuousClock.now - start).seconds)
        }
        return BenchRow(
            id: "enqueue_in_process_per_s", title: "(b) durable enqueue in process (\(options.inserts) jobs, FULL)",
            ours: best.ours, baseline: best.raw, unit: "jobs/s", baselineName: "raw libsqlite3 insert loop",
            ratio: best.ours / best.raw, target: "≥ 0.5× baseline", pass: best.ours >= 0.5 * best.raw)
    }

    /// (c) Claim + complete of no-op jobs through the real worker wiring, next to a raw claim/complete loop.
    func claimComplete(workers: Int) async throws -> BenchRow {
        let jobs = options.jobs
        let rawPath = try await database("raw-claim-\(workers)")
        let raw = try RawSQLite(path: rawPath, synchronous: "NORMAL")
        try raw.exec(Self.bulkNoop(jobs))
        let rawStart = ContinuousClock.now
        let rawDone = try raw.claimCompleteLoop()
        let rawRate = Double(rawDone) / (ContinuousClock.now - rawStart).seconds

        let path = try await database("pool-\(workers)")
        try RawSQLite(path: path, synchronous: "NORMAL").exec(Self.bulkNoop(jobs))
        let app = app(path, workers: workers)
        let start = ContinuousClock.now
        try await app.runWorker(logger: app.makeLogger())
        let rate = Double(jobs) / (ContinuousClock.now - start).seconds
        let stats = try await app.openEmbeddedStore(.intake).stats(window: .seconds(86_400))
        guard stats.countsByState[.succeeded] == jobs else { throw BenchError("pool finished \(stats.countsByState[.succeeded] ?? 0) of \(jobs) jobs") }
        return BenchRow(
            id: "claim_complete_\(workers)_workers_per_s", title: "(c) claim+complete, no-op kind, \(workers) worker\(workers == 1 ? "" : "s") (\(jobs) jobs)",
            ours: rate, baseline: rawRate, unit: "jobs/s", baselineName: "raw libsqlite3 claim/complete loop",
            ratio: rate / rawRate, target: workers == 8 ? "≥ 0.5× baseline" : "-", pass: workers == 8 ? rate >= 0.5 * rawRate : nil)
    }

    static func bulkNoop(_ count: Int) -> String {
        """
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
        INSERT INTO jobs (kind, state, payload, priority, run_at, max_attempts, created_at, updated_at)
        SELECT 'noop', 'queued', '{}', 0, 0, 5, 0, 0 FROM n;
        COMMIT;
        """
    }
}
