import App
import ArgumentParser
import AutofixCLI
import Foundation
import WorkerAssembly

/// `autofix worker`: the daemon that leases and runs jobs.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run the worker daemon: lease jobs, run them, drain on SIGTERM/SIGINT.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Jobs run at once (default: worker.concurrency, 4).") var concurrency: Int?
    @OptionGroup var logging: LogFormatOption
    @Flag(name: .customLong("exit-when-idle"), help: "Exit once nothing is claimable and nothing runs.") var exitWhenIdle = false

    func run() async throws {
        var app = try global.makeApp()
        var configuration = app.configuration
        if let concurrency {
            guard (1...256).contains(concurrency) else { throw UsageError(message: "--concurrency must be from 1 to 256") }
            configuration.worker.concurrency = concurrency
        }
        try logging.apply(to: &configuration)
        if exitWhenIdle { configuration.worker.exitWhenIdle = true }
        app = AutofixApp(configuration: configuration, environment: app.environment)
        let logger = app.makeLogger()
        let registry = try app.makeNetworkedRegistry { logger.warning("\($0)") }
        try await app.runWorker(logger: logger, registry: registry, periodic: app.periodicJobs(for: registry))
    }
}
