import ArgumentParser
import AutofixCLI
import Foundation

/// `autofix serve …` runs in `autofix-net` (Hummingbird and NIO stay out of `autofix`'s start-up).
struct ServePassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP intake (POST /v1/dispatch, /v1/jobs, /webhooks/github), the jobs API and /metrics.",
        discussion: "Runs `autofix-net serve` (see `autofix-net serve --help`).")

    @Argument(parsing: .allUnrecognized, help: "[--host H] [--port P] [--log-format text|json]")
    var arguments: [String] = []

    func run() throws {
        try NetworkedCommand.exec(["serve"] + arguments)
    }
}

/// `autofix doctor …` runs in `autofix-net` (it talks to GitHub and the model).
struct DoctorPassthrough: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the deployment: database, sandbox, git, GitHub (read, pull requests, push) and the model.",
        discussion: "Runs `autofix-net doctor` (see `autofix-net doctor --help`).")

    @Argument(parsing: .allUnrecognized, help: "[--repo OWNER/NAME] [--config FILE]")
    var arguments: [String] = []

    func run() throws {
        try NetworkedCommand.exec(["doctor"] + arguments)
    }
}

/// `autofix dispatch …` runs in `autofix-net`, the sibling binary that links URLSession (libcurl).
/// The process image is replaced, so the pid, signals and exit code are the caller's.
struct NetworkedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Send a repository_dispatch event to GitHub, for teams that keep a workflow as the trigger.",
        discussion: "Runs `autofix-net dispatch` (see `autofix-net dispatch --help`).")

    @Argument(parsing: .allUnrecognized, help: "--repo OWNER/NAME --event-type T [--payload JSON]")
    var arguments: [String] = []

    func run() throws {
        try Self.exec(["dispatch"] + arguments)
    }

    static func exec(_ arguments: [String], binary name: String = "autofix-net") throws -> Never {
        let binary = companion(name)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        execv(binary, argv)
        throw UsageError(message: "cannot run \(binary): \(String(cString: strerror(errno))) (install it beside autofix: make install)")
    }

    /// `$AUTOFIX_NET_BIN` (for `autofix-net`), else the binary of that name in the directory of the running executable.
    static func companion(_ name: String = "autofix-net") -> String {
        if name == "autofix-net", let path = ProcessInfo.processInfo.environment["AUTOFIX_NET_BIN"] { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
