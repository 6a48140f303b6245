import App
import ArgumentParser
import AutofixCLI
import Foundation
import Intake
import Queue

/// `autofix enqueue`: records one failed run durably and prints its job id.
struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Record a failed workflow run as an autofix job (durable before the id is printed).",
        discussion: """
            Either give the run with options, or pipe the ci-failure payload
            {"repo","run_id","run_url","branch","sha"} with --payload -.
            Enqueueing the same repo, run id and run attempt again returns the existing job.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Repository as OWNER/NAME.") var repo: String?
    @Option(name: .customLong("run-id"), help: "The workflow run id.") var runID: String?
    @Option(name: .customLong("run-attempt"), help: "The run attempt (default 1).") var runAttempt: String?
    @Option(help: "Workflow name.") var workflow: String?
    @Option(name: .customLong("head-sha"), help: "Commit the run built.") var headSHA: String?
    @Option(help: "Branch the run built.") var branch: String?
    @Option(name: .customLong("run-url"), help: "Link to the run.") var runURL: String?
    @Option(help: "Lower runs first (-1000 to 1000, default 0).") var priority: String?
    @Option(help: "Read the ci-failure JSON payload from this file, or '-' for stdin.") var payload: String?
    @Option(help: .hidden) var kind: String?
    @Option(name: .customLong("job-payload"), help: .hidden) var jobPayload: String?
    @Flag(help: "Print the job as JSON.") var json = false

    func run() async throws {
        let app = try global.makeApp()
        if kind == nil && payload == nil {
            try await Self.enqueue(request, app: app, json: json)
            return
        }
        try await Self.store(try makeJob(maxAttempts: app.configuration.maxAttempts), app: app, json: json)
    }

    private var request: EnqueueRequest {
        EnqueueRequest(
            repo: repo, runID: runID, runAttempt: runAttempt, workflow: workflow, headSHA: headSHA,
            branch: branch, runURL: runURL, priority: priority)
    }

    /// Validates a CI failure and stores it; shared with the fast path.
    static func enqueue(_ request: EnqueueRequest, app: AutofixApp, json: Bool) async throws {
        try await store(try request.newJob(maxAttempts: app.configuration.maxAttempts), app: app, json: json)
    }

    static func store(_ newJob: NewJob, app: AutofixApp, json: Bool) async throws {
        let result = try await app.withStore(.intake) { try await $0.enqueue(newJob) }
        if json {
            var object = JobJSON.object(result.job)
            object["created"] = result.created
            printLine(JobJSON.text(object))
        } else {
            printLine("\(result.job.id)")
        }
    }

    private func makeJob(maxAttempts: Int) throws -> NewJob {
        if let kind {
            return try request.newJob(kind: kind, payload: jobPayload, maxAttempts: maxAttempts)
        }
        var request = self.request
        if let payload {
            let data: Data
            if payload == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: payload) else {
                    throw UsageError(message: "cannot read payload file \(payload)")
                }
                data = contents
            }
            request = request.filling(from: try EnqueueRequest.fromPayload(data))
        }
        return try request.newJob(maxAttempts: maxAttempts)
    }
}
