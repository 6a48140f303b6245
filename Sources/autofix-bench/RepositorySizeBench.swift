import App
import ChildProcess
import Emulators
import Foundation
import Intake
import Queue
import WorkerAssembly

/// (k) A job's cost as the repository grows, on a repository whose mirror an earlier job filled, each job
/// on a new commit: per-job overhead at each size without a test command (beside
/// the 10-file job), and with one over two correction rounds (beside `git worktree add` and `git archive |
/// tar -x` of the same tree); and (l) the first fetch of a repository with a long history beside a full clone.
struct RepositorySizeBench {
    let directory: URL
    let sizes: [Int]

    static let repo = "bench/big"
    /// Fails on the commit as it is and on the first (wrong) patch; passes on the second.
    static let testCommand = "grep -q 'a + b' app/calc.py"
    static let wrong = PipelineBench.reply.replacingOccurrences(of: "+    return a + b", with: "+    return a * b")

    struct Figures {
        var files: Int
        var withoutTests: Double
        var withTests: Double
        /// The next job with the test command, whose checkout is the previous job's, moved to its commit.
        var withTestsMoved: Double
        /// Milliseconds per stage of the jobs, for reading where the time goes.
        var withoutTestsStages: String
        var withTestsStages: String
        var withTestsMovedStages: String
        var worktree: Double
        var archive: Double
    }

    func run() async throws -> [BenchRow] {
        var figures: [Figures] = []
        for size in sizes.sorted() { figures.append(try await measure(size)) }
        var rows: [BenchRow] = []
        let smallest = try figures.first.map { $0.withoutTests } ?? { throw BenchError("no repository sizes") }()
        let largest = figures.last?.files
        for figure in figures {
            let judged = figure.files == largest && figure.files >= 100_000
            rows.append(
                BenchRow(
                    id: "repo_job_ms_\(figure.files)_no_tests",
                    title: "(k) job overhead at \(figure.files) files, no test command (\(figure.withoutTestsStages))",
                    ours: figure.withoutTests, baseline: smallest, unit: "ms", baselineName: "the \(sizes.min() ?? 0)-file job",
                    ratio: figure.withoutTests / smallest, target: judged ? "≤ 2×" : "-", pass: judged ? figure.withoutTests <= 2 * smallest : nil))
            rows.append(
                BenchRow(
                    id: "repo_job_ms_\(figure.files)_tests",
                    title: "(k) job at \(figure.files) files, test command, 2 correction rounds, 3 test runs (\(figure.withTestsStages))",
                    ours: figure.withTests, baseline: figure.worktree, unit: "ms", baselineName: "git worktree add",
                    ratio: figure.withTests / figure.worktree, target: judged ? "≤ 1.5×" : "-", pass: judged ? figure.withTests <= 1.5 * figure.worktree : nil))
            rows.append(
                BenchRow(
                    id: "repo_job_ms_\(figure.files)_tests_moved",
                    title: "(k) the next job at \(figure.files) files, test command, the kept checkout moved to its commit (\(figure.withTestsMovedStages))",
                    ours: figure.withTestsMoved, baseline: figure.worktree, unit: "ms", baselineName: "git worktree add",
                    ratio: figure.withTestsMoved / figure.worktree, target: judged ? "≤ 1.5×" : "-",
                    pass: judged ? figure.withTestsMoved <= 1.5 * figure.worktree : nil))
            rows.append(
                BenchRow(
                    id: "repo_archive_ms_\(figure.files)", title: "(k) the same job at \(figure.files) files beside exporting the tree",
                    ours: figure.withTests, baseline: figure.archive, unit: "ms", baselineName: "git archive | tar -x",
                    ratio: figure.withTests / figure.archive, target: "-", pass: nil))
        }
        rows.append(try await firstFetch())
        return rows
    }

    /// The figures of one repository size.
    func measure(_ files: Int) async throws -> Figures {
        let root = directory.appendingPathComponent("repo-\(files)").path
        let bare = "\(root)/remote/\(Self.repo).git"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let shape = GeneratedRepository(files: files)
        let head = try await shape.write(bare: bare, scratch: root)
        let runner = ProcessRunner()
        // The baselines, each on a tree of its own.
        try check(try await runner.run(["git", "clone", "-q", "--no-checkout", bare, "\(root)/clone"], timeout: .seconds(1800)))
        var started = ContinuousClock.now
        try check(try await runner.run(["git", "-C", "\(root)/clone", "worktree", "add", "-q", "\(root)/worktree", head], timeout: .seconds(1800)))
        let worktree = (ContinuousClock.now - started).seconds * 1000
        try FileManager.default.createDirectory(atPath: "\(root)/archive", withIntermediateDirectories: true)
        started = ContinuousClock.now
        try check(
            try await runner.run(
                ["sh", "-c", "git --git-dir \"$1\" archive \"$2\" | tar -x -C \"$3\"", "sh", bare, head, "\(root)/archive"], timeout: .seconds(1800)))
        let archive = (ContinuousClock.now - started).seconds * 1000
        for tree in ["worktree", "archive", "clone"] { try? FileManager.default.removeItem(atPath: "\(root)/\(tree)") }

        let token = "ghp_bench" + String(repeating: "0", count: 31)
        let github = GitHubEmulator(tokens: [token])
        github.addRepository(Self.repo, bare: bare)
        let llm = ScriptedLLMServer(fallback: { prompt in .reply(prompt.contains("Your patch was rejected") ? PipelineBench.reply : Self.wrong) })
        return try await github.run { api in
            try await llm.run { llmURL in
                // The first job fills the mirror; the figures are the jobs after it, each on a new commit that
                // changed a few files, as on a busy repository.
                _ = try await job(root: root, runID: 1, head: head, testCommand: nil, api: api, llm: llmURL, token: token, github: github)
                let second = try await shape.advance(bare: bare, scratch: root, version: 1)
                let withoutTests = try await job(root: root, runID: 2, head: second, testCommand: nil, api: api, llm: llmURL, token: token, github: github)
                let third = try await shape.advance(bare: bare, scratch: root, version: 2)
                let withTests = try await job(
                    root: root, runID: 3, head: third, testCommand: Self.testCommand, api: api, llm: llmURL, token: token, github: github)
                let fourth = try await shape.advance(bare: bare, scratch: root, version: 3)
                let withTestsMoved = try await job(
                    root: root, runID: 4, head: fourth, testCommand: Self.testCommand, api: api, llm: llmURL, token: token, github: github)
                try? FileManager.default.removeItem(atPath: root)
                return Figures(
                    files: files, withoutTests: withoutTests.ms, withTests: withTests.ms, withTestsMoved: withTestsMoved.ms,
                    withoutTestsStages: withoutTests.stages, withTestsStages: withTests.stages, withTestsMovedStages: withTestsMoved.stages,
                    worktree: worktree, archive: archive)
            }
        }
    }

    /// One job through the real worker wiring; its time as the run records it, and its stages'.
    func job(root: String, runID: UInt64, head: String, testCommand: String?, api: URL, llm: URL, token: String, github: GitHubEmulator) async throws
        -> (ms: Double, stages: String)
    {
        var configuration = PipelineBench.configuration(
            database: "\(root)/jobs-\(runID).sqlite", work: "\(root)/work", root: root, api: api, llm: llm, token: token)
        configuration.pipeline.testCommand = testCommand
        configuration.pipeline.sandbox.toolchainPaths = []
        let app = AutofixApp(configuration: configuration, environment: [:])
        let store = try await app.openEmbeddedStore(.intake)
        github.addRun(
            EmulatedRun(
                id: runID, repo: Self.repo, headSHA: head, headBranch: "main",
                jobs: [.init(id: Int64(runID), name: "test", conclusion: "failure", log: PipelineBench.log)]))
        _ = try await store.enqueue([try CIFailure(repo: Self.repo, runID: runID, headSHA: head, branch: "main").newJob()])
        try await app.runWorker(logger: app.makeLogger(), registry: try app.makeNetworkedRegistry())
        guard let job = try await store.jobs(JobFilter(limit: 10)).first else { throw BenchError("repository bench: job \(runID) was not stored") }
        guard job.state == .succeeded else { throw BenchError("repository bench: job \(runID) ended \(job.state): \(job.lastError ?? "")") }
        let run = try await store.runs(jobID: job.id).last
        guard let run, let end = run.finishedAt else { throw BenchError("repository bench: job \(runID) has no finished run") }
        if testCommand != nil, run.stages.first(where: { $0.stage == "validate" })?.detail?.contains("3 test runs") != true {
            throw BenchError("repository bench: expected 3 test runs, got \(run.stages.first { $0.stage == "validate" }?.detail ?? "none")")
        }
        let stages = run.stages.map { "\($0.stage) \(Int(($0.duration.seconds * 1000).rounded()))" }.joined(separator: ", ")
        return (end.timeIntervalSince(run.startedAt) * 1000, stages)
    }

    /// (l) The bytes a repository's first job downloads into its mirror, beside a full `git clone --mirror`.
    func firstFetch() async throws -> BenchRow {
        let root = directory.appendingPathComponent("repo-history").path
        let bare = "\(root)/remote/\(Self.repo).git"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let shape = GeneratedRepository(files: 2000, history: 300, churn: 40)
        let head = try await shape.write(bare: bare, scratch: root)
        try check(try await ProcessRunner().run(["git", "clone", "-q", "--mirror", "--no-local", bare, "\(root)/full.git"], timeout: .seconds(1800)))
        let token = "ghp_bench" + String(repeating: "0", count: 31)
        let github = GitHubEmulator(tokens: [token])
        github.addRepository(Self.repo, bare: bare)
        let llm = ScriptedLLMServer(fallback: { _ in .reply(PipelineBench.reply) })
        try await github.run { api in
            try await llm.run { llmURL in
                _ = try await job(root: root, runID: 1, head: head, testCommand: nil, api: api, llm: llmURL, token: token, github: github)
            }
        }
        let partial = try Self.bytes(under: "\(root)/work/mirrors/\(Self.repo).git/objects")
        let full = try Self.bytes(under: "\(root)/full.git/objects")
        try? FileManager.default.removeItem(atPath: root)
        return BenchRow(
            id: "repo_first_fetch_mb",
            title: "(l) first job's download, \(shape.files) files with \(shape.history) commits of history (\(shape.churn) files each)",
            ours: Double(partial) / 1_048_576, baseline: Double(full) / 1_048_576, unit: "MB", baselineName: "git clone --mirror",
            ratio: Double(partial) / Double(full), target: "< 1×", pass: partial < full)
    }

    static func bytes(under path: String) throws -> Int {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var total = 0
        while let name = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(path)/\(name)")
            if attributes[.type] as? FileAttributeType == .typeRegular { total += (attributes[.size] as? Int) ?? 0 }
        }
        return total
    }
}
