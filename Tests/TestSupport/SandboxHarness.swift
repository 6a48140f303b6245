import FeatureConfiguration
import Foundation
import Patching

/// The test sandbox as the worker builds it (toolchains from the environment), over a fresh tree per run.
public struct SandboxHarness {
    public init() {}

    public let dir = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-sandbox-\(UUID().uuidString.prefix(8))").path

    public func sandbox(_ change: (inout SandboxConfiguration) -> Void = { _ in }) -> TestSandbox {
        var configuration = SandboxConfiguration()
        configuration.toolchainPaths = SandboxConfiguration.toolchainPaths(environment: ProcessInfo.processInfo.environment)
        change(&configuration)
        return TestSandbox(configuration: configuration)
    }

    /// Runs `command` in a fresh tree under the sandbox.
    public func run(_ command: String, timeout: Duration = .seconds(60), _ change: (inout SandboxConfiguration) -> Void = { _ in }) async throws
        -> TestSandbox.Run
    {
        let scratch = "\(dir)/job-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: "\(scratch)/src", withIntermediateDirectories: true)
        return try await sandbox(change).run(command, tree: "\(scratch)/src", scratch: scratch, timeout: timeout)
    }
}
