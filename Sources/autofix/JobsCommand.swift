import App
import ArgumentParser
import AutofixCLI
import Queue

/// `autofix jobs`: lists jobs, newest first.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List jobs, newest first.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only jobs in this state (\(JobState.allCases.map(\.rawValue).joined(separator: ", "))).") var state: String?
    @Option(help: "Only jobs of this repository (OWNER/NAME).") var repo: String?
    @Option(help: "At most this many jobs (default 50).") var limit: Int = 50
    @Flag(help: "Print a JSON array of jobs.") var json = false

    func run() async throws {
        var filter = JobFilter(repo: repo, limit: limit)
        if let state {
            guard let parsed = JobState(rawValue: state) else {
                throw UsageError(message: "unknown state \"\(state)\": expected one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.state = parsed
        }
        guard (1...100_000).contains(limit) else { throw UsageError(message: "--limit must be from 1 to 100000") }
        let app = try global.makeApp()
        let jobs = try await global.withExistingStore(app) { try await $0.jobs(filter) }
        printLine(json ? JobJSON.text(jobs.map(JobJSON.object)) : JobPresenter.table(jobs))
    }
}
