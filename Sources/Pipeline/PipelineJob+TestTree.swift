import ChildProcess
import Foundation
import GitHub
import Patching

extension PipelineJob {
    /// How this attempt's tests ran, for the stage's report: "3 test runs on overlay trees over 1 checkout".
    var testTreeSummary: String? {
        guard let tree = lastTestTree else { return nil }
        let runs = testRuns == 1 ? "1 test run" : "\(testRuns) test runs"
        let made = checkouts == 1 ? "1 checkout" : "\(checkouts) checkouts"
        return tree == "overlay"
            ? "\(runs) on overlay trees over \(made)\(checkoutReused ? ", moved from an earlier job's commit" : "")" : "\(runs) on \(made)"
    }

    /// A test run's outcome and how its tree was made.
    struct TestRun {
        var sandbox: TestSandbox.Run
        /// `overlay` (an upper layer over the job's checkout) or `checkout` (a fresh one).
        var tree: String
        var result: ProcessResult { sandbox.result }
        var isolation: String { sandbox.isolation }
    }

    /// The tests on the run's commit with `change` on top (nil: the commit as it is). Every run writes
    /// to a tree no earlier run wrote to: an overlay's fresh upper layer over the job's one checkout, or
    /// where overlays cannot be mounted, a fresh checkout. The worker's git never runs in a tree the
    /// sandbox wrote (the checkout is only ever a lower layer once tests ran), and every run's layers are
    /// removed afterwards.
    func runTests(_ command: String, _ sandbox: TestSandbox, _ facts: RunFacts, change: StagedChange?, name: String) async throws -> TestRun {
        let scratch = "\(sandboxDirectory)/\(name)-\(UUID().uuidString)"
        do {
            let run = try await prepareAndRun(command, sandbox, facts, change: change, scratch: scratch)
            lastTestTree = run.tree
            testRuns += 1
            await ScratchTree.remove(scratch, logger: logger)
            return run
        } catch {
            await ScratchTree.remove(scratch, logger: logger)
            throw error
        }
    }

    func prepareAndRun(_ command: String, _ sandbox: TestSandbox, _ facts: RunFacts, change: StagedChange?, scratch: String) async throws -> TestRun {
        let workspace = pipeline.workspace
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        if configuration.sandbox.overlay, await sandbox.overlayUnavailable(scratch: sandboxDirectory) == nil {
            let overlay = OverlayMount(lower: try await jobCheckout(facts), scratch: scratch)
            if overlay.isMountable {
                if let change { try await workspace.writeLayer(repo: failure.repo, change: change, into: overlay.upper) }
                let run = try await sandbox.run(command, tree: overlay.merged, scratch: scratch, overlay: overlay, timeout: configuration.testTimeout)
                return TestRun(sandbox: run, tree: "overlay")
            }
        }
        var commit = facts.headSHA
        if let change {
            let identity = [
                "GIT_AUTHOR_NAME": "ci-autofix", "GIT_AUTHOR_EMAIL": "ci-autofix@localhost", "GIT_COMMITTER_NAME": "ci-autofix",
                "GIT_COMMITTER_EMAIL": "ci-autofix@localhost",
            ]
            commit = try await workspace.commit(repo: failure.repo, tree: change.tree, parent: facts.headSHA, message: "tree under test", environment: identity)
        }
        let tree = "\(scratch)/src"
        try await workspace.checkout(repo: failure.repo, commit: commit, to: tree)
        checkouts += 1
        let run = try await sandbox.run(command, tree: tree, scratch: scratch, timeout: configuration.testTimeout)
        return TestRun(sandbox: run, tree: "checkout")
    }

    /// The job's one checkout of the run's commit, made on first use: the lower layer of every test run.
    /// An earlier job's kept checkout of the repository is moved to this commit when there is one; at the
    /// job's end the checkout is kept for the next (`cleanUp`).
    func jobCheckout(_ facts: RunFacts) async throws -> String {
        if let known = jobCheckoutPath, known.commit == facts.headSHA { return known.path }
        if let kept = await pipeline.checkouts.take(repo: failure.repo, logger: logger) {
            do {
                try await pipeline.workspace.moveCheckout(repo: failure.repo, at: kept.path, from: kept.commit, to: facts.headSHA)
                jobCheckoutPath = (kept.path, facts.headSHA)
                checkoutReused = true
                checkouts += 1
                return kept.path
            } catch {
                logger.warning("a kept checkout could not be moved; making a new one", metadata: ["error": "\(error)"])
                await ScratchTree.remove(kept.path, logger: logger)
            }
        }
        let path = pipeline.checkouts.newPath()
        do {
            try await pipeline.workspace.checkout(repo: failure.repo, commit: facts.headSHA, to: path)
        } catch {
            await ScratchTree.remove(path, logger: logger)
            throw error
        }
        jobCheckoutPath = (path, facts.headSHA)
        checkouts += 1
        return path
    }
}
