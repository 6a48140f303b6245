import App
import ArgumentParser
import AutofixCLI
import Queue

/// `autofix retry ID`: requeues a finished job with a fresh attempt budget.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Requeue a finished job now (checkpoints are kept), or run a waiting job now.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Job id.") var id: String

    func run() async throws {
        let jobID = try parseJobID(id)
        let app = try global.makeApp()
        let job = try await global.withExistingStore(app) { try await $0.retry(id: jobID) }
        printLine("job \(job.id) queued")
    }
}
