import ArgumentParser
import AutofixCLI

/// `autofix-demo`: the pipeline against the emulators (`demo`, `eval`). A binary of its own, so the
/// shipped ones (`autofix`, `autofix-net`) link no test double.
struct AutofixDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autofix", abstract: "ci-autofix against local emulators.", subcommands: [DemoCommand.self, EvalCommand.self])
}

@main
enum Main {
    static func main() async {
        await CommandRunner.run(AutofixDemo.self)
    }
}
