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

    /// Runs `command` in a fresh tree under the sandbox: a plain directory, or with `overlay` an upper
    /// layer over a lower one holding `lower.txt` and `build/out.txt` (how the pipeline runs tests when the host allows).
    public func run(
        _ command: String, timeout: Duration = .seconds(60), overlay: Bool = false, _ change: (inout SandboxConfiguration) -> Void = { _ in }
    ) async throws -> TestSandbox.Run {
        let scratch = "\(dir)/job-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: "\(scratch)/src", withIntermediateDirectories: true)
        guard overlay else { return try await sandbox(change).run(command, tree: "\(scratch)/src", scratch: scratch, timeout: timeout) }
        let mount = overlayMount(scratch)
        try FileManager.default.createDirectory(atPath: mount.lower, withIntermediateDirectories: true)
        try Data("from the lower layer\n".utf8).write(to: URL(fileURLWithPath: "\(mount.lower)/lower.txt"))
        try FileManager.default.createDirectory(atPath: "\(mount.lower)/build", withIntermediateDirectories: true)
        try Data("built before\n".utf8).write(to: URL(fileURLWithPath: "\(mount.lower)/build/out.txt"))
        return try await sandbox(change).run(command, tree: mount.merged, scratch: scratch, overlay: mount, timeout: timeout)
    }

    /// The layers `run(overlay: true)` uses under `scratch`.
    public func overlayMount(_ scratch: String) -> OverlayMount { OverlayMount(lower: "\(scratch)/lower", scratch: scratch) }

    /// The tree kinds the sandbox's guarantees are checked on.
    public static let treeKinds = [false, true]
}
