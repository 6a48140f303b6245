import ChildProcess
import FeatureConfiguration
import Foundation
import Patching
import TestSupport
import Testing

/// What repository code run as the test command can see and do: real bubblewrap, real processes.
@Suite struct TestSandboxTests {

    init() {
        // A secret in the worker's own environment: neither sandboxed nor unsandboxed tests may see it.
        setenv("AUTOFIX_SANDBOX_TEST_SECRET", "leak-me-if-you-can", 1)
    }

    let harness = SandboxHarness()
    var dir: String { harness.dir }

    func sandbox(_ change: (inout SandboxConfiguration) -> Void = { _ in }) -> TestSandbox { harness.sandbox(change) }

    func run(
        _ command: String, timeout: Duration = .seconds(60), overlay: Bool = false, _ change: (inout SandboxConfiguration) -> Void = { _ in }
    ) async throws -> TestSandbox.Run {
        try await harness.run(command, timeout: timeout, overlay: overlay, change)
    }

    /// On a plain tree and on an overlay tree alike.
    @Test(arguments: SandboxHarness.treeKinds) func filesOutsideTheTree_theStateDirectoryAndCredentials_areInvisible(overlay: Bool) async throws {
        let secret = "\(dir)/state/credentials/github-token"
        try FileManager.default.createDirectory(atPath: "\(dir)/state/credentials", withIntermediateDirectories: true)
        try Data("ghp_notvisible".utf8).write(to: URL(fileURLWithPath: secret))
        let run = try await run("cat \(secret) /etc/autofix/config.yml /etc/shadow 2>&1; ls /root /var 2>&1; echo done", overlay: overlay)
        #expect(run.isolation == "bwrap")
        #expect(!run.result.stdout.contains("ghp_notvisible"))
        #expect(run.result.stdout.contains("No such file"), "\(run.result.combinedOutput)")
    }

    /// On a plain tree and on an overlay tree alike.
    @Test(arguments: SandboxHarness.treeKinds) func theWorkersProcessesAndEnvironment_areInvisible(overlay: Bool) async throws {
        let run = try await run(
            "ls /proc | grep -c '^[0-9]'; cat /proc/*/environ 2>/dev/null | tr '\\0' '\\n' | grep -c AUTOFIX_ || true; env", overlay: overlay)
        let lines = run.result.stdout.split(separator: "\n").map(String.init)
        // Only the sandbox's own few processes exist in its PID namespace.
        #expect((Int(lines.first ?? "") ?? 99) < 10, "\(run.result.stdout)")
        #expect(!run.result.stdout.contains("leak-me-if-you-can"))
        #expect(lines.contains("HOME=/home/sandbox"))
    }

    /// On a plain tree and on an overlay tree alike.
    @Test(arguments: SandboxHarness.treeKinds) func hostLoopback_isUnreachable(overlay: Bool) async throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let run = try await run(
            "python3 -c 'import socket; s=socket.socket(); s.settimeout(3); s.connect((\"127.0.0.1\", \(listener.port))); print(\"CONNECTED\")' 2>&1 || echo refused",
            overlay: overlay)
        #expect(!run.result.stdout.contains("CONNECTED"), "\(run.result.combinedOutput)")
        #expect(listener.acceptedAny() == false)
    }

    /// On a plain tree and on an overlay tree alike.
    @Test(arguments: SandboxHarness.treeKinds) func systemDirectoriesAreReadOnly_andTheTreeAndTmpAreWritable(overlay: Bool) async throws {
        let run = try await run(
            "touch /usr/autofix-probe 2>&1; echo x > /tmp/a && echo tmp-ok; echo y > ./b && echo tree-ok; echo z > $HOME/c && echo home-ok", overlay: overlay)
        #expect(run.result.stdout.contains("Read-only file system"), "\(run.result.combinedOutput)")
        #expect(run.result.stdout.contains("tmp-ok") && run.result.stdout.contains("tree-ok") && run.result.stdout.contains("home-ok"))
        #expect(!FileManager.default.fileExists(atPath: "/usr/autofix-probe"))
    }

    /// On a plain tree and on an overlay tree alike.
    @Test(arguments: SandboxHarness.treeKinds) func aSetsidChild_endsWithTheCommand(overlay: Bool) async throws {
        let marker = String(UInt32.random(in: 100_000...999_999))
        let run = try await run("setsid sleep 300 \(marker) > /dev/null 2>&1 < /dev/null & echo started", overlay: overlay)
        #expect(run.result.succeeded && run.result.stdout.contains("started"))
        let left = try await ProcessRunner().run(["pgrep", "-f", "sleep 300 \(marker)"], timeout: .seconds(10))
        #expect(left.stdout.isEmpty, "a child outlived the test command: \(left.stdout)")
    }

    /// On a plain tree and on an overlay tree alike.
    @Test(arguments: SandboxHarness.treeKinds) func atTheDeadline_theSlotIsFree_evenWhenAChildHoldsStdout(overlay: Bool) async throws {
        let marker = String(UInt32.random(in: 100_000...999_999))
        let run = try await run("(sleep 301 \(marker) &); sleep 302 \(marker)", timeout: .seconds(2), overlay: overlay)
        #expect(run.result.timedOut)
        let left = try await ProcessRunner().run(["pgrep", "-f", "sleep 30[12] \(marker)"], timeout: .seconds(10))
        #expect(left.stdout.isEmpty, "\(left.stdout)")
    }

    @Test func withoutBubblewrap_andTheSandboxRequired_noTestRuns() async throws {
        let marker = "\(dir)/ran-\(UUID().uuidString)"
        await #expect(throws: SandboxUnavailable.self) {
            _ = try await run("touch \(marker)") { $0.bwrap = "/nonexistent/bwrap" }
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func withoutBubblewrap_andTheOperatorsOptOut_runsUnsandboxedAndSaysSo() async throws {
        let run = try await run("echo ran; env") {
            $0.bwrap = "/nonexistent/bwrap"
            $0.required = false
        }
        #expect(run.isolation == "none" && run.result.stdout.contains("ran"))
        #expect(!run.result.stdout.contains("leak-me-if-you-can"))
    }
}
