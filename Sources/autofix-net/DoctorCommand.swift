import App
import ArgumentParser
import AutofixCLI
import Foundation
import WorkerAssembly

/// `autofix doctor`: checks the configuration against the live services it names.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the deployment: database, sandbox, git, GitHub (read, pull requests, push) and the model.",
        discussion: "Each check prints one line: ok, or FAIL with what to change. Exits 1 when a check fails.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "A repository (OWNER/NAME) to check GitHub access against.") var repo: String?

    func run() async throws {
        let app = try global.makeApp()
        let checks = await Doctor(app: app).run(repo: repo)
        for check in checks { printLine(check.line) }
        if checks.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }
}
