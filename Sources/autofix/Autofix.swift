import App
import ArgumentParser
import AutofixCLI
import Foundation

/// `autofix`: turns failing CI runs into draft pull requests.
struct Autofix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autofix",
        abstract: "Turn failing CI runs into draft pull requests with minimal, validated fixes.",
        subcommands: [
            EnqueueCommand.self, WorkerPassthrough.self, ServePassthrough.self, DoctorPassthrough.self, JobsCommand.self, ShowCommand.self, RetryCommand.self,
            CancelCommand.self, PauseCommand.self, ResumeCommand.self, PruneCommand.self, StatsCommand.self,
            MetricsCommand.self, MigrateCommand.self, MigrateStoreCommand.self, NetworkedCommand.self, DemoPassthrough.self, ExtractCommand.self,
            EvalExtractCommand.self, TrainScorerCommand.self, EvalPassthrough.self, OutcomesCommand.self,
        ])
}

@main
enum Main {
    static func main() async {
        if let fast = EnqueueFastPath.parse(Array(CommandLine.arguments.dropFirst())) {
            do {
                try await EnqueueFastPath.run(fast)
                return
            } catch {
                CommandFailure.exit(with: error, command: Autofix.self)
            }
        }
        await CommandRunner.run(Autofix.self)
    }
}
