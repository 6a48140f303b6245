import ChildProcess
import Foundation
import Testing

@Suite struct ProcessRunnerTests {
    @Test func run_withEnvironment_passesOnlyThatEnvironment() async throws {
        let result = try await ProcessRunner().run(
            ["sh", "-c", "echo \"$ONLY:$HOME\""], environment: ["ONLY": "yes", "PATH": "/usr/bin:/bin", "HOME": "/nowhere"])
        #expect(result.succeeded, "\(result.combinedOutput)")
        #expect(result.stdout == "yes:/nowhere\n")
    }

    @Test func run_pastTimeout_killsTheProcessGroup() async throws {
        let result = try await ProcessRunner().run(["sh", "-c", "sleep 30 & sleep 30"], timeout: .milliseconds(300))
        #expect(result.timedOut)
        #expect(!result.succeeded)
    }

    @Test func run_capturesBothStreamsAndStatus() async throws {
        let result = try await ProcessRunner().run(["sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(result.status == 3)
        #expect(result.stdout == "out\n")
        #expect(result.stderr == "err\n")
    }
}

extension ProcessRunnerTests {
    @Test func run_childLeadsItsOwnProcessGroup() async throws {
        let result = try await ProcessRunner().run(["sh", "-c", "echo $$ $(ps -o pgid= -p $$)"])
        let parts = result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(parts.count == 2 && parts[0] == parts[1], "\(result.stdout)")
    }
}
