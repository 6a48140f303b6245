import ArgumentParser
import AutofixCLI

/// `autofix-demo`: the pipeline against the emulators. A binary of its own, so the shipped ones
/// (`autofix`, `autofix-net`) link no test double.
@main
enum Main {
    static func main() async {
        await CommandRunner.run(DemoCommand.self)
    }
}
