import App
import Foundation
import Queue
import TestSupport
import Testing

/// A temporary directory with a database, the environment a test's `autofix` processes share, and the store to inspect.
struct ProcessTestEnvironment {
    let directory: URL
    let database: String
    var environment: [String: String]

    /// Fast timings so crash recovery and drains happen within a test's patience. `store` picks the queue:
    /// a SQLite file in the directory, or a fresh schema on the test PostgreSQL server.
    init(store: StoreKind = .sqlite, extra: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch store {
        case .sqlite: database = directory.appendingPathComponent("autofix.sqlite").path
        case .postgres: database = try PostgresTestServer.freshSchema()
        }
        var env = WorkerTestEnvironment.fast(database: database)
        env["AUTOFIX_DIAGNOSTIC_KINDS"] = "1"
        env["AUTOFIX_WORKER_PER_REPO_LIMIT"] = "0"
        env.merge(extra) { $1 }
        environment = env
    }

    var recordLog: String { directory.appendingPathComponent("executions.log").path }

    /// Runs `body` with the store, opened the way `main` opens it for operator commands.
    func withStore<T>(_ body: (any JobStore) async throws -> T) async throws -> T {
        let configuration = try ConfigurationLoader(environment: environment).load(file: nil)
        return try await AutofixApp(configuration: configuration, environment: environment).withStore(.intake, body)
    }

    func recordPayload(holdMs: Int) -> String {
        #"{"log":"\#(recordLog)","hold_ms":\#(holdMs)}"#
    }

    /// Lines of the `diag.record` log as (event, job id).
    func executions() -> [(event: String, job: Int64)] {
        let text = (try? String(contentsOfFile: recordLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let id = Int64(parts[1]) else { return nil }
            return (String(parts[0]), id)
        }
    }

    func spawn(_ arguments: [String], extra: [String: String] = [:]) throws -> AutofixProcess {
        try AutofixProcess(arguments, environment: environment.merging(extra) { $1 }, directory: directory)
    }

    func run(_ arguments: [String], stdin: Data? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await AutofixProcess.run(arguments, environment: environment, directory: directory, stdin: stdin)
    }

    /// Everything the store knows, as text: equal fingerprints mean an unchanged database.
    func fingerprint() async throws -> String {
        try await withStore { store in
            var lines: [String] = []
            for job in try await store.jobs(JobFilter(limit: 1_000_000)) {
                lines.append("\(job)")
                for run in try await store.runs(jobID: job.id) { lines.append("  \(run)") }
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// The queue stores a process test runs against: SQLite always, PostgreSQL when a test server is there.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var available: [StoreKind] { PostgresTestServer.isAvailable ? [.sqlite, .postgres] : [.sqlite] }
    var testDescription: String { rawValue }
}
