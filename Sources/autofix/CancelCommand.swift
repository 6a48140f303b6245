import App
import ArgumentParser
import AutofixCLI
import Queue

/// `autofix cancel ID`: cancels a queued job at once, a running one at its next heartbeat.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a job: a queued one at once, a running one at its next heartbeat.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Job id.") var id: String

    func run() async throws {
        let jobID = try parseJobID(id)
        let app = try global.makeApp()
        switch try await global.withExistingStore(app) { try await $0.cancel(id: jobID) } {
        case .cancelled: printLine("job \(jobID) cancelled")
        case .requested: printLine("job \(jobID) is running; its worker will stop it at the next heartbeat")
        }
    }
}
