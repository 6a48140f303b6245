import ArgumentParser
import AutofixCLI

/// `autofix worker …` runs in `autofix-net`: the pipeline talks to GitHub and the model through URLSession.
struct WorkerPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run the worker daemon: lease jobs, run them, drain on SIGTERM/SIGINT.",
        discussion: "Runs `autofix-net worker` (see `autofix-net worker --help`).")

    @Argument(parsing: .allUnrecognized, help: "[--concurrency N] [--exit-when-idle] [--log-format text|json]")
    var arguments: [String] = []

    func run() throws {
        try NetworkedCommand.exec(["worker"] + arguments)
    }
}

/// `autofix demo` runs in `autofix-net` (it serves the GitHub emulator and the scripted model).
struct DemoPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline against a local GitHub emulator and scripted model; print the draft PR.",
        discussion: "Runs `autofix-demo` (built by `swift build`, not installed: it links the emulators).")

    @Argument(parsing: .allUnrecognized, help: "[--dir DIR]")
    var arguments: [String] = []

    func run() throws {
        try NetworkedCommand.exec(["demo"] + arguments, binary: "autofix-demo")
    }
}

/// `autofix eval` runs in `autofix-demo` as well: it serves each case's repository through the GitHub emulator.
struct EvalPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure fix quality on evals/: each case through the real pipeline, the fix judged by hidden tests.",
        discussion: "Runs `autofix-demo eval` (see `autofix-demo eval --help`).")

    @Argument(parsing: .allUnrecognized, help: "[FILE] [--only NAME…] [--runs N] [--model oracle|scripted:FILE|config] [--json] [--baseline FILE]")
    var arguments: [String] = []

    func run() throws {
        try NetworkedCommand.exec(["eval"] + arguments, binary: "autofix-demo")
    }
}
