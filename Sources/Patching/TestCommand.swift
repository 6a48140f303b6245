import Foundation
import Subprocess

/// Runs the repository's test command in a worktree: a deadline, no credentials in its environment,
/// and no network where the host lets us take it away (bubblewrap, else an unprivileged namespace).
public struct TestCommand: Sendable {
    public var command: String
    public var timeout: Duration
    /// Names copied from our environment; everything else (tokens, keys) stays out.
    public var passEnvironment: [String]

    public init(command: String, timeout: Duration = .seconds(600), passEnvironment: [String] = ["PATH", "LANG", "LC_ALL", "TERM", "PYENV_ROOT", "PYENV_VERSION", "GOPATH", "GOROOT", "CARGO_HOME", "RUSTUP_HOME", "JAVA_HOME"]) {
        self.command = command
        self.timeout = timeout
        self.passEnvironment = passEnvironment
    }

    /// The outcome, and which sandbox ran it (`bwrap`, `unshare` or `none`).
    public func run(in worktree: String) async throws -> (ProcessResult, sandbox: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("autofix-test-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let current = ProcessInfo.processInfo.environment
        var environment = ["HOME": home, "CI": "true", "AUTOFIX_VALIDATION": "1"]
        for name in passEnvironment { environment[name] = current[name] }
        let sandbox = await Self.sandbox()
        let shell = ["sh", "-c", command]
        let arguments: [String] = switch sandbox {
        case "bwrap": ["bwrap", "--dev-bind", "/", "/", "--unshare-net", "--die-with-parent", "--chdir", worktree] + shell
        case "unshare": ["unshare", "--net", "--map-root-user"] + shell
        default: shell
        }
        let result = try await ProcessRunner(outputLimit: 64 << 10).run(arguments, directory: worktree, environment: environment, timeout: timeout)
        return (result, sandbox)
    }

    /// Probed once per process: a sandbox that cannot start would fail every run.
    static func sandbox() async -> String {
        await SandboxProbe.shared.value()
    }
}

/// Remembers which network sandbox works on this host.
actor SandboxProbe {
    static let shared = SandboxProbe()
    private var cached: String?

    func value() async -> String {
        if let cached { return cached }
        let runner = ProcessRunner()
        var found = "none"
        if let result = try? await runner.run(["bwrap", "--dev-bind", "/", "/", "--unshare-net", "true"], timeout: .seconds(10)), result.succeeded {
            found = "bwrap"
        } else if let result = try? await runner.run(["unshare", "--net", "--map-root-user", "true"], timeout: .seconds(10)), result.succeeded {
            found = "unshare"
        }
        cached = found
        return found
    }
}
