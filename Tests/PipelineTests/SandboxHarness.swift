import AutofixSettings
import Foundation
import Patching

/// The test sandbox as the worker builds it (toolchains from PYENV_ROOT), over a fresh tree per run.
struct SandboxHarness {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-sandbox-\(UUID().uuidString.prefix(8))").path

    func sandbox(_ change: (inout SandboxConfiguration) -> Void = { _ in }) -> TestSandbox {
        var configuration = SandboxConfiguration()
        configuration.toolchainPaths = ProcessInfo.processInfo.environment["PYENV_ROOT"].map { [$0] } ?? []
        change(&configuration)
        return TestSandbox(configuration: configuration)
    }

    /// Runs `command` in a fresh tree under the sandbox.
    func run(_ command: String, timeout: Duration = .seconds(60), _ change: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> TestSandbox.Run {
        let scratch = "\(dir)/job-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: "\(scratch)/src", withIntermediateDirectories: true)
        return try await sandbox(change).run(command, tree: "\(scratch)/src", scratch: scratch, timeout: timeout)
    }
}
