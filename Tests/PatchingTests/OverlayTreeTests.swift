import ChildProcess
import Foundation
import Patching
import TestSupport
import Testing

/// A test run's tree as an overlay over the job's one checkout: what the tests write stays in the run's
/// own upper layer; the checkout (the lower layer) and the host never see it.
@Suite struct OverlayTreeTests {
    let harness = SandboxHarness()

    @Test func thisHost_mountsOverlayTrees() async throws {
        let scratch = "\(harness.dir)/probe"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let reason = await harness.sandbox().overlayUnavailable(scratch: scratch)
        #expect(reason == nil, "\(reason ?? "")")
    }

    @Test func whatATestRunWrites_landsInItsUpperLayer_neverInTheLowerOne() async throws {
        let run = try await harness.run(
            "cat lower.txt && echo rewritten > lower.txt && echo added > new.txt && rm lower.txt && ls -A", overlay: true)
        #expect(run.result.succeeded && run.result.stdout.contains("from the lower layer"), "\(run.result.combinedOutput)")
        let scratch = try #require(try FileManager.default.contentsOfDirectory(atPath: harness.dir).first.map { "\(harness.dir)/\($0)" })
        let mount = harness.overlayMount(scratch)
        #expect(try String(contentsOfFile: "\(mount.lower)/lower.txt", encoding: .utf8) == "from the lower layer\n")
        #expect(try String(contentsOfFile: "\(mount.upper)/new.txt", encoding: .utf8) == "added\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.lower).sorted() == ["build", "lower.txt"])
        // The mount lived in the sandbox's namespace only: on the host the merged directory is empty.
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.merged).isEmpty)
    }

    @Test func theLayersHostPaths_areNotReachable_andTheTreeCannotBeRemounted() async throws {
        let scratch = "\(harness.dir)/probe-paths"
        let mount = harness.overlayMount(scratch)
        let run = try await harness.run(
            "cat \(mount.lower)/lower.txt 2>&1; ls \(harness.dir) 2>&1; umount /src 2>&1; mount -t tmpfs none /src 2>&1; "
                + "mount -o remount,rw /src 2>&1; echo done", overlay: true)
        #expect(run.result.stdout.contains("done"), "\(run.result.combinedOutput)")
        #expect(!run.result.stdout.contains("from the lower layer"), "\(run.result.combinedOutput)")
        let denied = run.result.stdout.split(separator: "\n").filter {
            $0.contains("No such file") || $0.contains("ermission") || $0.contains("must be superuser")
        }
        #expect(denied.count >= 4, "\(run.result.combinedOutput)")
    }

    @Test func aCommittedDirectory_canBeRemovedAndMadeAgain_asOnACheckout() async throws {
        let run = try await harness.run("rm -rf build && mkdir build && echo fresh > build/out.txt && cat build/out.txt", overlay: true)
        #expect(run.result.succeeded && run.result.stdout == "fresh\n", "\(run.result.combinedOutput)")
    }

    @Test func aTestThatSaysTheMountFailed_isOnlyAFailingTest() async throws {
        // The sandbox cannot write where the mount's failure is recorded; the job must not blame the host.
        let run = try await harness.run("echo 'autofix: the overlay could not be mounted' >&2; exit 125", overlay: true)
        #expect(run.result.status == 125 && run.isolation == "bwrap")
    }
}
