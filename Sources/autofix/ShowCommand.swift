import App
import ArgumentParser
import AutofixCLI
import Queue

/// `autofix show ID`: one job with its runs and stage timeline.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a job: state, attempts, lease, per-stage timeline, errors, PR, tokens and cost.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Job id.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let jobID = try parseJobID(id)
        let app = try global.makeApp()
        let (job, runs) = try await global.withExistingStore(app) { store in
            guard let job = try await store.job(id: jobID) else { throw QueueError.jobNotFound(jobID) }
            return (job, try await store.runs(jobID: jobID))
        }
        if json {
            printLine(JobJSON.text(JobJSON.detail(job, runs: runs)))
        } else {
            printLine(JobPresenter.detail(job, runs: runs))
        }
    }
}
