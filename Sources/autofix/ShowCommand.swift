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
        let (job, runs, outcomes) = try await global.withExistingStore(app) { store in
            guard let job = try await store.job(id: jobID) else { throw QueueError.jobNotFound(jobID) }
            return (job, try await store.runs(jobID: jobID), try await store.fixOutcomes(FixOutcomeFilter(jobID: jobID)))
        }
        if json {
            var detail = JobJSON.detail(job, runs: runs)
            detail["fix_outcomes"] = outcomes.map(OutcomePresenter.object)
            printLine(JobJSON.text(detail))
        } else {
            printLine(JobPresenter.detail(job, runs: runs))
            if !outcomes.isEmpty {
                printLine(
                    "fix outcome:\n" + OutcomePresenter.text(outcomes).split(separator: "\n").prefix(outcomes.count).map { "  \($0)" }.joined(separator: "\n"))
            }
        }
    }
}
