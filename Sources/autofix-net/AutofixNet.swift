import ArgumentParser
import AutofixCLI

/// `autofix-net`: the commands that talk HTTP through URLSession (libcurl), kept out of `autofix`'s start-up.
struct AutofixNet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autofix",
        abstract: "ci-autofix commands that use the network (run through `autofix`).",
        subcommands: [DispatchCommand.self, ServeCommand.self, WorkerCommand.self, DoctorCommand.self])
}

@main
enum Main {
    static func main() async {
        await CommandRunner.run(AutofixNet.self)
    }
}
