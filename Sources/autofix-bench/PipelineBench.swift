import App
import ChildProcess
import Emulators
import Foundation
import Intake
import Queue
import WorkerAssembly

/// (e) The pipeline's own overhead per job: GitHub emulated, a zero-latency scripted model, no test
/// command; next to the same git work done by a plain shell script (clone, apply, commit, push).
struct PipelineBench {
    let directory: URL
    let jobs: Int
    let repositories = 8

    static let files = [
        "app/calc.py": "def add(a, b):\n    return a - b\n\n\ndef double(a):\n    return a * 2\n",
        "tests/test_calc.py": "from app.calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n",
    ]
    static let reply = """
        `add` subtracts; it must add.

        ```diff
        --- a/app/calc.py
        +++ b/app/calc.py
        @@ -1,2 +1,3 @@
         def add(a, b):
        -    return a - b
        +    # the sum adds its operands
        +    return a + b
        ```
        """
    static let log = """
        ##[group]Run python -m pytest -q
        F.                                                                       [100%]
        =================================== FAILURES ===================================
        ___________________________________ test_add ___________________________________
            def test_add():
        >       assert add(2, 3) == 5
        E       assert -1 == 5
        E        +  where -1 = add(2, 3)

        tests/test_calc.py:5: AssertionError
        =========================== short test summary info ============================
        FAILED tests/test_calc.py::test_add - assert -1 == 5
        1 failed, 1 passed in 0.03s
        ##[error]Process completed with exit code 1.

        """

    func run() async throws -> [BenchRow] {
        let root = directory.appendingPathComponent("pipeline").path
        let runner = ProcessRunner()
        let token = "ghp_bench" + String(repeating: "0", count: 31)
        let github = GitHubEmulator(tokens: [token])
        var shas: [String: String] = [:]
        for index in 0..<repositories {
            let repo = "bench/r\(index)"
            let bare = "\(root)/remote/\(repo).git"
            let scratch = "\(root)/scratch/\(repo)"
            try FileManager.default.createDirectory(atPath: bare, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            try await check(runner.run(["git", "init", "-q", "--bare", "--initial-branch=main", bare]))
            try await check(runner.run(["git", "init", "-q", "--initial-branch=main", scratch]))
            for (path, text) in Self.files {
                let url = URL(fileURLWithPath: "\(scratch)/\(path)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try await check(runner.run(["git", "add", "-A"], directory: scratch))
            try await check(runner.run(["git", "-c", "user.name=b", "-c", "user.email=b@example.com", "commit", "-qm", "init"], directory: scratch))
            try await check(runner.run(["git", "push", "-q", bare, "HEAD:refs/heads/main"], directory: scratch))
            shas[repo] = try await runner.run(["git", "rev-parse", "HEAD"], directory: scratch).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            github.addRepository(repo, bare: bare)
        }
        let llm = ScriptedLLMServer(fallback: { _ in .reply(Self.reply) })
        let shaTable = shas
        return try await github.run { api in
            try await llm.run { llmURL in
                var rows: [BenchRow] = []
                let baseline = try await shellBaseline(root: root)
                let concurrentBaseline = try await concurrentShellBaseline(root: root, scripts: 4)
                let single = try await drain(workers: 1, api: api, llm: llmURL, token: token, root: root, shas: shaTable, github: github, round: 0)
                let pool = try await drain(workers: 4, api: api, llm: llmURL, token: token, root: root, shas: shaTable, github: github, round: 1)
                rows.append(
                    BenchRow(
                        id: "pipeline_ms_per_job",
                        title: "(e) pipeline overhead per job, 1 worker (median of \(jobs); emulated GitHub, zero-latency model, no test command)",
                        ours: single.median, baseline: baseline, unit: "ms", baselineName: "shell git clone+apply+commit+push",
                        ratio: single.median / baseline, target: "-", pass: nil))
                rows.append(
                    BenchRow(
                        id: "pipeline_jobs_per_minute_4_workers", title: "(e) pipeline throughput, 4 workers (\(jobs) jobs over \(repositories) repositories)",
                        ours: pool.perMinute, baseline: concurrentBaseline, unit: "jobs/min", baselineName: "4 shell scripts at once",
                        ratio: pool.perMinute / concurrentBaseline, target: "-", pass: nil))
                return rows
            }
        }
    }

    /// A worker that drains its queue and exits, against the emulated GitHub (remotes under `root/remote`) and
    /// the scripted model.
    static func configuration(database: String, work: String, root: String, api: URL, llm: URL, token: String) -> AutofixConfiguration {
        var configuration = AutofixConfiguration(database: database)
        configuration.worker.exitWhenIdle = true
        configuration.worker.pollInterval = .milliseconds(5)
        configuration.logLevel = "error"
        configuration.github.apiURL = api
        configuration.github.token = token
        configuration.github.gitURL = "\(root)/remote/{repo}.git"
        configuration.llm.baseURL = llm.appendingPathComponent("v1")
        configuration.llm.apiKey = "sk-bench"
        configuration.pipeline.maxOpenPulls = 100_000
        configuration.pipeline.workDirectory = work
        return configuration
    }

    /// Runs `jobs` autofix jobs through the real worker wiring; returns the median job time and the rate.
    func drain(workers: Int, api: URL, llm: URL, token: String, root: String, shas: [String: String], github: GitHubEmulator, round: Int) async throws -> (
        median: Double, perMinute: Double
    ) {
        var configuration = Self.configuration(
            database: "\(root)/pipeline-\(workers).sqlite", work: "\(root)/work-\(workers)", root: root, api: api, llm: llm, token: token)
        configuration.worker.concurrency = workers
        let app = AutofixApp(configuration: configuration, environment: [:])
        let store = try await app.openEmbeddedStore(.intake)
        var runID: UInt64 = UInt64(round * 1_000_000)
        var batch: [NewJob] = []
        for index in 0..<jobs {
            runID += 1
            let repo = "bench/r\(index % repositories)"
            github.addRun(
                EmulatedRun(
                    id: runID, repo: repo, headSHA: shas[repo]!, headBranch: "main",
                    jobs: [.init(id: Int64(runID), name: "test", conclusion: "failure", log: Self.log)]))
            batch.append(try CIFailure(repo: repo, runID: runID, headSHA: shas[repo], branch: "main").newJob())
        }
        _ = try await store.enqueue(batch)
        let start = ContinuousClock.now
        try await app.runWorker(logger: app.makeLogger(), registry: try app.makeNetworkedRegistry())
        let elapsed = (ContinuousClock.now - start).seconds
        let finished = try await store.jobs(JobFilter(limit: jobs + 10))
        guard finished.allSatisfy({ $0.state == .succeeded }) else {
            throw BenchError(
                "pipeline bench: \(finished.filter { $0.state != .succeeded }.count) jobs did not succeed: \(finished.first { $0.state != .succeeded }?.lastError ?? "")"
            )
        }
        var times: [Double] = []
        for job in finished {
            for run in try await store.runs(jobID: job.id) {
                if let end = run.finishedAt { times.append(end.timeIntervalSince(run.startedAt) * 1000) }
            }
        }
        return (ProcessTimer.median(times), Double(jobs) / elapsed * 60)
    }

    /// The git work of one job as a shell script would do it, median over a few runs.
    func shellBaseline(root: String) async throws -> Double {
        let patch = "\(root)/baseline.patch"
        // What `git diff` would have written for the same change (git needs context on both sides).
        let gitPatch =
            "--- a/app/calc.py\n+++ b/app/calc.py\n@@ -1,5 +1,6 @@\n def add(a, b):\n-    return a - b\n+    # the sum adds its operands\n+    return a + b\n \n \n def double(a):\n"
        try Data(gitPatch.utf8).write(to: URL(fileURLWithPath: patch))
        var times: [Double] = []
        for index in 0..<min(jobs, 10) {
            let work = "\(root)/baseline-\(index)"
            let script = """
                set -e
                git clone -q \(root)/remote/bench/r0.git \(work)
                cd \(work)
                git apply \(patch)
                git -c user.name=b -c user.email=b@example.com commit -qam fix
                git push -q origin HEAD:refs/heads/baseline-\(index)
                """
            let started = ContinuousClock.now
            try check(try await ProcessRunner().run(["sh", "-c", script]))
            times.append((ContinuousClock.now - started).seconds * 1000)
        }
        return ProcessTimer.median(times)
    }

    /// The same git work by `scripts` shell loops running at once, one per worker, over the bench's
    /// repositories: jobs per minute, measured (the machine's cores and git's own locking decide, not 4 × one).
    func concurrentShellBaseline(root: String, scripts: Int) async throws -> Double {
        let patch = "\(root)/baseline.patch"
        let perScript = max(1, min(jobs, 40) / scripts)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: ProcessResult.self) { group in
            for script in 0..<scripts {
                let body = """
                    set -e
                    for i in $(seq 1 \(perScript)); do
                      work=\(root)/concurrent-\(script)-$i
                      git clone -q \(root)/remote/bench/r\(script % repositories).git "$work"
                      cd "$work"
                      git apply \(patch)
                      git -c user.name=b -c user.email=b@example.com commit -qam fix
                      git push -q origin HEAD:refs/heads/concurrent-\(script)-$i
                      cd \(root)
                    done
                    """
                group.addTask { try await ProcessRunner().run(["sh", "-c", body], timeout: .seconds(600)) }
            }
            for try await result in group { try check(result) }
        }
        return Double(perScript * scripts) / (ContinuousClock.now - started).seconds * 60
    }
}
